using TalkBot.Bot.Features.Admonishments;
using TalkBot.Bot.Features.Leads;
using TalkBot.Bot.Features.Tasks;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Leads;

namespace TalkBot.Bot.Features.Archive;

/// <summary>
/// 线索台账 / desk (and case.desk): what waits for the caller. The discipline office sees its level's open leads, cases
/// and tasks; the organisation department its cases; an approver the proposals waiting for them (002 §四2); anyone the
/// written material they owe and the submissions waiting for their review.
/// </summary>
public sealed class ShowLedger(LeadStore leads, CaseStore cases, TaskStore tasks, TaskCards taskCards, PeopleDirectory directory, WorkingCalendar calendar)
    : ICommand, ICardAction
{
    public IReadOnlyList<string> Names { get; } = ["线索台账", "desk"];

    public string Verb => Verbs.CaseDesk;

    public Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) => DeskAsync(request?.Actor!, request!.Locale, cancellationToken);

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => DeskAsync(request?.Actor!, request!.Locale, cancellationToken);

    private async Task<AdaptiveCard> DeskAsync(Person actor, Locale locale, CancellationToken cancellationToken)
    {
        var office = LeadAccess.IsDisciplineOffice(actor);
        var proposer = AdmonishmentRules.MayPropose(actor);
        var context = (await directory.CurrentAsync(cancellationToken).ConfigureAwait(false)).Context(calendar);
        var officePartition = MatterIndex.Office(actor.UnitId);
        var officeLeads = office ? await leads.ListAsync(officePartition, cancellationToken).ConfigureAwait(false) : [];
        var officeCases = proposer ? await cases.ListAsync(officePartition, cancellationToken).ConfigureAwait(false) : [];
        var mine = MatterIndex.Person(actor.Id);
        var myCases = await cases.ListAsync(mine, cancellationToken).ConfigureAwait(false);
        var openTasks = new List<CaseTask>((await tasks.ListIndexedAsync(mine, cancellationToken).ConfigureAwait(false))
            .Where(t => (t.Assignee == actor.Id && t.AwaitsSubmission) || (t.Reviewers.Contains(actor.Id) && t.Status == CaseTaskStatus.Submitted)));
        foreach (var origin in officeLeads.Select(l => l.Id.Value).Concat(officeCases.Select(c => c.Id.Value)))
        {
            openTasks.AddRange((await tasks.ListAsync(origin, cancellationToken).ConfigureAwait(false)).Where(t => t.Status != CaseTaskStatus.Done));
        }

        var view = new CaseDeskView(
            [.. officeLeads.Where(l => l.Status != LeadStatus.Closed).OrderByDescending(l => l.RegisteredAt).Select(l => LeadViews.Line(l, context))],
            [.. officeCases.Where(c => !c.IsClosed && c.Subject != actor.Id).Concat(myCases.Where(c => AdmonishmentAccess.AwaitsDecisionBy(c, actor)))
                .DistinctBy(c => c.Id).OrderByDescending(c => c.OpenedAt).Select(c => AdmonishmentViews.Line(c, context))],
            [.. openTasks.DistinctBy(t => t.Id).Select(t => taskCards.Line(t, context)).OrderByDescending(t => t.Overdue).ThenBy(t => t.DueDate)],
            office,
            proposer);
        return CaseDeskCard.Build(view, locale);
    }
}
