using TalkBot.Domain.Plans;

namespace TalkBot.Bot.Features.Plans;

/// <summary>
/// Puts a talk of a plan on the discipline office's desk and tells the office of the talker's unit that it is theirs to
/// assign (<see cref="PlanTalkToOffice"/>: 回避 on a tier without a delegate, 000 §四(五)3 and §二4), with the tier and line
/// that put the talkee on the plan. Reads the stored item again first: nothing is listed or sent once it no longer waits.
/// </summary>
public sealed class PlanOfficeNotice(PlanStore store, PlanOfficeDesk desk, PeopleDirectory directory, Messenger messenger) : IFollowUp<PlanTalkToOffice>
{
    public async Task RunAsync(PlanTalkToOffice change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var month = new PlanMonth(change.Year, change.Month);
        var item = (await store.GetAsync(month, change.Talker, change.Talkee, change.Tier, cancellationToken).ConfigureAwait(false))?.Item;
        if (item is not { WaitsForOffice: true })
        {
            return;
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        await desk.ListAsync(month, change.Talker, item, people, cancellationToken).ConfigureAwait(false);
        var (talker, talkee) = (people.Name(change.Talker), people.Name(change.Talkee));
        var office = DisciplineOffices.Of(people.Find(change.Talker)?.UnitId, people.WithRole(Role.DisciplineOffice)).Where(p => p != change.Talker && p != change.Talkee);
        await messenger.TellEachAsync(office, (_, l) => ReminderCard.Build(new ReminderView(
            l.Pick("回避的谈话待纪委办安排谈话人", "A recused talk needs a talker from the discipline office"),
            [
                l.Pick($"{talker}回避了{month.Year}年{month.Month}月与{talkee}的谈话（000 §四(五)3），本层级无可委托的配合人员，请在线索台账中指定谈话人。",
                    $"{talker} recused from the talk with {talkee} planned for {month} (000 §四(五)3); the tier has nobody to take it: name a talker on the desk."),
                PlanCards.TierLineText(item.Tier, item.Line, l),
            ],
            false, Verbs.CaseDesk, l.Pick("打开线索台账", "Open the desk"), new Dictionary<string, string>()), l), cancellationToken, change.Key).ConfigureAwait(false);
    }
}
