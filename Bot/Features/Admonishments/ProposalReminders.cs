using System.Globalization;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.Reminders;

namespace TalkBot.Bot.Features.Admonishments;

/// <summary>
/// A proposal waiting for approval (002 §四2: 按干部管理权限报批): its approvers are reminded in working hours, then, every
/// working day until it is decided, reminded again as an escalation with its proposer told. The tag is the time it was
/// proposed, so a proposal made again starts a chain of its own.
/// </summary>
public sealed class ProposalReminders(CaseStore cases, PeopleDirectory directory, Messenger messenger, ScheduleStore schedule, ReminderRules rules, TimeProvider time)
    : IFollowUp<CaseProposed>
{
    public const string Job = "ProposalWaiting";

    public async Task RunAsync(CaseProposed change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await cases.GetAsync(change.Case, cancellationToken).ConfigureAwait(false) is { Case: { Status: CaseStatus.Proposed, ProposedAt: { } at } c })
        {
            await schedule.AddAsync(new ScheduleEntry(Job, c.Id.Value, null, rules.DecisionReminderAt(at), Tag: Tag(at)), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<ScheduleEntry?> RunAsync(ScheduleEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!CaseId.TryParse(entry.Subject, out var id)
            || await cases.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { Case: { Status: CaseStatus.Proposed, ProposedAt: { } at } c }
            || Tag(at) != entry.Tag)
        {
            return null; // decided (or proposed again: its own chain)
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var escalated = entry.Round > 1;
        // Whoever holds the authority for the cadre's rank now, as when the proposal was sent (CaseFollowUps).
        var approvers = AdmonishmentRules.Approvers(c, people.All);
        var to = escalated && c.ProposedBy is { } proposer ? approvers.Append(proposer) : approvers;
        var name = people.Name(c.Subject);
        await messenger.TellEachAsync(to, (_, l) => ReminderCard.Build(new ReminderView(
            l.Pick("诫勉谈话建议待审批", "Admonishment proposal waiting for approval"),
            [l.Pick($"关于{name}的诫勉谈话建议自{DateText.DateTime(rules.Calendar.ToLocal(at), l)}报送，尚未审批（002 §四2）。",
                $"The admonishment proposal about {name}, sent on {DateText.DateTime(rules.Calendar.ToLocal(at), l)}, is not yet decided (002 §四2).")],
            escalated, Verbs.CaseShow, l.Pick("查看并审批", "Open and decide"), new Dictionary<string, string> { [DataKeys.CaseId] = c.Id.Value }), l),
            cancellationToken, entry.Key).ConfigureAwait(false);
        return entry with { DueAt = rules.NextEscalationAt(time.GetUtcNow()), Round = entry.Round + 1 };
    }

    private static string Tag(DateTimeOffset at) => at.UtcTicks.ToString(CultureInfo.InvariantCulture);
}
