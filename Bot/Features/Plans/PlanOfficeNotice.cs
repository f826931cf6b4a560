using TalkBot.Domain.Plans;

namespace TalkBot.Bot.Features.Plans;

/// <summary>
/// Tells the discipline office of the talker's unit that a talk of a plan is theirs to assign (<see cref="PlanTalkToOffice"/>:
/// 回避 on a tier without a delegate, 000 §四(五)3 and §二4), with the tier and line that put the talkee on the plan.
/// Reads the stored item again first: nothing is sent once it is no longer waiting for the office.
/// </summary>
public sealed class PlanOfficeNotice(PlanStore store, PeopleDirectory directory, Messenger messenger) : IFollowUp<PlanTalkToOffice>
{
    public async Task RunAsync(PlanTalkToOffice change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var month = new PlanMonth(change.Year, change.Month);
        var item = (await store.ListAsync(month, change.Talker, cancellationToken).ConfigureAwait(false))
            .Select(s => s.Item).FirstOrDefault(i => i.Talkee == change.Talkee && i.Tier == change.Tier);
        if (item is not { Status: PlanItemStatus.Recused, HandedTo: null })
        {
            return;
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var (talker, talkee) = (people.Name(change.Talker), people.Name(change.Talkee));
        var office = DisciplineOffices.Of(people.Find(change.Talker)?.UnitId, people.All).Where(p => p != change.Talker && p != change.Talkee);
        await messenger.TellEachAsync(office, (_, l) => ReminderCard.Build(new ReminderView(
            l.Pick("回避的谈话待纪委办安排谈话人", "A recused talk needs a talker from the discipline office"),
            [
                l.Pick($"{talker}回避了{month.Year}年{month.Month}月与{talkee}的谈话（000 §四(五)3），本层级无可委托的配合人员，请另行安排谈话人。",
                    $"{talker} recused from the talk with {talkee} planned for {month} (000 §四(五)3); the tier has nobody to take it: please assign a talker."),
                $"{PlanCards.TierText(item.Tier, l)}；{PlanCards.LineText(item.Line, l)}",
            ],
            false, Verbs.TalkNew, l.Pick("新建谈话", "New talk"), new Dictionary<string, string>()), l), cancellationToken, change.Key).ConfigureAwait(false);
    }
}
