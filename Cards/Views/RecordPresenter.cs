using TalkBot.Cards.Records;
using TalkBot.Domain;
using TalkBot.Domain.People;
using TalkBot.Domain.Records;
using TalkBot.Domain.Talks;


namespace TalkBot.Cards.Views;

/// <summary>Talk records as the cards show them, built from the talk, its record and the viewer.</summary>
public static class RecordPresenter
{
    private static readonly TimeSpan DefaultLength = TimeSpan.FromHours(1);

    /// <summary>
    /// One version as <paramref name="viewer"/> may see it: a talkee sees only their own part (each verifies their own,
    /// 002 §五7, and a collective talk's parts about others are not theirs to read); everyone else sees all parts.
    /// </summary>
    public static RecordView Record(Talk talk, TalkRecord record, RecordVersion version, PersonId viewer, ViewContext context, RecordCardMode mode, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(context);
        var c = version.Content;
        var parts = c.Parts.Where(p => !talk.IsTalkee(viewer) || p.Talkee == viewer).Select(p =>
        {
            var verification = version.VerificationBy(p.Talkee);
            return new RecordPartView(context.Name(p.Talkee), p.Problems, p.Explanation, p.Requirements, p.RectificationRequired,
                p.RectificationItems, verification?.Decision, verification?.Comment,
                verification is null ? null : context.Local(verification.At));
        }).ToList();
        return new RecordView(
            talk.Id,
            talk.Kind,
            version.Number,
            version == record.Current ? record.Status : RecordStatus.Verified,
            context.Local(c.StartedAt!.Value),
            context.Local(c.EndedAt!.Value),
            c.Place ?? "",
            c.Format,
            c.LeadTalker is { } lead ? context.Name(lead) : "",
            [.. context.Names(c.JointTalkers)],
            c.DelegatedBy is { } d ? context.Name(d) : null,
            c.Recorder is { } r ? context.Name(r) : "",
            [.. c.Checklist.Order()],
            parts,
            context.Name(version.Author),
            context.Local(version.At),
            version.ChangedFields,
            mode,
            notice);
    }

    /// <summary>The mode the viewer gets: the talkee verifies a pending part, the recorder may revise, others read.</summary>
    public static RecordCardMode ModeFor(Talk talk, TalkRecord record, Person viewer, Person? organiser)
    {
        if (talk.IsTalkee(viewer.Id))
        {
            return record.Status != RecordStatus.Verified && record.Current.VerificationBy(viewer.Id) is null
                ? RecordCardMode.Verify
                : RecordCardMode.View;
        }

        return RecordAccess.CanLog(viewer, talk, organiser) ? RecordCardMode.Recorder : RecordCardMode.View;
    }

    /// <summary>
    /// The record form: prefilled from the current version when revising, otherwise from the talk as notified.
    /// </summary>
    /// <param name="people">The people the form offers as talkers and recorders.</param>
    public static RecordFormView Form(Talk talk, TalkRecord? record, Person actor, IEnumerable<Person> people, ViewContext context, string formId,
        IReadOnlyDictionary<string, string?>? values = null, IReadOnlyList<string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(context);
        values ??= record is null ? Prefill(talk, actor, context) : RecordInputParser.ValuesOf(record.Current.Content, talk.Talkees, context.Calendar.ToLocal);
        var active = people.Where(p => p.Active && !talk.IsTalkee(p.Id)).ToList();
        var disputes = record?.Status == RecordStatus.Disputed
            ? record.Current.Verifications.Where(v => v.Decision == VerificationDecision.Disputed)
                .Select(v => new DisputeView(context.Name(v.Talkee), v.Comment ?? "", context.Local(v.At))).ToList()
            : null;
        return new RecordFormView(
            talk.Id,
            talk.Kind,
            context.Local(talk.ScheduledAt),
            talk.Place,
            [.. talk.Talkees.Select(t => new RecordTalkee(t, context.Name(t)))],
            [.. active.OrderByDescending(p => talk.IsTalker(p.Id)).Select(Choice)],
            [.. talk.Talkers.Select(t => active.Find(p => p.Id == t) is { } p ? Choice(p) : new PersonChoice(t, context.Name(t)))],
            [.. active.Where(p => p.HasAny(Role.Recorder, Role.DisciplineOffice) || p.Id == actor.Id || p.Id == talk.Recorder)
                .OrderByDescending(p => p.Id == (talk.Recorder ?? actor.Id)).Select(Choice)],
            values,
            formId,
            record?.Current.Number,
            disputes,
            errors);
    }

    private static Dictionary<string, string?> Prefill(Talk talk, Person actor, ViewContext context)
    {
        var start = context.Local(talk.ScheduledAt);
        var end = start + DefaultLength;
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [RecordFields.Date] = Localization.DateText.Iso(DateOnly.FromDateTime(start.DateTime)),
            [RecordFields.Start] = Localization.DateText.Iso(TimeOnly.FromDateTime(start.DateTime)),
            [RecordFields.End] = Localization.DateText.Iso(TimeOnly.FromDateTime(end.DateTime)),
            [RecordFields.Place] = talk.Place,
            [RecordFields.Format] = talk.Format.ToString(),
            [RecordFields.Lead] = talk.LeadTalker.Value,
            [RecordFields.Joint] = string.Join(',', talk.Talkers.Skip(1).Select(p => p.Value)),
            [RecordFields.Recorder] = (talk.Recorder ?? actor.Id).Value,
        };
        return values;
    }

    private static PersonChoice Choice(Person p) => new(p.Id, p.DisplayName, p.JobTitle);
}
