using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;

namespace TalkBot.Domain.Records;

/// <summary>
/// The content checklist of each kind of talk. Routine talks cover topics, so at least one is ticked; the reminder
/// and admonishment talks are procedures whose every step must be done and recorded.
/// </summary>
public static class ContentChecklist
{
    /// <summary>How many items the kind has: 10 (000 §四(二)), 3 (000 §四(三)) or 4 (002 §三).</summary>
    public static int Count(TalkKind kind) => kind switch
    {
        TalkKind.Routine => 10,
        TalkKind.Reminder => 3,
        TalkKind.Admonishment => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// Whether every item must be ticked (steps of a procedure: 000 §四(三), 002 §三) rather than at least one (topics:
    /// 000 §四(二)). A procedure's steps are also written out for each talkee: the problems, the explanation and the
    /// requirements (<see cref="RecordRules.Check"/>).
    /// </summary>
    public static bool AllRequired(TalkKind kind) => kind != TalkKind.Routine;

    public static string Source(TalkKind kind) => kind switch
    {
        TalkKind.Routine => RuleSources.RoutineContent,
        TalkKind.Reminder => RuleSources.ReminderContent,
        _ => RuleSources.AdmonishmentContent,
    };
}

/// <summary>
/// What was said with one talkee. A collective talk has one record with a part per talkee; each talkee verifies
/// their own part (002 §五7).
/// </summary>
public sealed record TalkeePart(
    PersonId Talkee,
    string? Problems,
    string? Explanation,
    string? Requirements,
    bool RectificationRequired,
    IReadOnlyList<string> RectificationItems)
{
    public bool SameAs(TalkeePart other) =>
        Talkee == other.Talkee && Problems == other.Problems && Explanation == other.Explanation
        && Requirements == other.Requirements && RectificationRequired == other.RectificationRequired
        && RectificationItems.SequenceEqual(other.RectificationItems);
}

/// <summary>
/// The 《层级廉政谈话登记表》 as the recorder fills it in (000 §四(一)4). Fields are nullable because a form may leave
/// them empty; <see cref="RecordRules.Check"/> names each missing one.
/// </summary>
public sealed record RecordContent(
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    string? Place,
    TalkFormat Format,
    PersonId? LeadTalker,
    IReadOnlyList<PersonId> JointTalkers,
    PersonId? DelegatedBy,
    PersonId? Recorder,
    IReadOnlySet<int> Checklist,
    IReadOnlyList<TalkeePart> Parts)
{
    /// <summary>The names of the fields, as used in Required violations and in the change history.</summary>
    public static class Fields
    {
        public const string StartedAt = "startedAt";
        public const string EndedAt = "endedAt";
        public const string Place = "place";
        public const string Format = "format";
        public const string LeadTalker = "leadTalker";
        public const string JointTalkers = "jointTalkers";
        public const string DelegatedBy = "delegatedBy";
        public const string Recorder = "recorder";
        public const string Checklist = "checklist";
        public const string Problems = "problems";
        public const string Explanation = "explanation";
        public const string Requirements = "requirements";
        public const string Rectification = "rectification";
    }

    public TalkeePart? PartOf(PersonId talkee) => Parts.FirstOrDefault(p => p.Talkee == talkee);

    /// <summary>Which fields differ from <paramref name="previous"/>: the "what changed" of a new version.</summary>
    public IReadOnlyList<string> ChangedFrom(RecordContent previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var changed = new List<string>();
        void Check(bool same, string field)
        {
            if (!same)
            {
                changed.Add(field);
            }
        }

        Check(StartedAt == previous.StartedAt, Fields.StartedAt);
        Check(EndedAt == previous.EndedAt, Fields.EndedAt);
        Check(Place == previous.Place, Fields.Place);
        Check(Format == previous.Format, Fields.Format);
        Check(LeadTalker == previous.LeadTalker, Fields.LeadTalker);
        Check(JointTalkers.SequenceEqual(previous.JointTalkers), Fields.JointTalkers);
        Check(DelegatedBy == previous.DelegatedBy, Fields.DelegatedBy);
        Check(Recorder == previous.Recorder, Fields.Recorder);
        Check(Checklist.SetEquals(previous.Checklist), Fields.Checklist);
        Check(Parts.Select(p => p.Problems).SequenceEqual(previous.Parts.Select(p => p.Problems)), Fields.Problems);
        Check(Parts.Select(p => p.Explanation).SequenceEqual(previous.Parts.Select(p => p.Explanation)), Fields.Explanation);
        Check(Parts.Select(p => p.Requirements).SequenceEqual(previous.Parts.Select(p => p.Requirements)), Fields.Requirements);
        Check(Parts.Count == previous.Parts.Count
              && Parts.Zip(previous.Parts).All(p => p.First.RectificationRequired == p.Second.RectificationRequired
                                                    && p.First.RectificationItems.SequenceEqual(p.Second.RectificationItems)),
            Fields.Rectification);
        return changed;
    }

    public bool SameAs(RecordContent other) => ChangedFrom(other).Count == 0;
}
