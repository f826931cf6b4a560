using TalkBot.Bot.Features.Admonishments;
using TalkBot.Bot.Features.Leads;
using TalkBot.Bot.Features.Plans;
using TalkBot.Bot.Features.Tasks;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Leads;

namespace TalkBot.Bot.Features.Archive;

/// <summary>
/// 线索台账 / desk (and case.desk): what waits for the caller. The discipline office sees its level's open leads, cases
/// and tasks, and the recused talks waiting for it to name a talker (000 §二4, §四(五)3); the organisation department
/// its cases; an approver the proposals waiting for them (002 §四2); anyone the written material they owe and the
/// submissions waiting for their review. Each list is read from the rows written for
/// it (<see cref="MatterIndex"/>: the office's, the caller's and the proposals'), one query per kind of row however many
/// there are, and shown a page at a time (<see cref="ListPage"/>); 下一页 comes back here with where each list starts.
/// </summary>
public sealed class ShowLedger(
    LeadStore leads, CaseStore cases, TaskStore tasks, TaskCards taskCards, PlanOfficeDesk recusals, PeopleDirectory directory, WorkingCalendar calendar)
    : ICommand, ICardAction
{
    public IReadOnlyList<string> Names { get; } = ["线索台账", "desk"];

    public string Verb => Verbs.CaseDesk;

    public Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) =>
        DeskAsync(request?.Actor!, request!.Locale, default, cancellationToken);

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => DeskAsync(request?.Actor!, request!.Locale,
        new(request.Start(DataKeys.LeadsFrom), request.Start(DataKeys.CasesFrom), request.Start(DataKeys.TasksFrom), request.Start(DataKeys.RecusedFrom)),
        cancellationToken);

    /// <summary>The first page of the desk, answering a click made on it (its message, or what was refused).</summary>
    public Task<AdaptiveCard> ShowAsync(Person actor, Locale locale, CancellationToken cancellationToken, string? message = null, IReadOnlyList<string>? errors = null) =>
        DeskAsync(actor, locale, default, cancellationToken, message, errors);

    private readonly record struct Starts(int Leads, int Cases, int Tasks, int Recused);

    private async Task<AdaptiveCard> DeskAsync(
        Person actor, Locale locale, Starts from, CancellationToken cancellationToken, string? message = null, IReadOnlyList<string>? errors = null)
    {
        var office = LeadAccess.IsDisciplineOffice(actor);
        var proposer = AdmonishmentRules.MayPropose(actor);
        var officePartition = MatterIndex.Office(actor.UnitId);
        var officeLeads = office ? leads.ListingsAsync(officePartition, ListScope.Open, cancellationToken) : None<LeadListing>();
        var officeCases = proposer ? cases.ListingsAsync(officePartition, ListScope.Open, cancellationToken) : None<CaseListing>();
        var officeTasks = office || proposer ? tasks.ListingsAsync(officePartition, ListScope.Open, cancellationToken) : None<TaskListing>();
        var myTasks = tasks.ListingsAsync(MatterIndex.Person(actor.Id), ListScope.Open, cancellationToken);
        var proposals = AdmonishmentRules.MayApproveSome(actor)
            ? cases.ListingsAsync(MatterIndex.Approval, ListScope.InStatus(nameof(CaseStatus.Proposed)), cancellationToken)
            : None<CaseListing>();
        var recused = office ? recusals.WaitingAsync(officePartition, cancellationToken) : None<RecusedTalk>();
        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var context = people.Context(calendar);

        var ownCases = (await officeCases.ConfigureAwait(false)).Where(c => c.Subject != actor.Id).ToList();
        var caseLines = ownCases.Concat((await proposals.ConfigureAwait(false)).Where(c => AdmonishmentAccess.AwaitsDecisionBy(c, actor))).DistinctBy(c => c.Id);
        // The organisation department's tasks are those of its own cases; the discipline office's, those of all its matters.
        var officeCaseIds = ownCases.Select(c => c.Id.Value).ToHashSet(StringComparer.Ordinal);
        var taskLines = (await officeTasks.ConfigureAwait(false)).Where(t => office || officeCaseIds.Contains(t.Id.Origin))
            .Concat((await myTasks.ConfigureAwait(false)).Where(t => CaseTaskAccess.WaitsFor(t, actor.Id)))
            .DistinctBy(t => t.Id);

        var (leadPage, leadsAt) = ListPage.Of(ListOrder.Leads((await officeLeads.ConfigureAwait(false)).Select(l => LeadViews.Line(l, context))), from.Leads);
        var (casePage, casesAt) = ListPage.Of(ListOrder.DeskCases(caseLines.Select(c => AdmonishmentViews.Line(c, context))), from.Cases);
        var (taskPage, tasksAt) = ListPage.Of(ListOrder.Tasks(taskLines.Select(t => taskCards.Line(t, context))), from.Tasks, t => t.Overdue);
        var (recusedPage, recusedAt) = ListPage.Of(RecusedTalkLines.Of(await recused.ConfigureAwait(false), people, locale), from.Recused);
        return CaseDeskCard.Build(new CaseDeskView(leadPage, casePage, taskPage, office, proposer, leadsAt, casesAt, tasksAt, recusedPage, recusedAt, message, errors), locale);
    }

    private static Task<IReadOnlyList<T>> None<T>() => Task.FromResult<IReadOnlyList<T>>([]);
}
