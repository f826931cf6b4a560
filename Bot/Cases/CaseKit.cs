using TalkBot.Bot.Handlers;
using TalkBot.Bot.Storage;
using TalkBot.Bot.Talks;
using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Builders;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using TalkBot.Domain;
using TalkBot.Domain.Audit;
using TalkBot.Domain.Calendar;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.People;
using TalkBot.Domain.Reminders;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;

namespace TalkBot.Bot.Cases;

/// <summary>Configuration of leads and admonishments (section <c>Cases</c>).</summary>
public sealed class CaseOptions
{
    public const string Section = "Cases";

    /// <summary>002 §四5 names no period: days from the admonishment talk to the follow-up check.</summary>
    public int FollowUpDays { get; set; } = 30;

    /// <summary>Working days the person has for the written self-examination or collective analysis (002 §四4).</summary>
    public int WrittenMaterialWorkingDays { get; set; } = 5;

    /// <summary>How many lines the audit log card shows.</summary>
    public int AuditLines { get; set; } = 50;
}

/// <summary>
/// What every lead, case and task handler shares: the store, the directory, the messenger, the audit log, the clock,
/// and the small translations from domain values to view lines.
/// </summary>
public sealed class CaseKit(
    CaseRepository store,
    TalkRepository talks,
    RecordRepository records,
    PeopleRepository peopleRepository,
    PersonMessenger messenger,
    AuditLog audit,
    ReminderRules rules,
    CaseOptions options,
    TimeProvider time)
{
    public const int MaxAttempts = 3;

    public CaseRepository Store => store;
    public TalkRepository Talks => talks;
    public RecordRepository Records => records;
    public PersonMessenger Messenger => messenger;
    public ReminderRules Rules => rules;
    public WorkingCalendar Calendar => rules.Calendar;
    public CaseOptions Options => options;
    public DateTimeOffset Now => time.GetUtcNow();
    public DateOnly Today => rules.Calendar.LocalDate(time.GetUtcNow());
    public TimeProvider Time => time;

    public Task<PeopleLookup> PeopleAsync(CancellationToken cancellationToken) => PeopleLookup.LoadAsync(peopleRepository, cancellationToken);

    /// <summary>A unit's name as the directory has it (its id when the directory lacks it), or null for no unit.</summary>
    public async Task<string?> UnitNameAsync(UnitId? unit, CancellationToken cancellationToken) => unit is { } id
        ? (await peopleRepository.ListUnitsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(u => u.Id == id)?.Name ?? id.Value
        : null;

    /// <summary>Writes one audit line (SPEC §6).</summary>
    public Task AuditAsync(Person actor, AuditAction action, AuditObject what, string id, PersonId? subject, CancellationToken cancellationToken) =>
        audit.WriteAsync(new AuditEntry(time.GetUtcNow(), actor.Id, action, what, id, subject), cancellationToken);

    /// <summary>A refusal that is also written to the audit log: someone asked for what they may not see.</summary>
    public async Task<AdaptiveCard> RefuseAsync(Person actor, Locale locale, AuditObject what, string id, PersonId? subject, string zhAction, string enAction,
        CancellationToken cancellationToken)
    {
        await AuditAsync(actor, AuditAction.Refused, what, id, subject, cancellationToken).ConfigureAwait(false);
        return RefusalCard.Build(locale, locale.Pick(zhAction, enAction));
    }

    public static AdaptiveCard NotFound(Locale locale, string zhWhat, string enWhat) => ErrorCard.Build(
        locale.Pick($"未找到{zhWhat}", $"{enWhat} not found"),
        [locale.Pick($"没有找到这项{zhWhat}。它可能不存在，或您无权查看。", $"There is no such {enWhat.ToLowerInvariant()}, or it is not yours to see.")],
        locale);

    /// <summary>A case's follow-up checks (002 §四5) as lines, in the site's time.</summary>
    public IReadOnlyList<CheckLine> CheckLines(Domain.Admonishments.AdmonishmentCase c, PeopleLookup people) =>
        [.. c.Checks.Select(k => new CheckLine(k.Outcome, k.Note, k.NextCheck, people.Name(k.By), rules.Calendar.ToLocal(k.At)))];

    /// <summary>The talks of a lead or case as lines, with their records' status.</summary>
    public async Task<IReadOnlyList<TalkLine>> TalkLinesAsync(IEnumerable<TalkId> ids, PeopleLookup people, CancellationToken cancellationToken)
    {
        var lines = new List<TalkLine>();
        foreach (var id in ids)
        {
            if (await talks.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } talk)
            {
                continue;
            }

            var record = await records.GetAsync(talk, cancellationToken).ConfigureAwait(false);
            lines.Add(new TalkLine(talk.Id, talk.Kind, rules.Calendar.ToLocal(talk.ScheduledAt), talk.Place, talk.Status,
                [.. talk.Talkers.Select(people.Name)], record?.Record.Status));
        }

        return lines;
    }

    /// <summary>Whether the talk has its record, which is what "held" means here (000 §四(一)4).</summary>
    public async Task<bool> IsHeldAsync(Talk? talk, CancellationToken cancellationToken) =>
        talk is not null && await records.GetAsync(talk, cancellationToken).ConfigureAwait(false) is not null;

    public TaskLine Line(CaseTask t, PeopleLookup people) =>
        new(t.Id, t.Kind, people.Name(t.Assignee), t.DueDate, t.Status, t.AwaitsSubmission && rules.IsOverdue(t.DueDate, time.GetUtcNow()));

    public static PersonChoice Choice(Person p, Locale locale) =>
        new(p.Id, p.DisplayName, p.JobTitle ?? (p.Roles.Count > 0 ? Labels.Of(p.Roles.Min(), locale) : null));

    /// <summary>The discipline office of a unit (its level); when that unit has none, every office.</summary>
    public static IReadOnlyList<PersonId> OfficeOf(UnitId? unit, PeopleLookup people)
    {
        var office = people.All.Where(p => p.Active && p.Has(Role.DisciplineOffice)).ToList();
        var ofUnit = office.Where(p => p.UnitId == unit).ToList();
        return [.. (ofUnit.Count > 0 ? ofUnit : office).Select(p => p.Id)];
    }
}
