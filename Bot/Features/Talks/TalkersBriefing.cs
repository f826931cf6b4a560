using TalkBot.Domain.Plans;

namespace TalkBot.Bot.Features.Talks;

/// <summary>
/// A routine talk once stored: its talkers — the lead talker (主谈) when someone else, such as the discipline office,
/// arranged it, the tier's assistant (配合, added to the talk by Domain) and those invited to talk jointly (共同谈话, 000 §二2,
/// §二4) — are told through the outbox when and where it is, with whom, on which tier line of 000 §二 and how they take
/// part; the organiser made it and is not told. Every talker hears of it again on the eve (TalkEve), whose reminder is
/// escalated when someone cannot be reached; this notice, like a lead's briefing, is not. A routine talk holds no lead's problem nor reporter (SPEC §6), so the card
/// says only what the notice says and the line.
/// </summary>
public sealed class TalkersBriefing(TalkStore talks, PeopleDirectory directory, Messenger messenger, WorkingCalendar calendar) : IFollowUp<TalkScheduled>
{
    public async Task RunAsync(TalkScheduled change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await talks.GetAsync(change.Talk, cancellationToken).ConfigureAwait(false) is not { Kind: TalkKind.Routine, Status: TalkStatus.Scheduled } talk)
        {
            return;
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var context = people.Context(calendar);
        var lines = RoutineTalks.LinesOf(talk, people.TiersOf);
        await messenger.TellEachAsync(talk.Talkers.Where(t => t != talk.Organiser), (person, l) => ReminderCard.Build(Briefing(talk, context, lines, person, l), l),
            cancellationToken, "briefing|" + talk.Id.Value).ConfigureAwait(false);
    }

    private static ReminderView Briefing(Talk talk, ViewContext context, IReadOnlyList<TierAssignment> lines, PersonId person, Locale l)
    {
        var when = context.Local(talk.ScheduledAt);
        var (talkees, talkers) = (CardParts.Names(context.Names(talk.Talkees), l), CardParts.Names(context.Names(talk.Talkers), l));
        List<string> text =
        [
            l.Pick($"{Labels.Of(talk.Kind, l)}定于{DateText.DateTime(when, l)}在{talk.Place}进行。", $"The {Labels.Of(talk.Kind, l).ToLowerInvariant()} is on {DateText.DateTime(when, l)} at {talk.Place}."),
            l.Pick($"谈话对象：{talkees}；谈话人：{talkers}", $"Talkees: {talkees}; talkers: {talkers}"),
            .. TalkLineView.Of(talk, context).Select(line => PlanCards.TalkLineText(line, l)),
            Part(talk, lines, person, l),
        ];
        return new ReminderView(l.Pick("谈话安排", "Talk arranged"), text);
    }

    private static string Part(Talk talk, IReadOnlyList<TierAssignment> lines, PersonId person, Locale l)
    {
        var part = person == talk.LeadTalker ? TalkerPart.Lead : lines.Select(line => RoutineTalks.PartOf(line, person)).FirstOrDefault(p => p is not null);
        var source = lines.Count > 0 ? RoutineTalks.Source(lines[0].Tier) : "000 §二";
        return part switch
        {
            TalkerPart.Lead => l.Pick($"您是这次谈话的主谈人（{source}）。", $"You lead this talk ({source})."),
            TalkerPart.Assistant => l.Pick($"您按层级配合这次谈话，已列为谈话人（{source}）。", $"You assist this talk by its tier, and are listed among its talkers ({source})."),
            TalkerPart.Joint => l.Pick($"您受邀共同谈话（{source}）。", $"You are invited to talk jointly ({source})."),
            _ => l.Pick("您是这次谈话的谈话人之一。", "You are one of this talk's talkers."),
        };
    }
}
