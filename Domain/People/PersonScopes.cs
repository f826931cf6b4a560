using TalkBot.Domain.Admonishments;
using TalkBot.Domain.Leads;
using TalkBot.Domain.Plans;
using TalkBot.Domain.Records;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;

namespace TalkBot.Domain.People;

/// <summary>The person fields of TalkBot's forms: who is chosen where.</summary>
public enum PersonField
{
    /// <summary>The talkee(s) of a new talk.</summary>
    Talkee,
    /// <summary>The talker(s) of a new talk.</summary>
    Talker,
    /// <summary>The recorder of a new talk.</summary>
    Recorder,
    /// <summary>The leading and joint talkers a record names.</summary>
    RecordTalker,
    /// <summary>The recorder a record names.</summary>
    RecordRecorder,
    /// <summary>The cadre a lead is about.</summary>
    LeadSubject,
    /// <summary>The cadre an admonishment proposal is about.</summary>
    CaseSubject,
    /// <summary>The person whose integrity archive is opened.</summary>
    ArchiveSubject,
    /// <summary>The person whose roles and rank an administrator edits.</summary>
    RoleHolder,
    /// <summary>Whom the talker of a plan talk invites to talk jointly (共同谈话, 000 §二2, §二4).</summary>
    JointTalker,
}

/// <summary>
/// Whom one caller may choose in one person field: the same rule decides what a form offers, what a typeahead search
/// returns, and whether a submitted choice is accepted. A caller who may not fill the field at all may choose nobody.
/// </summary>
public sealed class PersonScope
{
    private readonly Func<Person, bool> includes;
    private readonly Func<Person, bool> preferred;

    internal PersonScope(PersonField field, string source, bool open, Func<Person, bool> includes, Func<Person, bool>? preferred = null)
    {
        Field = field;
        Source = source;
        IsOpen = open;
        this.includes = includes;
        this.preferred = preferred ?? (_ => false);
    }

    public PersonField Field { get; }

    /// <summary>Where the rule comes from, cited by a refusal.</summary>
    public string Source { get; }

    /// <summary>Whether the caller may fill this field at all; when not, the scope holds nobody.</summary>
    public bool IsOpen { get; }

    /// <summary>Whether <paramref name="candidate"/> may be chosen here. People who left the directory never may (SPEC §1).</summary>
    public bool Includes(Person candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return IsOpen && candidate.Active && includes(candidate);
    }

    /// <summary>The people the rule's source names first for this field, listed before the others (not a restriction).</summary>
    public bool Prefers(Person candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return preferred(candidate);
    }

    /// <summary>
    /// Null when the person submitted for this field may be chosen; otherwise PersonNotChoosable (arguments "person",
    /// "name", "field", and "unknown" when the directory does not hold <paramref name="id"/>).
    /// </summary>
    public RuleViolation? Check(PersonId id, Person? candidate)
    {
        if (candidate is not null && Includes(candidate))
        {
            return null;
        }

        var arguments = new Dictionary<string, string>
        {
            ["person"] = id.Value,
            ["name"] = candidate?.DisplayName ?? id.Value,
            ["field"] = Field.ToString(),
        };
        if (candidate is null)
        {
            arguments["unknown"] = "true";
        }

        return new RuleViolation(RuleCode.PersonNotChoosable, Source, Arguments: arguments);
    }
}

/// <summary>The scope of each person field for a caller, from the rules that decide who may be chosen there.</summary>
public static class PersonScopes
{
    // 000 §二: the talkers of the four tiers and those they may delegate to (委托) lead routine talks.
    private static readonly Role[] TierTalkers =
    [
        Role.BureauSecretary,
        Role.DisciplineGroupLeader,
        Role.DeputyGroupLeader,
        Role.UnitSecretary,
        Role.StationedDisciplineLeader,
    ];

    /// <summary>
    /// 000 §二: a talk is held with others, so the organiser is not their own talkee; SPEC §1: only whoever may create
    /// talks fills the form. A talk for a lead or a case narrows this to its subject (Lead, AdmonishmentCase).
    /// </summary>
    /// <param name="handed">The form is for a talk handed to <paramref name="organiser"/> (委托, 000 §二; PlanItem.ScheduleHandedTalk).</param>
    public static PersonScope Talkees(Person organiser, bool handed = false)
    {
        ArgumentNullException.ThrowIfNull(organiser);
        return new(PersonField.Talkee, RuleSources.Tiers, Permissions.CanCreateTalks(organiser) || (handed && organiser.Active), p => p.Id != organiser.Id);
    }

    /// <summary>000 §二: anyone active may talk or join a talk (共同谈话); the tiers' talkers and delegates come first.</summary>
    /// <param name="handed">The form is for a talk handed to <paramref name="organiser"/> (委托, 000 §二; PlanItem.ScheduleHandedTalk).</param>
    public static PersonScope Talkers(Person organiser, bool handed = false)
    {
        ArgumentNullException.ThrowIfNull(organiser);
        return new(PersonField.Talker, RuleSources.Tiers, Permissions.CanCreateTalks(organiser) || (handed && organiser.Active), _ => true, p => p.HasAny(TierTalkers));
    }

    /// <summary>
    /// 000 §二2, §二4: whom <paramref name="caller"/> may invite to talk jointly (共同谈话) on the lines of one talkee's plan
    /// talk: those of the lines the caller talks on (his own, else one he is the delegate of) that name the people the tier's
    /// talker may invite — the bureau committee's other members on tier 2, the unit committee's on tier 4. Tiers 1 and 3
    /// invite nobody, so the field is closed there.
    /// </summary>
    /// <param name="linesOfTalkee">The tier lines naming the talkee of the talk (of any talker; those not the caller's are ignored).</param>
    public static PersonScope JointTalkers(Person caller, IEnumerable<TierAssignment> linesOfTalkee)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(linesOfTalkee);
        // His own lines; a delegate's only when he has none with the talkee (the line handed to him).
        var all = linesOfTalkee.ToList();
        var own = all.Where(l => l.Talker == caller.Id).ToList();
        var lines = own.Count > 0 ? own : all.Where(l => l.DelegateTo.Contains(caller.Id)).ToList();
        var source = lines.Count > 0 ? RoutineTalks.Source(lines[0].Tier) : RuleSources.Tiers;
        return new(PersonField.JointTalker, source, caller.Active && lines.Count > 0 && lines.All(l => l.MayInviteJointly.Count > 0),
            p => lines.All(l => TalkTiers.MayInviteJointly(l, p.Id)));
    }

    /// <summary>000 §四(一)4: 安排专人做好记录: a Recorder, or the discipline office that arranges the record.</summary>
    /// <param name="handed">The form is for a talk handed to <paramref name="organiser"/> (委托, 000 §二; PlanItem.ScheduleHandedTalk).</param>
    public static PersonScope Recorders(Person organiser, bool handed = false)
    {
        ArgumentNullException.ThrowIfNull(organiser);
        return new(PersonField.Recorder, RuleSources.Record, Permissions.CanCreateTalks(organiser) || (handed && organiser.Active), IsRecorder, p => p.Has(Role.Recorder));
    }

    /// <summary>
    /// 000 §二: whoever logs the talk (RecordAccess.CanLog) names its talkers: anyone active but its talkees; the talkers
    /// the talk was notified with come first.
    /// </summary>
    public static PersonScope RecordTalkers(Person caller, Talk talk, Person? organiser)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(talk);
        return new(PersonField.RecordTalker, RuleSources.Tiers, RecordAccess.CanLog(caller, talk, organiser),
            p => !talk.IsTalkee(p.Id), p => talk.IsTalker(p.Id));
    }

    /// <summary>
    /// 000 §四(一)4: the record names who kept it: a Recorder or the discipline office, the recorder the talk named, or
    /// whoever logs it (002 §五6: the responsible person fills the 情况表).
    /// </summary>
    public static PersonScope RecordRecorders(Person caller, Talk talk, Person? organiser)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(talk);
        return new(PersonField.RecordRecorder, RuleSources.Record, RecordAccess.CanLog(caller, talk, organiser),
            p => !talk.IsTalkee(p.Id) && (IsRecorder(p) || p.Id == caller.Id || p.Id == talk.Recorder), p => p.Id == (talk.Recorder ?? caller.Id));
    }

    /// <summary>000 §三2–3: the discipline office registers leads, about someone other than the one registering.</summary>
    public static PersonScope LeadSubjects(Person caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new(PersonField.LeadSubject, RuleSources.ReminderTalk, LeadAccess.IsDisciplineOffice(caller), p => p.Id != caller.Id);
    }

    /// <summary>002 §四1: the discipline office or the organisation department proposes, about someone other than the proposer.</summary>
    public static PersonScope CaseSubjects(Person caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new(PersonField.CaseSubject, RuleSources.AdmonishmentProposal, AdmonishmentRules.MayPropose(caller), p => p.Id != caller.Id);
    }

    /// <summary>000 §四(一)6: the personal integrity archive is the discipline office's (LeadAccess.CanReadArchive).</summary>
    public static PersonScope ArchiveSubjects(Person caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new(PersonField.ArchiveSubject, RuleSources.Archive, LeadAccess.CanReadArchive(caller), _ => true);
    }

    /// <summary>SPEC §1: an administrator assigns roles and ranks to the people in the directory.</summary>
    public static PersonScope RoleHolders(Person caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new(PersonField.RoleHolder, RuleSources.Roles, RoleAssignmentRules.MayAssign(caller), _ => true);
    }

    private static bool IsRecorder(Person p) => p.HasAny(Role.Recorder, Role.DisciplineOffice);
}
