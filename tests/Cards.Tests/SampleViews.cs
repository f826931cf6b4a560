using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Builders;
using TalkBot.Cards.CreateTalk;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using TalkBot.Domain;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;

namespace TalkBot.Cards.Tests;

/// <summary>Every builder in every state, for rendering checks.</summary>
internal static class SampleViews
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    public static readonly DateTimeOffset Talk = new(2026, 3, 4, 14, 30, 0, Shanghai);

    public static NoticeView Notice(NoticeState state, string? mri = "29:talkee") => new(
        new TalkId("t-2026-03-001"),
        TalkKind.Routine,
        TalkFormat.Individual,
        "张伟",
        ["李明", "王芳"],
        "赵敏",
        Talk,
        "第三会议室",
        ["完成廉政常识测试", "对照日常廉政谈话10项内容准备汇报"],
        "纪委办 陈静",
        state,
        mri);

    public static CreateTalkFormView Form(CreateTalkDraft? previous = null, IReadOnlyList<string>? errors = null) => new(
        [new(new PersonId("p1"), "张伟", "第一党支部"), new(new PersonId("p2"), "刘洋")],
        [new(new PersonId("p3"), "李明", "局党委书记")],
        [new(new PersonId("p4"), "赵敏")],
        [TalkKind.Routine, TalkKind.Reminder],
        new DateOnly(2026, 3, 27),
        new TimeOnly(9, 0),
        new DateOnly(2026, 3, 4),
        "第三会议室",
        "完成廉政常识测试",
        new DateOnly(2026, 2, 27),
        previous,
        errors,
        "form-0001");

    public static IEnumerable<(string Name, AdaptiveCard Card)> AllCards()
    {
        foreach (var locale in new[] { Locale.ZhCn, Locale.EnUs })
        {
            var l = locale.Tag;
            yield return ($"welcome-organiser-{l}", WelcomeCard.Build(new WelcomeView("李明",
                [new("help", locale.Pick("显示帮助", "Show help")), new("new", locale.Pick("新建谈话", "New talk"))], true), locale));
            yield return ($"welcome-talkee-{l}", WelcomeCard.Build(new WelcomeView("张伟", [new("help", "…")], false), locale));
            yield return ($"welcome-nocommands-{l}", WelcomeCard.Build(new WelcomeView("张伟", [], false), locale));

            yield return ($"create-empty-{l}", CreateTalkCard.Build(Form(), locale));
            yield return ($"create-errors-{l}", CreateTalkCard.Build(Form(
                new CreateTalkDraft("p1,p2", "p3", "p4", "Reminder", "Collective", "2026-13-01", "25:00", "第三会议室", "第一行\n第二行", null),
                ["“谈话日期”不是有效日期", RuleMessages.Describe(new RuleViolation(RuleCode.NoticeTooLate, "000 §四(一)3", new DateOnly(2026, 3, 4)), locale)]), locale));
            yield return ($"create-nochoices-{l}", CreateTalkCard.Build(Form() with { Talkees = [], Kinds = [] }, locale));

            yield return ($"notice-pending-{l}", NoticeCard.Build(Notice(new NoticeState.Pending()), locale));
            yield return ($"notice-pending-nomri-{l}", NoticeCard.Build(Notice(new NoticeState.Pending(), mri: null) with { RecorderName = null, PreparationItems = [] }, locale));
            yield return ($"notice-acknowledged-{l}", NoticeCard.Build(Notice(new NoticeState.Acknowledged(Talk.AddDays(-3))), locale));
            yield return ($"notice-postponement-{l}", NoticeCard.Build(Notice(new NoticeState.PostponementRequested(Talk.AddDays(-2), "当天出差")), locale));
            yield return ($"notice-unreachable-{l}", NoticeCard.Build(Notice(new NoticeState.Unreachable()), locale));

            yield return ($"created-{l}", TalkCreatedCard.Build(new TalkCreatedView(new TalkId("t1"), TalkKind.Reminder, TalkFormat.Collective, Talk, "第三会议室",
                ["李明"], "赵敏", [new("张伟", DeliveryOutcome.Sent), new("刘洋", DeliveryOutcome.Unreachable, "未安装应用"), new("王强", DeliveryOutcome.Unreachable)]), locale));
            yield return ($"created-allsent-{l}", TalkCreatedCard.Build(new TalkCreatedView(new TalkId("t1"), TalkKind.Routine, TalkFormat.Individual, Talk, "第三会议室",
                ["李明"], null, [new("张伟", DeliveryOutcome.Sent)]), locale));
            yield return ($"acknowledged-{l}", AcknowledgementReceivedCard.Build(new AcknowledgementView(new TalkId("t1"), "张伟", TalkKind.Routine, Talk, "第三会议室", Talk.AddDays(-3)), locale));
            yield return ($"postponement-request-{l}", PostponementRequestCard.Build(new PostponementRequestView(new TalkId("t1"), "张伟", TalkKind.Admonishment, Talk, "第三会议室", Talk.AddDays(-2), "当天出差"), locale));

            yield return ($"notice-list-{l}", NoticeListCard.Build(
                [new(new TalkId("t1"), TalkKind.Routine, Talk, "第三会议室", new NoticeState.Pending()),
                 new(new TalkId("t2"), TalkKind.Reminder, Talk, "第二会议室", new NoticeState.Acknowledged(Talk.AddDays(-1))),
                 new(new TalkId("t3"), TalkKind.Admonishment, Talk, "第一会议室", new NoticeState.PostponementRequested(Talk, "出差"))], locale));
            yield return ($"notice-list-empty-{l}", NoticeListCard.Build([], locale));
            yield return ($"error-{l}", ErrorCard.Build(locale.Pick("出错了", "Something went wrong"), ["line one", "line two"], locale));
            yield return ($"error-nolines-{l}", ErrorCard.Build("x", [], locale));
            yield return ($"rules-{l}", RuleViolationCard.Build(
                [.. Enum.GetValues<RuleCode>().Select(c => new RuleViolation(c, "000 §四(一)3", c == RuleCode.NoticeTooLate ? new DateOnly(2026, 3, 4) : null,
                    new Dictionary<string, string> { ["field"] = "place", ["state"] = "Acknowledged" }))], locale));
            yield return ($"refusal-{l}", RefusalCard.Build(locale, locale.Pick("新建谈话", "create talks")));
            yield return ($"refusal-general-{l}", RefusalCard.Build(locale));
        }
    }
}
