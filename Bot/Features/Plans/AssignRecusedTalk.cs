using TalkBot.Bot.Features.Archive;
using TalkBot.Domain.Plans;

namespace TalkBot.Bot.Features.Plans;

/// <summary>
/// 指定并通知谈话人 (plan.assign), on the office's desk: the discipline office names the talker of a talk whose talker
/// recused with nobody on the tier to take it (000 §二4, §四(五)3). Domain checks who names and whom
/// (<see cref="PlanItem.AssignByOffice"/>); the item is handed to the named talker's plan, and <see cref="PlanTalkAssigned"/>,
/// saved with it, tells them. A repeated click names nobody twice; a refusal changes nothing and says why.
/// </summary>
public sealed class AssignRecusedTalk(ShowLedger desk, PlanStore store, PlanOfficeDesk rows, PeopleDirectory directory, FollowUps followUps, TimeProvider time)
    : ICardAction
{
    public string Verb => Verbs.PlanAssign;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (actor, locale) = (request.Actor, request.Locale);
        if (PlanItemRef.Read(request) is not { } item || request.Text(PlanKeys.Talker) is not { Length: > 0 } talkerId)
        {
            return await desk.ShowAsync(actor, locale, cancellationToken,
                errors: [locale.Pick("这张卡片的数据不完整，请从「线索台账」重新操作。", "This card's data is incomplete; please start again from \"desk\".")]).ConfigureAwait(false);
        }

        var talker = new PersonId(talkerId);
        if (request.Text(PlanKeys.Assign(talkerId, item.Talkee.Value, item.Tier)) is not { Length: > 0 } chosen)
        {
            return await desk.ShowAsync(actor, locale, cancellationToken, errors: [locale.Pick("请先选择谈话人。", "Choose the talker first.")]).ConfigureAwait(false);
        }

        return await Optimistic.RetryAsync<AdaptiveCard>(async () =>
        {
            var stored = await store.GetAsync(item.Month, talker, item.Talkee, item.Tier, cancellationToken).ConfigureAwait(false);
            var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
            var (changed, refusal) = stored is not null && people.Find(talker) is { } recused
                ? stored.Item.AssignByOffice(actor, recused, people.Find(new PersonId(chosen)), people.WithRole(Role.DisciplineOffice))
                : (null, MissingRefusal(actor));
            if (refusal is { } why)
            {
                return await desk.ShowAsync(actor, locale, cancellationToken, errors: [PlanViews.Refusal(why, locale)]).ConfigureAwait(false);
            }

            if (changed != stored!.Item)
            {
                var assigned = new PlanTalkAssigned(item.Month.Year, item.Month.Month, talker, item.Talkee, item.Tier, changed!.HandedTo!.Value);
                if (!await followUps.SaveAsync(assigned, assigned.Key,
                        () => store.HandOverAsync(item.Month, talker, stored, changed, time.GetUtcNow(), cancellationToken), cancellationToken).ConfigureAwait(false))
                {
                    return Optimistic.Again;
                }

                // The desk shown next no longer lists it; the follow-up writes the same rows again after a crash here.
                await rows.ListAsync(item.Month, talker, changed, people, cancellationToken).ConfigureAwait(false);
            }

            var (to, talkee) = (people.Name(changed!.HandedTo!.Value), people.Name(item.Talkee));
            return await desk.ShowAsync(actor, locale, cancellationToken, locale.Pick(
                $"已指定{to}与{talkee}谈话（{item.Month.Year}年{item.Month.Month}月），并通知{to}。",
                $"{to} is named to hold the talk with {talkee} ({item.Month}) and is told.")).ConfigureAwait(false);
        }, () => ErrorCard.Busy(locale, "谈话计划", "The plan")).ConfigureAwait(false);
    }

    // Nothing waits under what the card names: someone outside the office hears that it is not theirs, the office that it no longer waits.
    private static PlanRefusal MissingRefusal(Person actor) =>
        actor.Active && actor.Has(Role.DisciplineOffice) ? PlanRefusal.NotWaitingForOffice : PlanRefusal.NotTheOffice;
}

/// <summary>
/// After <see cref="PlanTalkAssigned"/>: the item is on the named talker's plan (written again: idempotent), the office's
/// desk no longer lists it, and the named talker is told, with 本月计划 to arrange it. Nothing when it was not saved.
/// </summary>
public sealed class PlanAssignedNotice(PlanStore store, PlanOfficeDesk rows, PeopleDirectory directory, Messenger messenger, TimeProvider time)
    : IFollowUp<PlanTalkAssigned>
{
    public async Task RunAsync(PlanTalkAssigned change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var month = new PlanMonth(change.Year, change.Month);
        var item = (await store.GetAsync(month, change.Talker, change.Talkee, change.Tier, cancellationToken).ConfigureAwait(false))?.Item;
        if (item is not { Status: PlanItemStatus.Recused, AssignedBy: { } by } || item.HandedTo != change.AssignedTo)
        {
            return;
        }

        await store.GiveAsync(month, change.Talker, item, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        await rows.ListAsync(month, change.Talker, item, people, cancellationToken).ConfigureAwait(false);
        var (recused, talkee, office) = (people.Name(change.Talker), people.Name(change.Talkee), people.Name(by));
        await messenger.TellAsync(change.AssignedTo, l => ReminderCard.Build(new ReminderView(
            l.Pick("纪委办指定您谈话", "The discipline office named you to hold a talk"),
            [
                l.Pick($"{recused}回避了{month.Year}年{month.Month}月与{talkee}的谈话（000 §四(五)3），纪委办{office}指定由您谈话，请在本月计划中安排。",
                    $"{recused} recused from the talk with {talkee} planned for {month} (000 §四(五)3); {office} of the discipline office named you to hold it: arrange it from your plan."),
                PlanCards.TierLineText(item.Tier, item.Line, l),
            ],
            false, Verbs.PlanShow, l.Pick("查看本月计划", "Show the plan"),
            new Dictionary<string, string> { [PlanKeys.Month] = month.ToString() }), l), cancellationToken, change.Key).ConfigureAwait(false);
    }
}
