using System.Globalization;
using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Features.Tasks;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.Reminders;

namespace TalkBot.Bot.Features.Admonishments;

/// <summary>
/// What follows each step of an admonishment, once it is stored, each at most once however often it runs: the approvers
/// asked (002 §四2), the proposer told the decision, the office told of a cadre's request (002 §五4), the talk attached
/// and its talkers told the details (002 §五1), and — once its record is logged — the follow-up check planned (002 §四5)
/// and the written self-examination or collective analysis asked for (002 §四4). The follow-up check is itself a job.
/// </summary>
public sealed class CaseFollowUps(
    CaseStore cases, TalkStore talks, TaskStore tasks, TaskOpener taskOpener, PeopleDirectory directory, Messenger messenger, ScheduleStore schedule,
    ReminderRules rules, AdmonishmentPolicy policy, TimeProvider time)
    : IFollowUp<CaseProposed>, IFollowUp<CaseDecided>, IFollowUp<TalkRequested>, IFollowUp<TalkScheduled>, IFollowUp<RecordLogged>, IScheduledJob
{
    public const string CheckJob = "CaseFollowUp";

    public string Name => CheckJob;

    private WorkingCalendar Calendar => rules.Calendar;

    public async Task RunAsync(CaseProposed change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await cases.GetAsync(change.Case, cancellationToken).ConfigureAwait(false) is not { Case.Status: CaseStatus.Proposed } stored)
        {
            return;
        }

        var c = stored.Case;
        await cases.LinkLeadAsync(c, cancellationToken).ConfigureAwait(false);
        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var approvers = AdmonishmentRules.Approvers(c, people.All);
        await messenger.TellEachAsync(approvers, (_, l) => CaseCard.Build(AdmonishmentViews.Case(c, people.Context(Calendar), CaseCardMode.Decide,
            l.Pick("请审批这项诫勉谈话建议（002 §四2）。", "Please decide on this admonishment proposal (002 §四2).")), l),
            cancellationToken, change.Key).ConfigureAwait(false);
    }

    public async Task RunAsync(CaseDecided change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await cases.GetAsync(change.Case, cancellationToken).ConfigureAwait(false) is not { Case: { Decision: { } decision, ProposedBy: { } proposer } c })
        {
            return;
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var by = people.Name(decision.Approver);
        await messenger.TellAsync(proposer, l => CaseCard.Build(AdmonishmentViews.Case(c, people.Context(Calendar),
            decision.Approved ? CaseCardMode.Arrange : CaseCardMode.View, decision.Approved
                ? l.Pick($"{by}已批准，请安排诫勉谈话。", $"{by} approved; please arrange the talk.")
                : l.Pick($"{by}未批准：{decision.Comment}", $"{by} did not approve: {decision.Comment}")), l),
            cancellationToken, change.Key).ConfigureAwait(false);
    }

    public async Task RunAsync(TalkRequested change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await cases.GetAsync(change.Case, cancellationToken).ConfigureAwait(false) is not { Case.Status: CaseStatus.Requested } stored)
        {
            return;
        }

        var c = stored.Case;
        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var name = people.Name(c.Subject);
        if (change.ToResponsible)
        {
            // 002 §五4: 主动找责任人: the request reaches the responsible persons first, with the button to hand it on.
            await messenger.TellEachAsync(c.Routing?.Responsible ?? [], (_, l) => CaseCard.Build(AdmonishmentViews.Case(c, people.Context(Calendar),
                CaseCardMode.HandToOffice, l.Pick($"{name}主动找您申请接受诫勉谈话教育（002 §五4）。", $"{name} asks you for an admonishment talk (002 §五4).")), l),
                cancellationToken, change.Key).ConfigureAwait(false);
            return;
        }

        if (!c.IsWithOffice)
        {
            return;
        }

        var office = DisciplineOffices.Of(people.Find(c.Subject)?.UnitId, people.All).Where(p => p != c.Subject);
        await messenger.TellEachAsync(office, (_, l) => CaseCard.Build(AdmonishmentViews.Case(c, people.Context(Calendar), CaseCardMode.CompleteRequest,
            l.Pick($"{name}主动申请接受诫勉谈话教育（002 §五4）。", $"{name} asks for an admonishment talk (002 §五4).")), l),
            cancellationToken, change.Key).ConfigureAwait(false);
    }

    public async Task RunAsync(TalkScheduled change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Case is not { } caseId || await talks.GetAsync(change.Talk, cancellationToken).ConfigureAwait(false) is not { } talk)
        {
            return;
        }

        var c = await Optimistic.RetryAsync<AdmonishmentCase?>(async () =>
        {
            if (await cases.GetAsync(caseId, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                return null;
            }

            if (stored.Case.AttachTalk(talk.Id) && !await cases.SaveAsync(stored, stored.Case.Checks.Count, cancellationToken).ConfigureAwait(false))
            {
                return Optimistic.Again;
            }

            return stored.Case;
        }, () => throw new InvalidOperationException($"Case {caseId.Value} kept changing while talk {talk.Id.Value} was attached.")).ConfigureAwait(false);
        if (c is null)
        {
            return;
        }

        await cases.LinkTalkAsync(talk.Id, c.Id, cancellationToken).ConfigureAwait(false);
        // 002 §五1: before the talk the responsible person is told the details of the problem.
        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        await messenger.TellEachAsync(talk.Talkers.Where(t => t != c.Subject), (_, l) => CaseCard.Build(AdmonishmentViews.Case(c, people.Context(Calendar), CaseCardMode.View,
            l.Pick("谈话前，请了解有关问题的详细情况（002 §五1）。", "Before the talk, please read the details of the problem (002 §五1).")), l),
            cancellationToken, "brief|" + talk.Id.Value).ConfigureAwait(false);
    }

    public async Task RunAsync(RecordLogged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await talks.GetAsync(change.Talk, cancellationToken).ConfigureAwait(false) is not { } talk)
        {
            return;
        }

        var c = await Optimistic.RetryAsync<AdmonishmentCase?>(async () =>
        {
            if (await cases.OfTalkAsync(talk.Id, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                return null;
            }

            var now = time.GetUtcNow();
            var held = stored.Case.OnTalkHeld(talk, Calendar.LocalDate(talk.ScheduledAt), Calendar.LocalDate(now), now, policy, Calendar);
            // The written material's task is inserted with the case's change: one transaction, so a crash cannot part them.
            if (held is not null && !await cases.SaveAsync(stored, stored.Case.Checks.Count, cancellationToken,
                held.WrittenMaterial is { } task ? [TaskStore.HeadRow(task, stored.Case.OfficeUnit)] : null).ConfigureAwait(false))
            {
                return Optimistic.Again;
            }

            return stored.Case;
        }, () => throw new InvalidOperationException($"The case of talk {talk.Id.Value} kept changing while its record was taken.")).ConfigureAwait(false);
        if (c is null || c.Talk != talk.Id || c.Status != CaseStatus.FollowUp || c.NextCheck is not { } next)
        {
            return;
        }

        // Repeatable steps, for the first run and for a run after a crash alike.
        await PlanCheckAsync(c, next, cancellationToken).ConfigureAwait(false);
        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        foreach (var task in (await tasks.ListAsync(c.Id.Value, cancellationToken).ConfigureAwait(false)).Where(t => t.AwaitsSubmission && t.Submissions.Count == 0))
        {
            await taskOpener.OpenAsync(task, c.OfficeUnit, people, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>002 §四5: the follow-up check on its date, in working hours.</summary>
    public Task PlanCheckAsync(AdmonishmentCase c, DateOnly on, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        return schedule.AddAsync(new ScheduleEntry(CheckJob, c.Id.Value, null,
            rules.NextWorkingMoment(Calendar.ToInstant(on, rules.Policy.WorkingHoursStart)), Tag: on.ToString("yyyyMMdd", CultureInfo.InvariantCulture)), cancellationToken);
    }

    /// <summary>
    /// 002 §四5: on the check date the proposer (or the office of that level) is asked what became of it; again every few
    /// working days until it is recorded.
    /// </summary>
    public async Task<ScheduleEntry?> RunAsync(ScheduleEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (await cases.GetAsync(new CaseId(entry.Subject), cancellationToken).ConfigureAwait(false) is not { } stored
            || stored.Case is not { Status: CaseStatus.FollowUp } c
            || c.NextCheck?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) != entry.Tag)
        {
            return null;
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var to = c.ProposedBy is { } proposer ? [proposer] : DisciplineOffices.Of(c.OfficeUnit, people.All);
        await messenger.TellEachAsync(to, (_, l) => CaseCard.Build(AdmonishmentViews.Case(c, people.Context(Calendar), CaseCardMode.FollowUp,
            l.Pick($"请了解{people.Name(c.Subject)}诫勉谈话后的整改情况并记录（002 §四5）。", $"Please check how {people.Name(c.Subject)} has improved since the admonishment and record it (002 §四5).")), l),
            cancellationToken, entry.Key).ConfigureAwait(false);
        return entry with { Round = entry.Round + 1, DueAt = rules.NextEscalationAt(time.GetUtcNow()) };
    }
}
