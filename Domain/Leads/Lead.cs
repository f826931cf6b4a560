using TalkBot.Domain.Calendar;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;

namespace TalkBot.Domain.Leads;

/// <summary>
/// A lead (问题线索) about a cadre's early or tendency problem against the 六项纪律, found in 信访举报, 审计监督, 组织考察,
/// 执纪审查 or 巡察 (000 §三2–3). It opens a reminder talk (廉政提醒谈话); after the talk the dispositions of
/// 000 §四(四) are recorded on it. The discipline office that registers it is its level: only that office sees the
/// reporter (SPEC §6).
/// </summary>
public sealed class Lead
{
    private readonly List<TalkId> talks;
    private readonly List<Disposition> dispositions;

    private Lead(LeadId id, PersonId subject, LeadSource source, DisciplineCategory category, string summary, Reporter reporter,
        UnitId? officeUnit, PersonId registeredBy, DateTimeOffset registeredAt, IEnumerable<TalkId> talks, IEnumerable<Disposition> dispositions)
    {
        Id = id;
        Subject = subject;
        Source = source;
        Category = category;
        Summary = summary;
        Reporter = reporter;
        OfficeUnit = officeUnit;
        RegisteredBy = registeredBy;
        RegisteredAt = registeredAt;
        this.talks = [.. talks];
        this.dispositions = [.. dispositions.OrderBy(d => d.Number)];
    }

    public LeadId Id { get; }

    /// <summary>The cadre the lead is about (被反映人), the talkee of the reminder talk.</summary>
    public PersonId Subject { get; }

    public LeadSource Source { get; }
    public DisciplineCategory Category { get; }
    public string Summary { get; }

    /// <summary>Restricted: see <see cref="LeadAccess.CanSeeReporter"/>.</summary>
    public Reporter Reporter { get; }

    /// <summary>The unit of the discipline office that registered the lead: "the discipline office of that level".</summary>
    public UnitId? OfficeUnit { get; }

    public PersonId RegisteredBy { get; }
    public DateTimeOffset RegisteredAt { get; }

    /// <summary>The reminder talks held on this lead, first to last (a second talk is one of the dispositions).</summary>
    public IReadOnlyList<TalkId> Talks => talks;

    public IReadOnlyList<Disposition> Dispositions => dispositions;

    /// <summary>Closed once 了结澄清; otherwise where the latest talk stands: none yet, held or arranged, or decided on.</summary>
    public LeadStatus Status =>
        dispositions.Any(d => d.Kind == DispositionKind.ClosedUnfounded) ? LeadStatus.Closed
        : talks.Count == 0 ? LeadStatus.Registered
        : dispositions.Any(d => d.AfterTalk == talks.Count) ? LeadStatus.Disposed
        : LeadStatus.InTalk;

    /// <summary>The lead as a list shows it: never its reporter (SPEC §6).</summary>
    public LeadListing Listing => new(Id, Subject, Source, Category, Summary, Status, RegisteredAt, [.. dispositions]);

    /// <summary>
    /// Registers a lead. Only the discipline office does (000 §三2–3: 根据线索处置办法); the summary, source and category
    /// are required and the subject must be active in the directory.
    /// </summary>
    public static Lead Register(LeadId id, LeadDraft draft, Person by, Person? subject, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(by);
        var violations = new List<RuleViolation>();
        if (!LeadAccess.IsDisciplineOffice(by))
        {
            throw new DomainRuleException(new RuleViolation(RuleCode.NotPermitted, RuleSources.ReminderTalk));
        }

        if (subject is null)
        {
            violations.Add(RuleViolation.Required(Fields.Subject, RuleSources.ReminderTalk));
        }
        else if (Permissions.CheckTalkee(subject) is { } inactive)
        {
            violations.Add(inactive);
        }
        else if (subject.Id == by.Id)
        {
            violations.Add(new RuleViolation(RuleCode.SubjectIsActor, RuleSources.ReminderTalk));
        }

        if (draft.Source is null)
        {
            violations.Add(RuleViolation.Required(Fields.Source, RuleSources.ReminderTalk));
        }

        if (draft.Category is null)
        {
            violations.Add(RuleViolation.Required(Fields.Category, RuleSources.ReminderTalk));
        }

        if (string.IsNullOrWhiteSpace(draft.Summary))
        {
            violations.Add(RuleViolation.Required(Fields.Summary, RuleSources.ReminderTalk));
        }

        if (violations.Count > 0)
        {
            throw new DomainRuleException(violations);
        }

        var reporter = draft.Reporter is { } r ? new Reporter(Trim(r.Name), Trim(r.Unit)) : new Reporter(null, null);
        return new Lead(id, subject!.Id, draft.Source!.Value, draft.Category!.Value, draft.Summary!.Trim(), reporter, by.UnitId,
            by.Id, now, [], []);
    }

    public static Lead Restore(LeadId id, PersonId subject, LeadSource source, DisciplineCategory category, string summary, Reporter reporter,
        UnitId? officeUnit, PersonId registeredBy, DateTimeOffset registeredAt, IEnumerable<TalkId> talks, IEnumerable<Disposition> dispositions) =>
        new(id, subject, source, category, summary, reporter, officeUnit, registeredBy, registeredAt, talks, dispositions);

    /// <summary>
    /// Whether a reminder talk may be arranged on the lead now: the first (000 §三2–3), or another once the latest talk
    /// was followed by 再次谈话 (000 §四(四)5); never once the lead is closed (了结澄清, 000 §四(四)3).
    /// </summary>
    public bool CanArrangeTalk => Status != LeadStatus.Closed
        && (talks.Count == 0 || dispositions.Any(d => d.Kind == DispositionKind.SecondTalk && d.AfterTalk == talks.Count));

    /// <summary>
    /// Dispositions are due (谈后, 000 §四(四)): the lead is open, its latest talk has been held, and nothing has been
    /// decided after that talk yet.
    /// </summary>
    /// <param name="latestTalkHeld">Whether the latest reminder talk on the lead has been held (its record is logged).</param>
    public bool AwaitsDisposition(bool latestTalkHeld) =>
        talks.Count > 0 && latestTalkHeld && Status != LeadStatus.Closed && !dispositions.Any(d => d.AfterTalk == talks.Count);

    /// <summary>Null when dispositions may be recorded now (<see cref="AwaitsDisposition"/>); otherwise DispositionBeforeTalk.</summary>
    public RuleViolation? CheckDisposable(bool latestTalkHeld) => AwaitsDisposition(latestTalkHeld)
        ? null
        : new RuleViolation(RuleCode.DispositionBeforeTalk, RuleSources.Dispositions);

    /// <summary>
    /// Schedules a reminder talk on the lead (000 §三2–3): only when one may be arranged (<see cref="CanArrangeTalk"/>),
    /// with the lead's subject as the only talkee (the talk is about what was reported of them); the common rules of
    /// <see cref="Talk"/>, the clocks of 000 §四(一) among them, apply as well. The caller stores the talk, then attaches
    /// it with <see cref="AttachTalk"/>.
    /// </summary>
    /// <exception cref="DomainRuleException">
    /// The lead takes no talk now (InvalidState alone); otherwise every rule broken, the lead's and the talk's.
    /// </exception>
    public Talk ScheduleReminderTalk(TalkId id, TalkDraft draft, Person organiser, WorkingCalendar calendar, NoticePolicy policy, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!CanArrangeTalk)
        {
            throw new DomainRuleException(RuleViolation.InvalidState(Status.ToString(), RuleSources.ReminderTalk));
        }

        var violations = new List<RuleViolation>();
        var talkees = draft.Talkees.Select(p => p.Id).Distinct().ToList();
        if (talkees.Count != 1 || talkees[0] != Subject)
        {
            violations.Add(new RuleViolation(RuleCode.TalkeeNotSubject, RuleSources.ReminderTalk));
        }

        Talk? talk = null;
        try
        {
            talk = Talk.Arrange(id, draft with { Kind = TalkKind.Reminder }, organiser, calendar, policy, time);
        }
        catch (DomainRuleException e)
        {
            violations.AddRange(e.Violations);
        }

        return violations.Count > 0 ? throw new DomainRuleException(violations) : talk!;
    }

    /// <summary>
    /// A reminder talk is arranged on this lead: the first, or a second one after the disposition 再次谈话
    /// (000 §四(四)5). The same talk again changes nothing.
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    public bool AttachTalk(TalkId talk)
    {
        if (talks.Contains(talk))
        {
            return false;
        }

        if (!CanArrangeTalk)
        {
            throw new DomainRuleException(RuleViolation.InvalidState(Status.ToString(), RuleSources.ReminderTalk));
        }

        talks.Add(talk);
        return true;
    }

    /// <summary>
    /// Records what follows the reminder talk (000 §四(四)): one or more dispositions, each with what it needs. Only
    /// after the latest talk has been held; a repeated submit of one form changes nothing.
    /// </summary>
    /// <param name="latestTalkHeld">Whether the latest reminder talk on the lead has been held (its record is logged).</param>
    /// <returns>The dispositions added (empty when the form was submitted before).</returns>
    /// <exception cref="DomainRuleException">No talk held yet, the lead is closed, nothing chosen, a choice lacks what it
    /// needs, or 了结澄清 is combined with a disposition that keeps the lead open.</exception>
    public IReadOnlyList<Disposition> Dispose(PersonId by, IReadOnlyList<DispositionDraft> drafts, string? formId, bool latestTalkHeld,
        DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        if (formId is not null && dispositions.Any(d => d.FormId == formId))
        {
            return [];
        }

        if (CheckDisposable(latestTalkHeld) is { } notYet)
        {
            throw new DomainRuleException(notYet);
        }

        var violations = DispositionRules.Check(drafts, today);
        if (violations.Count > 0)
        {
            throw new DomainRuleException(violations);
        }

        var added = drafts.DistinctBy(d => d.Kind).OrderBy(d => d.Kind).Select((d, i) => new Disposition(
            dispositions.Count + i + 1, d.Kind, Trim(d.Note), DispositionRules.NeedsDueDate(d.Kind) ? d.DueDate : null,
            talks.Count, by, now, formId)).ToList();
        dispositions.AddRange(added);
        return added;
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The names of the draft's fields, as used in the "field" argument of a Required violation.</summary>
    public static class Fields
    {
        public const string Subject = "subject";
        public const string Source = "source";
        public const string Category = "category";
        public const string Summary = "summary";
    }
}
