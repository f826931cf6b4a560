using TalkBot.Bot.Infrastructure.Hosting;
using System.Globalization;
using TalkBot.Bot.Features.Talks;
using TalkBot.Cards.CreateTalk;
using TalkBot.Domain.Plans;

namespace TalkBot.Bot.Features.Plans;

/// <summary>本月计划 / plan (and plan.show): the caller's plan for this month, or the month the card names.</summary>
public sealed class ShowPlan(PlanViews plans) : ICommand, ICardAction
{
    public IReadOnlyList<string> Names { get; } = ["本月计划", "plan"];

    public string Verb => Verbs.PlanShow;

    public Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) =>
        plans.ShowAsync(request!.Actor, request.Locale, plans.CurrentMonth(), cancellationToken);

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        plans.ShowAsync(request!.Actor, request.Locale, PlanMonth.TryParse(request.Text(PlanKeys.Month), out var month) ? month : plans.CurrentMonth(), cancellationToken);
}

/// <summary>The plan item a card names: month, talkee and tier, all from the card's data, checked against the caller's own plan.</summary>
public sealed record PlanItemRef(PlanMonth Month, PersonId Talkee, Tier Tier)
{
    public static PlanItemRef? Read(CardActionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PlanMonth.TryParse(request.Text(PlanKeys.Month), out var month)
            && request.Text(PlanKeys.Talkee) is { Length: > 0 } id
            && int.TryParse(request.Text(PlanKeys.Tier), NumberStyles.None, CultureInfo.InvariantCulture, out var t) && Enum.IsDefined((Tier)t)
            ? new PlanItemRef(month, new PersonId(id), (Tier)t)
            : null;
    }

    public static Task<AdaptiveCard> InvalidAsync(PlanViews plans, CardActionRequest request, CancellationToken cancellationToken) =>
        plans.ShowAsync(request.Actor, request.Locale, plans.CurrentMonth(), cancellationToken,
            errors: [request.Locale.Pick("这张卡片的数据不完整，请从「本月计划」重新操作。", "This card's data is incomplete; please start again from \"plan\".")]);
}

/// <summary>
/// 安排谈话 (plan.schedule): the create-talk form, prefilled with the talkee and the talker, as a routine talk. A talk handed
/// to the clicker (委托, 000 §二) gets the form fixed to it, submitted to <see cref="CreatePlanTalk"/>.
/// </summary>
public sealed class SchedulePlanItem(PlanViews plans, PlanStore store, TalkForm form) : ICardAction
{
    public string Verb => Verbs.PlanSchedule;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (PlanItemRef.Read(request) is not { } item)
        {
            return await PlanItemRef.InvalidAsync(plans, request, cancellationToken).ConfigureAwait(false);
        }

        var (actor, locale) = (request.Actor, request.Locale);
        var stored = (await store.ListAsync(item.Month, actor.Id, cancellationToken).ConfigureAwait(false)).FirstOrDefault(s => s.Item.Talkee == item.Talkee && s.Item.Tier == item.Tier);
        if (stored is null || !stored.Item.IsOpen)
        {
            var why = stored is null ? PlanRefusal.NotOnYourPlan : PlanRefusal.AlreadyHandedOver;
            return await plans.ShowAsync(actor, locale, item.Month, cancellationToken, errors: [PlanViews.Refusal(why, locale)]).ConfigureAwait(false);
        }

        var draft = new CreateTalkDraft(Talkees: item.Talkee.Value, Talkers: actor.Id.Value, Kind: nameof(TalkKind.Routine), Format: nameof(TalkFormat.Individual));
        var people = (await plans.DirectoryAsync(cancellationToken).ConfigureAwait(false)).Lookup;
        var setup = stored.Item.IsHandedToHolder ? CreatePlanTalk.Setup(item, stored.Item, actor, people, locale) : PlanTalkForm.Own(stored.Item, actor, people, locale);
        return await form.BuildAsync(actor, locale, null, draft, null, cancellationToken, setup).ConfigureAwait(false);
    }
}

/// <summary>
/// 创建并发送通知书 on the form of a talk handed to the clicker (plan.talk.create): the talk must be on the clicker's own
/// plan, handed to them and still open; Domain schedules exactly that talk (PlanItem.ScheduleHandedTalk, 000 §二 委托).
/// </summary>
public sealed class CreatePlanTalk(PlanViews plans, PlanStore store, TalkArranger arranger, WorkingCalendar calendar, TalkOptions options, TimeProvider time)
    : ICardAction
{
    public string Verb => Verbs.PlanTalkCreate;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (PlanItemRef.Read(request) is not { } item)
        {
            return await PlanItemRef.InvalidAsync(plans, request, cancellationToken).ConfigureAwait(false);
        }

        var (actor, locale) = (request.Actor, request.Locale);
        var stored = (await store.ListAsync(item.Month, actor.Id, cancellationToken).ConfigureAwait(false)).FirstOrDefault(s => s.Item.Talkee == item.Talkee && s.Item.Tier == item.Tier);
        if (stored is null || !stored.Item.IsHandedToHolder)
        {
            // A crafted invoke naming a talk not handed to the clicker: nothing is stored, nobody told.
            return await plans.ShowAsync(actor, locale, item.Month, cancellationToken, errors: [PlanViews.Refusal(PlanRefusal.NotOnYourPlan, locale)]).ConfigureAwait(false);
        }

        var people = (await plans.DirectoryAsync(cancellationToken).ConfigureAwait(false)).Lookup;
        var planned = stored.Item;
        var line = PlanTalkForm.Line(planned, actor.Id, people);
        return await arranger.CreateAsync(request, TalkArrangement.Of(
            (id, draft) => planned.ScheduleHandedTalk(id, draft, actor, line, people.Find, calendar, options.Policy, time), Setup(item, planned, actor, people, locale)),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<AdaptiveCard> RefusedAsync(CardActionRequest request, Refusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(refusal);
        var item = PlanItemRef.Read(request);
        var stored = item is null ? null
            : (await store.ListAsync(item.Month, request.Actor.Id, cancellationToken).ConfigureAwait(false)).FirstOrDefault(s => s.Item.Talkee == item.Talkee && s.Item.Tier == item.Tier);
        if (item is null || stored is null)
        {
            return await PlanItemRef.InvalidAsync(plans, request, cancellationToken).ConfigureAwait(false);
        }

        var directory = await plans.DirectoryAsync(cancellationToken).ConfigureAwait(false);
        return await arranger.RefusedAsync(request, Setup(item, stored.Item, request.Actor, directory.Lookup, request.Locale), refusal, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The form of a handed talk: routine, with its talkee, the holder as talker, and why it is theirs (000 §二).</summary>
    public static TalkSetup Setup(PlanItemRef item, PlanItem planned, Person holder, PeopleLookup people, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(planned);
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentNullException.ThrowIfNull(people);
        var from = planned.HandedFrom is { } f ? people.Name(f) : "";
        var tierLine = PlanCards.TierLineText(planned.Tier, planned.Line, locale);
        var talkee = people.Name(planned.Talkee);
        var (title, why) = planned.AssignedBy is { } by
            ? (locale.Pick("安排纪委办指定您的谈话", "Arrange the talk the discipline office named you for"),
                locale.Pick($"{tierLine}。{from}回避，纪委办{people.Name(by)}指定您本人谈话，只与{talkee}开展日常廉政谈话（000 §二4、§四(五)3）。",
                    $"{tierLine}. {from} recused and {people.Name(by)} of the discipline office named you: you talk, in a routine talk with {talkee} alone (000 §二4, §四(五)3). "))
            : (locale.Pick($"受{from}委托安排谈话", $"Arrange the talk delegated by {from}"),
                locale.Pick($"{tierLine}。受委托人本人谈话，只与{talkee}开展日常廉政谈话（000 §二）。",
                    $"{tierLine}. The delegate talks, in a routine talk with {talkee} alone (000 §二). "));
        return new(TalkKind.Routine, planned.Talkee, new TalkFormContext(title,
            why + PlanTalkForm.Helpers(PlanTalkForm.Line(planned, holder.Id, people), holder.Id, people, locale),
            new Dictionary<string, string>
            {
                [PlanKeys.Month] = item.Month.ToString(), [PlanKeys.Talkee] = item.Talkee.Value,
                [PlanKeys.Tier] = ((int)item.Tier).ToString(CultureInfo.InvariantCulture),
            },
            Verbs.PlanTalkCreate), holder.Id, Handed: true);
    }
}

/// <summary>委托 / 回避 (plan.delegate, plan.recuse): hands the talk over along the line of 000 §二, and shows the plan again.</summary>
public abstract class HandOverPlanItem(PlanViews plans, PlanStore store, FollowUps followUps, TimeProvider time) : ICardAction
{
    public abstract string Verb { get; }

    /// <summary>To whom the talk is handed (委托), or null (回避); a refusal card when the card does not say.</summary>
    protected abstract (PersonId? To, string? Missing) Target(CardActionRequest request, PlanItemRef item);

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (actor, locale) = (request.Actor, request.Locale);
        if (PlanItemRef.Read(request) is not { } item)
        {
            return await PlanItemRef.InvalidAsync(plans, request, cancellationToken).ConfigureAwait(false);
        }

        var (to, missing) = Target(request, item);
        if (missing is not null)
        {
            return await plans.ShowAsync(actor, locale, item.Month, cancellationToken, errors: [missing]).ConfigureAwait(false);
        }

        return await Optimistic.RetryAsync<AdaptiveCard>(async () =>
        {
            var stored = (await store.ListAsync(item.Month, actor.Id, cancellationToken).ConfigureAwait(false)).FirstOrDefault(s => s.Item.Talkee == item.Talkee && s.Item.Tier == item.Tier);
            var directory = await plans.DirectoryAsync(cancellationToken).ConfigureAwait(false);
            var assignment = directory.Assignments.FirstOrDefault(a => a.Talker == actor.Id && a.Talkee == item.Talkee && a.Tier == item.Tier);
            if (stored is null || assignment is null || stored.Item.HandedFrom is not null)
            {
                // Not on the caller's own plan (a crafted invoke, or a talk handed to them, which they cannot pass on).
                return await plans.ShowAsync(actor, locale, item.Month, cancellationToken, errors: [PlanViews.Refusal(PlanRefusal.NotOnYourPlan, locale)], directory: directory)
                    .ConfigureAwait(false);
            }

            var (changed, refusal) = to is { } delegateTo ? stored.Item.Delegate(assignment, delegateTo) : stored.Item.Recuse(assignment);
            if (refusal is { } why)
            {
                return await plans.ShowAsync(actor, locale, item.Month, cancellationToken, errors: [PlanViews.Refusal(why, locale)], directory: directory).ConfigureAwait(false);
            }

            // A recusal nobody on the tier can take (tier 4) goes to the discipline office, which is told with the save; the
            // plans ledger follows either hand-over.
            var toOffice = new PlanTalkToOffice(item.Month.Year, item.Month.Month, actor.Id, item.Talkee, item.Tier);
            var handed = new PlanItemHandedOver(item.Month.Year, item.Month.Month, actor.Id, item.Talkee, item.Tier);
            Task<bool> Save() => store.HandOverAsync(item.Month, actor.Id, stored, changed!, time.GetUtcNow(), cancellationToken);
            if (changed != stored.Item && !await (changed is { Status: PlanItemStatus.Recused, HandedTo: null }
                    ? followUps.SaveAsync(toOffice, toOffice.Key, Save, cancellationToken)
                    : followUps.SaveAsync(handed, handed.Key, Save, cancellationToken)).ConfigureAwait(false))
            {
                return Optimistic.Again;
            }

            var lookup = directory.Lookup;
            var message = changed!.Status == PlanItemStatus.Delegated
                ? locale.Pick($"已委托{lookup.Name(changed.HandedTo!.Value)}与{lookup.Name(item.Talkee)}谈话。", $"Delegated the talk with {lookup.Name(item.Talkee)} to {lookup.Name(changed.HandedTo!.Value)}.")
                : locale.Pick($"已回避与{lookup.Name(item.Talkee)}的谈话。", $"You have recused from the talk with {lookup.Name(item.Talkee)}.");
            return await plans.ShowAsync(actor, locale, item.Month, cancellationToken, message, directory: directory).ConfigureAwait(false);
        }, () => ErrorCard.Busy(locale, "谈话计划", "The plan")).ConfigureAwait(false);
    }
}

public sealed class DelegatePlanItem(PlanViews plans, PlanStore store, FollowUps followUps, TimeProvider time) : HandOverPlanItem(plans, store, followUps, time)
{
    public override string Verb => Verbs.PlanDelegate;

    protected override (PersonId? To, string? Missing) Target(CardActionRequest request, PlanItemRef item) =>
        request?.Text(PlanKeys.Delegate(item!.Talkee.Value, item.Tier)) is { Length: > 0 } to
            ? (new PersonId(to), null)
            : (null, request!.Locale.Pick("请先选择委托给谁。", "Choose whom to delegate the talk to first."));
}

public sealed class RecusePlanItem(PlanViews plans, PlanStore store, FollowUps followUps, TimeProvider time) : HandOverPlanItem(plans, store, followUps, time)
{
    public override string Verb => Verbs.PlanRecuse;

    protected override (PersonId? To, string? Missing) Target(CardActionRequest request, PlanItemRef item) => (null, null);
}
