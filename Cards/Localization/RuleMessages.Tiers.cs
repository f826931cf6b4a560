using TalkBot.Domain.Rules;

namespace TalkBot.Cards.Localization;

/// <summary>The wording of the tier rules of a routine talk (000 §二1–4): who is talked to, and who else talks.</summary>
public static partial class RuleMessages
{
    // 000 §二: the talkee is on one of the lead talker's lines, or on a line handed to him; a line handed over is not his.
    private static string TalkeeNotOnTierLine(RuleViolation violation, Locale locale)
    {
        var (name, talker) = (PersonName(violation, locale), violation.Argument("talker") ?? locale.Pick("主谈人", "the lead talker"));
        return violation.Argument("handed") == "true"
            ? locale.Pick(
                $"与{name}的日常廉政谈话已由{talker}委托他人或因回避转出，由接手的人安排。",
                $"{talker} has delegated or recused from the routine talk with {name}; whoever took it over arranges it.")
            : locale.Pick(
                $"{name}不在{talker}的谈话层级上：日常廉政谈话的谈话对象须是主谈人（第一位谈话人）按层级谈话的对象，或委托给他的谈话对象。请按“本月计划”安排，或选择{name}所在层级的谈话人。",
                $"{name} is not on any tier line of {talker}: a routine talk is held with someone the lead talker (the first talker) talks to by tier, or whose talk was delegated to him. Arrange it from \"plan\", or choose the talker of {name}'s tier.");
    }

    // 000 §二2 and §二4 let the talker invite; §二1 and §二3 name an assistant only.
    private static string JointTalkerNotAllowed(RuleViolation violation, Locale locale)
    {
        var name = PersonName(violation, locale);
        return violation.Argument("tier") switch
        {
            "2" => locale.Pick(
                $"{name}不能参加这次谈话：组长廉政谈话由副组长配合，可以邀请局党委班子其他成员共同谈话。",
                $"{name} cannot join this talk: the group leader's talk is assisted by the deputy group leader and may be joined by other members of the bureau committee."),
            "4" => locale.Pick(
                $"{name}不能参加这次谈话：派驻纪检监察组组长廉政谈话可以邀请驻在单位党委（党总支、党支部）班子其他成员共同谈话。",
                $"{name} cannot join this talk: the stationed discipline leader's talk may be joined by other members of the unit's committee."),
            "1" => locale.Pick(
                $"{name}不能参加这次谈话：局党委书记廉政谈话由组长配合，不邀请其他人共同谈话。",
                $"{name} cannot join this talk: the bureau secretary's talk is assisted by the group leader, and nobody else is invited."),
            _ => locale.Pick(
                $"{name}不能参加这次谈话：基层党委（党总支、党支部）书记廉政谈话由派驻纪检监察组组长配合，不邀请其他人共同谈话。",
                $"{name} cannot join this talk: the grassroots secretary's talk is assisted by the stationed discipline leader, and nobody else is invited."),
        };
    }
}
