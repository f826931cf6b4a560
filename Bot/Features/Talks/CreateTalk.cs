using TalkBot.Bot.Features.Plans;
using TalkBot.Bot.Infrastructure.Hosting;
using TalkBot.Domain.Plans;

namespace TalkBot.Bot.Features.Talks;

/// <summary>
/// 创建并发送通知书 on the create-talk form (talk.create): an ordinary talk. A talk for a lead or a case is arranged from
/// the lead or the case (their own verbs); ids of them in this form's data are ignored, and a reminder or admonishment
/// kind crafted into it is refused by Domain (Talk.Schedule: 000 §三2–3, 002 §四2). A routine talk is held on the tier
/// lines of 000 §二 (RoutineTalks): the lines of its talkees come from the directory held, and the lead talker's plan of
/// the talk's month and the month before (what was handed to him or by him) from two reads of his plan rows.
/// </summary>
public sealed class CreateTalk(TalkArranger arranger, PeopleDirectory directory, PlanStore plans, WorkingCalendar calendar, TalkOptions options, TimeProvider time)
    : ICardAction
{
    public string Verb => Verbs.TalkCreate;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return arranger.CreateAsync(request, new TalkArrangement(async (id, draft, token) =>
        {
            var people = await directory.CurrentAsync(token).ConfigureAwait(false);
            var tiers = new TalkeeTiers([.. draft.Talkees.SelectMany(t => people.TiersOf(t.Id))], await LeadPlanAsync(draft, token).ConfigureAwait(false));
            return RoutineTalks.Schedule(id, draft, request.Actor, tiers, people.Find, calendar, options.Policy, time);
        }), cancellationToken);
    }

    public Task<AdaptiveCard> RefusedAsync(CardActionRequest request, Refusal refusal, CancellationToken cancellationToken) =>
        arranger.RefusedAsync(request, null, refusal, cancellationToken);

    // A plan's talks may fall into the first days of the next month (the notice takes 2 working days): a talk handed to
    // the lead talker last month still counts; what he handed over counts for the talk's own month only.
    private async Task<IReadOnlyList<PlanItem>> LeadPlanAsync(TalkDraft draft, CancellationToken cancellationToken)
    {
        if (draft.Kind != TalkKind.Routine || draft.Talkers.Count == 0 || draft.ScheduledAt is not { } at)
        {
            return [];
        }

        var day = calendar.LocalDate(at);
        var before = day.AddMonths(-1);
        var lead = draft.Talkers[0].Id;
        var (thisMonth, lastMonth) = (plans.ListAsync(new PlanMonth(day.Year, day.Month), lead, cancellationToken),
            plans.ListAsync(new PlanMonth(before.Year, before.Month), lead, cancellationToken));
        return [.. (await thisMonth.ConfigureAwait(false)).Select(s => s.Item), .. (await lastMonth.ConfigureAwait(false)).Select(s => s.Item).Where(i => i.IsHandedToHolder)];
    }
}
