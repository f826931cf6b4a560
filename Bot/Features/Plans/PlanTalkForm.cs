using TalkBot.Bot.Features.Talks;
using TalkBot.Cards.CreateTalk;
using TalkBot.Domain.Plans;

namespace TalkBot.Bot.Features.Plans;

/// <summary>
/// The form of a talk of the caller's own plan (安排谈话): a routine talk with that talkee, the caller as talker, the line
/// of 000 §二 that puts the talkee there, who assists (配合) and whom the caller may invite to talk jointly (共同谈话,
/// tiers 2 and 4). It is submitted as any 新建谈话 (talk.create), where Domain holds the talk to the tier lines.
/// </summary>
public static class PlanTalkForm
{
    /// <summary>The line a plan item came from: the holder's own, or that of whoever handed it to them.</summary>
    public static TierAssignment? Line(PlanItem planned, PersonId holder, PeopleLookup people)
    {
        ArgumentNullException.ThrowIfNull(planned);
        ArgumentNullException.ThrowIfNull(people);
        return people.TiersOf(planned.Talkee).FirstOrDefault(a => a.Tier == planned.Tier && a.Talker == (planned.HandedFrom ?? holder));
    }

    public static TalkSetup Own(PlanItem planned, Person holder, PeopleLookup people, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(planned);
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentNullException.ThrowIfNull(people);
        var name = people.Name(planned.Talkee);
        var (tier, line) = (PlanCards.TierText(planned.Tier, locale), PlanCards.LineText(planned.Line, locale));
        return new(TalkKind.Routine, planned.Talkee, new TalkFormContext(
            locale.Pick($"安排与{name}的日常廉政谈话", $"Arrange the routine talk with {name}"),
            locale.Pick($"{tier}；{line}。", $"{tier}; {line}. ") + Helpers(Line(planned, holder.Id, people), holder.Id, people, locale),
            new Dictionary<string, string>()), holder.Id);
    }

    /// <summary>
    /// Who else takes part, in words: the tier's assistant, added to the talk and told (000 §二1–3: …配合), and, on tiers 2
    /// and 4, that others may be invited (000 §二2, §二4).
    /// </summary>
    public static string Helpers(TierAssignment? line, PersonId holder, PeopleLookup people, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(people);
        if (line is null)
        {
            return "";
        }

        var assistants = line.Assistants.Where(a => a != holder && a != line.Talkee).Select(people.Name).ToList();
        var assist = assistants.Count > 0
            ? locale.Pick($"{CardParts.Names(assistants, locale)}配合谈话，将一并列为谈话人并收到通知（{RoutineTalks.Source(line.Tier)}）。",
                $"{CardParts.Names(assistants, locale)} assists: added as a talker and told ({RoutineTalks.Source(line.Tier)}).")
            : "";
        var joint = line.MayInviteJointly.Count > 0
            ? locale.Pick($"可在“{CreateTalkFields.Label(CreateTalkFields.Joint, locale)}”中邀请班子其他成员共同谈话（{RoutineTalks.Source(line.Tier)}）。",
                $"You may invite other committee members under “{CreateTalkFields.Label(CreateTalkFields.Joint, locale)}” ({RoutineTalks.Source(line.Tier)}).")
            : "";
        return assist + (assist.Length > 0 && joint.Length > 0 && !locale.IsChinese ? " " : "") + joint;
    }
}
