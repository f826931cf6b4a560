using TalkBot.Bot.Scheduling;
using TalkBot.Cards;
using TalkBot.Cards.Builders;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using TalkBot.Domain;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Leads;

namespace TalkBot.Bot.Cases;

/// <summary>
/// The scheduled reminders of follow-on tasks (before the deadline, then escalated while overdue) and of admonishment
/// follow-up checks (002 §四5). Each stops as soon as its thing is done, and sends under the entry's key.
/// </summary>
public sealed class CaseJobs(CaseKit kit, AdmonishmentDesk admonishments)
{
    public async Task<ScheduleEntry?> RunAsync(ScheduleEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Kind switch
        {
            ReminderKind.TaskDueSoon or ReminderKind.TaskOverdue => await TaskAsync(entry, cancellationToken).ConfigureAwait(false),
            ReminderKind.CaseFollowUp => await FollowUpAsync(entry, cancellationToken).ConfigureAwait(false),
            _ => null,
        };
    }

    private async Task<ScheduleEntry?> TaskAsync(ScheduleEntry entry, CancellationToken cancellationToken)
    {
        if (TaskDesk.FromTag(entry.Talk.Value, entry.Tag) is not { } id
            || await kit.Store.GetTaskAsync(id, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return null;
        }

        var t = stored.Task;
        // Done, or returned with a new due date (which has its own entries): nothing more.
        if (!t.AwaitsSubmission || TaskDesk.Tag(t) != entry.Tag)
        {
            return null;
        }

        var people = await kit.PeopleAsync(cancellationToken).ConfigureAwait(false);
        var ids = new Dictionary<string, string> { [DataKeys.TaskId] = t.Id.Value };
        if (entry.Kind == ReminderKind.TaskDueSoon)
        {
            if (kit.Rules.IsOverdue(t.DueDate, kit.Now))
            {
                return null;
            }

            await kit.Messenger.TellAsync(t.Assignee, l => ReminderCard.Build(new ReminderView(
                l.Pick($"{Labels.Of(t.Kind, l)}即将到期", $"{Labels.Of(t.Kind, l)} due soon"),
                [l.Pick($"请于{DateText.Date(t.DueDate, l)}前完成{Labels.Of(t.Kind, l)}。", $"Please complete the {Labels.Of(t.Kind, l)} by {DateText.Date(t.DueDate, l)}.")],
                false, Verbs.TaskShow, l.Pick("办理", "Open"), ids), l), cancellationToken, entry.Key).ConfigureAwait(false);
            return null;
        }

        if (!kit.Rules.IsOverdue(t.DueDate, kit.Now))
        {
            return entry with { DueAt = kit.Rules.RectificationEscalationAt(t.DueDate) };
        }

        // Overdue: the assignee and whoever reviews (or, for the office's own step, the office of that level) hear of it.
        var office = await OfficeAsync(t, people, cancellationToken).ConfigureAwait(false);
        await kit.Messenger.TellEachAsync(t.Reviewers.Concat(office).Prepend(t.Assignee).Where(p => p != t.Subject || p == t.Assignee), (person, l) => ReminderCard.Build(new ReminderView(
            l.Pick($"{Labels.Of(t.Kind, l)}已逾期", $"{Labels.Of(t.Kind, l)} overdue"),
            [l.Pick($"{people.Name(t.Assignee)}的{Labels.Of(t.Kind, l)}应于{DateText.Date(t.DueDate, l)}前完成，现已逾期。",
                $"{people.Name(t.Assignee)}'s {Labels.Of(t.Kind, l)} was due by {DateText.Date(t.DueDate, l)} and is overdue.")],
            true, Verbs.TaskShow, person == t.Assignee ? l.Pick("办理", "Open") : l.Pick("查看", "View"), ids), l), cancellationToken, entry.Key).ConfigureAwait(false);
        return entry with { Round = entry.Round + 1, DueAt = kit.Rules.NextEscalationAt(kit.Now) };
    }

    private async Task<IReadOnlyList<PersonId>> OfficeAsync(CaseTask t, Talks.PeopleLookup people, CancellationToken cancellationToken)
    {
        if (LeadId.TryParse(t.Id.Origin, out var leadId) && await kit.Store.GetLeadAsync(leadId, cancellationToken).ConfigureAwait(false) is { } lead)
        {
            return CaseKit.OfficeOf(lead.Lead.OfficeUnit, people);
        }

        return CaseId.TryParse(t.Id.Origin, out var caseId) && await kit.Store.GetCaseAsync(caseId, cancellationToken).ConfigureAwait(false) is { Case.ProposedBy: { } proposer }
            ? [proposer]
            : [];
    }

    // 002 §四5: on the check date the proposer (or the office of that level) is asked what became of it; again every
    // few working days until it is recorded.
    private async Task<ScheduleEntry?> FollowUpAsync(ScheduleEntry entry, CancellationToken cancellationToken)
    {
        if (await kit.Store.GetCaseAsync(new CaseId(entry.Talk.Value), cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return null;
        }

        var c = stored.Case;
        var tag = c.NextCheck?.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        if (c.Status != CaseStatus.FollowUp || tag != entry.Tag)
        {
            return null;
        }

        var people = await kit.PeopleAsync(cancellationToken).ConfigureAwait(false);
        var to = c.ProposedBy is { } proposer ? [proposer] : CaseKit.OfficeOf(c.OfficeUnit, people);
        await kit.Messenger.TellEachAsync(to, (_, l) => CaseCard.Build(admonishments.View(c, people, CaseCardMode.FollowUp,
            l.Pick($"请了解{people.Name(c.Subject)}诫勉谈话后的整改情况并记录（002 §四5）。", $"Please check how {people.Name(c.Subject)} has improved since the admonishment and record it (002 §四5).")), l),
            cancellationToken, entry.Key).ConfigureAwait(false);
        return entry with { Round = entry.Round + 1, DueAt = kit.Rules.NextEscalationAt(kit.Now) };
    }
}
