using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Builders;
using TalkBot.Cards.CreateTalk;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using TalkBot.Cards.Records;
using TalkBot.Cards.Roles;
using TalkBot.Domain;
using TalkBot.Domain.Quiz;
using TalkBot.Domain.Records;
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

    /// <summary>As many people as a form lists when a field takes more: the field then offers Teams' typeahead.</summary>
    public static IReadOnlyList<PersonChoice> ShortList(string prefix = "p") =>
        [.. Enumerable.Range(1, PersonInput.ShortListSize).Select(i => new PersonChoice(new PersonId($"{prefix}{i}"), $"张伟{i}", i % 2 == 0 ? "第一党支部 · 科员" : null))];

    public static readonly IReadOnlyList<QuizQuestion> Questions =
    [
        new("q001", QuizSource.EightPointRegulation, QuestionType.Single, "中央八项规定的第一条是什么？",
            [new("A", "改进调查研究"), new("B", "精简会议活动"), new("C", "精简文件简报"), new("D", "厉行勤俭节约")], new HashSet<string> { "A" }, "第一条为改进调查研究。"),
        new("q010", QuizSource.SixDisciplines, QuestionType.Multiple, "以下属于“六项纪律”的有哪些？",
            [new("A", "政治纪律"), new("B", "廉洁纪律"), new("C", "财务纪律"), new("D", "生活纪律")], new HashSet<string> { "A", "B", "D" }, null),
    ];

    /// <summary>Two talkees of a record form, the first <paramref name="absent"/> recorded absent without leave.</summary>
    public static IReadOnlyList<RecordAttendance> Attendance(int absent) =>
        [.. Enumerable.Range(1, 2).Select(i => new RecordAttendance(new PersonId($"t{i}"), $"谈话对象{i}", i <= absent, true))];

    public static RecordFormView RecordForm(TalkKind kind, int talkees, IReadOnlyList<string>? errors = null, IReadOnlyList<DisputeView>? disputes = null) => new(
        new TalkId("0123456789abcdef0123456789abcdef"),
        kind,
        Talk,
        "第三会议室",
        [.. Enumerable.Range(1, talkees).Select(i => new RecordTalkee(new PersonId($"t{i}"), $"谈话对象{i}"))],
        [new(new PersonId("p3"), "李明", "局党委书记"), new(new PersonId("p5"), "王正清")],
        [new(new PersonId("p3"), "李明")],
        [new(new PersonId("p4"), "赵敏")],
        new Dictionary<string, string?> { [RecordFields.Date] = "2026-03-04", [RecordFields.Start] = "14:30", [RecordFields.Lead] = "p3", [RecordFields.Checklist] = "1,3" },
        "form-0002",
        disputes is null ? null : 1,
        disputes,
        errors);

    public static RecordView Record(TalkKind kind, RecordCardMode mode, RecordStatus status, int talkees = 1) => new(
        new TalkId("0123456789abcdef0123456789abcdef"),
        kind,
        status == RecordStatus.AwaitingVerification ? 1 : 2,
        status,
        Talk,
        Talk.AddHours(1),
        "第三会议室",
        talkees > 1 ? TalkFormat.Collective : TalkFormat.Individual,
        "李明",
        status == RecordStatus.Verified ? ["王正清"] : [],
        status == RecordStatus.Verified ? "张建国" : null,
        "赵敏",
        [.. Enumerable.Range(1, ContentChecklist.Count(kind))],
        [.. Enumerable.Range(1, talkees).Select(i => new RecordPartView($"谈话对象{i}", "公务接待超标准", "已认识到问题", "立即整改", i == 1, i == 1 ? ["退还超标费用", "书面说明"] : [],
            status switch
            {
                RecordStatus.Verified => VerificationDecision.Confirmed,
                RecordStatus.Disputed when i == 1 => VerificationDecision.Disputed,
                _ => null,
            },
            status == RecordStatus.Disputed && i == 1 ? "时间记录有误" : null,
            status == RecordStatus.AwaitingVerification ? null : Talk.AddDays(1)))],
        "赵敏",
        Talk.AddHours(2),
        status == RecordStatus.AwaitingVerification ? [] : [RecordContent.Fields.Place, RecordContent.Fields.Problems],
        mode,
        mode == RecordCardMode.View ? "该记录已修改为第2版" : null);

    public static RectificationView Rectification(RectificationCardMode mode, Domain.Rectifications.RectificationStatus status, IReadOnlyList<RectificationReportView> reports) => new(
        new TalkId("0123456789abcdef0123456789abcdef"), new PersonId("t1"), "周海涛", TalkKind.Routine, Talk, ["退还超标费用", "提交书面说明"],
        new DateOnly(2026, 3, 7), status == Domain.Rectifications.RectificationStatus.Open, status, reports, mode, "form-3");

    // Issue 5: the administrator's role cards (SPEC §1).
    private static IEnumerable<(string Name, AdaptiveCard Card)> RoleCardSamples(Locale locale)
    {
        var people = new List<PersonChoice> { new(new PersonId("p1"), "张伟", "第一党支部书记"), new(new PersonId("p2"), "刘洋") };
        var history = new List<RoleHistoryView>
        {
            new(Talk, "吴管理", Domain.People.AssignmentSource.Card, new HashSet<Domain.People.Role> { Domain.People.Role.UnitHead }, Domain.People.Rank.SectionAndBelow,
                new HashSet<Domain.People.Role> { Domain.People.Role.UnitHead, Domain.People.Role.UnitSecretary }, Domain.People.Rank.DeputyDivision),
            new(Talk.AddDays(-30), "吴管理", Domain.People.AssignmentSource.Csv, new HashSet<Domain.People.Role>(), Domain.People.Rank.SectionAndBelow,
                new HashSet<Domain.People.Role> { Domain.People.Role.UnitHead }, Domain.People.Rank.SectionAndBelow),
        };
        var roles = new HashSet<Domain.People.Role> { Domain.People.Role.UnitHead, Domain.People.Role.UnitSecretary };
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        yield return ("roles-manage", RoleCards.Manage(new RoleManageView(people), locale));
        yield return ("roles-manage-errors", RoleCards.Manage(new RoleManageView(people, "p2", "person,roles,rank\nx@y,Boss,上校",
            [locale.Pick("未导入：发现 2 处问题", "Nothing imported: 2 problems"), RoleFormInput.Describe(new(2, new RuleViolation(RuleCode.RoleUnknown, RuleSources.Roles,
                Arguments: new Dictionary<string, string> { ["role"] = "Boss" })), locale)]), locale));
        yield return ("roles-manage-nobody", RoleCards.Manage(new RoleManageView([]), locale));
        yield return ("roles-manage-typeahead", RoleCards.Manage(new RoleManageView(ShortList(), "p2"), locale));
        yield return ("roles-edit", RoleCards.Edit(new RoleEditView(new PersonId("p1"), "张伟", "第一党支部书记", roles, Domain.People.Rank.DeputyDivision, history), zone, locale));
        yield return ("roles-edit-new", RoleCards.Edit(new RoleEditView(new PersonId("p2"), "刘洋", null, new HashSet<Domain.People.Role>(), Domain.People.Rank.SectionAndBelow, []), zone, locale));
        yield return ("roles-edit-errors", RoleCards.Edit(new RoleEditView(new PersonId("p1"), "张伟", null, roles, Domain.People.Rank.DeputyDivision, history,
            "Recorder", "", [RuleMessages.Describe(new RuleViolation(RuleCode.RankUnknown, RuleSources.Roles, Arguments: new Dictionary<string, string> { ["rank"] = "上校" }), locale)]), zone, locale));
        yield return ("roles-saved", RoleCards.Saved(new RoleSavedView(new PersonId("p1"), "张伟", roles, Domain.People.Rank.Division, true), locale));
        yield return ("roles-saved-unchanged", RoleCards.Saved(new RoleSavedView(new PersonId("p1"), "张伟", new HashSet<Domain.People.Role>(), Domain.People.Rank.Division, false), locale));
        yield return ("roles-imported", RoleCards.Imported(new RoleImportedView(
            [.. Enumerable.Range(1, RoleCards.MaxListed + 2).Select(i => new RoleImportLine($"人员{i}", roles, Domain.People.Rank.SectionAndBelow))], 3), locale));
        yield return ("roles-imported-none", RoleCards.Imported(new RoleImportedView([], 4), locale));
    }

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
            yield return ($"create-typeahead-{l}", CreateTalkCard.Build(Form(new CreateTalkDraft("p1,p2", "p3")) with
            {
                Talkees = ShortList(), Talkers = ShortList(), Recorders = ShortList("r"),
            }, locale));
            yield return ($"record-form-typeahead-{l}", RecordFormCard.Build(RecordForm(TalkKind.Routine, 1) with { Talkers = ShortList(), Recorders = ShortList("r") }, locale));
            yield return ($"record-form-attendance-{l}", RecordFormCard.Build(RecordForm(TalkKind.Routine, 2) with { Attendance = Attendance(absent: 1) }, locale));
            yield return ($"record-form-all-absent-{l}", RecordFormCard.Build(RecordForm(TalkKind.Routine, 2) with { Attendance = Attendance(absent: 2) }, locale));

            yield return ($"notice-pending-{l}", NoticeCard.Build(Notice(new NoticeState.Pending()), locale));
            yield return ($"notice-pending-nomri-{l}", NoticeCard.Build(Notice(new NoticeState.Pending(), mri: null) with { RecorderName = null, PreparationItems = [] }, locale));
            yield return ($"notice-acknowledged-{l}", NoticeCard.Build(Notice(new NoticeState.Acknowledged(Talk.AddDays(-3))), locale));
            yield return ($"notice-postponement-{l}", NoticeCard.Build(Notice(new NoticeState.PostponementRequested(Talk.AddDays(-2), "当天出差")), locale));
            yield return ($"notice-unreachable-{l}", NoticeCard.Build(Notice(new NoticeState.Unreachable()), locale));
            yield return ($"notice-refused-{l}", NoticeCard.Build(Notice(new NoticeState.PostponementRefused(Talk.AddDays(-1), "培训可另行安排", "当天出差")), locale));
            yield return ($"notice-cancelled-{l}", NoticeCard.Build(Notice(new NoticeState.Cancelled(Talk.AddDays(-1), "谈话对象借调外单位")) with { Quiz = new NoticeQuiz(true) }, locale));
            yield return ($"notice-moved-{l}", NoticeCard.Build(Notice(new NoticeState.Pending()) with { Moved = new TalkMovedView(Talk.AddDays(-1), Talk.AddDays(-2), "会议室冲突", false) }, locale));
            yield return ($"notice-moved-onrequest-{l}", NoticeCard.Build(Notice(new NoticeState.Pending()) with { Moved = new TalkMovedView(Talk.AddDays(-1), Talk.AddDays(-2), "当天出差", true) }, locale));
            var manage = new TalkManageView(true, new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 7), new TalkMovedView(Talk.AddDays(-1), Talk.AddDays(-2), "会议室冲突", false), null, ["张伟"]);
            yield return ($"created-manage-{l}", TalkCreatedCard.Build(new TalkCreatedView(new TalkId("t1"), TalkKind.Routine, TalkFormat.Individual, Talk, "第三会议室",
                ["李明"], null, [new("张伟", DeliveryOutcome.PostponementRefused, "培训可另行安排", Talk.AddDays(-1))], Manage: manage), locale));
            yield return ($"created-cancelled-{l}", TalkCreatedCard.Build(new TalkCreatedView(new TalkId("t1"), TalkKind.Admonishment, TalkFormat.Individual, Talk, "第三会议室",
                ["李明"], null, [new("张伟", DeliveryOutcome.Sent)], Manage: manage with { CanChange = false, Moved = null, Cancelled = new NoticeState.Cancelled(Talk, "撤销"), Absent = [] }), locale));
            var request = new PostponementRequestView(new TalkId("t1"), "张伟", TalkKind.Routine, Talk, "第三会议室", Talk.AddDays(-2), "当天出差",
                Talkee: new PersonId("p1"), MinDate: new DateOnly(2026, 3, 4), MaxDate: new DateOnly(2026, 3, 7));
            yield return ($"postponement-digest-one-{l}", PostponementDigestCard.Build([request], locale));
            yield return ($"postponement-digest-several-{l}", PostponementDigestCard.Build([request, request with { TalkId = new TalkId("t2"), TalkeeName = "刘洋" }], locale));
            yield return ($"postponement-decision-{l}", TalkChangeCards.Decision(request with { Kind = TalkKind.Admonishment }, locale, ["不同意改期须说明理由。"]));
            yield return ($"postponement-decided-{l}", TalkChangeCards.Decision(request with { MinDate = null }, locale, null, "已同意改期"));
            yield return ($"talk-moved-{l}", TalkChangeCards.Changed(new TalkChangedView(new TalkId("t1"), TalkKind.Routine, false, Talk, Talk.AddDays(1), "第三会议室",
                "会议室冲突", false, ["张伟"], ["李明"], "陈静", ForTalkee: true), locale));
            yield return ($"talk-cancelled-{l}", TalkChangeCards.Changed(new TalkChangedView(new TalkId("t1"), TalkKind.Reminder, true, Talk, Talk, "第三会议室",
                "当天出差", true, ["张伟"], ["李明", "王芳"], "陈静", ForTalkee: false), locale));
            yield return ($"postponement-approved-{l}", TalkChangeCards.Decided(new PostponementDecidedView(new TalkId("t1"), true, Talk, "第三会议室", "当天出差", null, "陈静"), locale));
            yield return ($"postponement-refused-{l}", TalkChangeCards.Decided(new PostponementDecidedView(new TalkId("t1"), false, Talk, "第三会议室", "当天出差", "培训可另行安排", "陈静"), locale));
            yield return ($"attendance-{l}", AttendanceCard.Build(new AttendanceView(new TalkId("t1"), TalkKind.Routine, Talk, "第三会议室", true,
                [new(new PersonId("p1"), "张伟", true), new(new PersonId("p2"), "刘洋", false)]), locale, ["谈话时间未到，不能登记缺席。"]));
            yield return ($"attendance-early-{l}", AttendanceCard.Build(new AttendanceView(new TalkId("t1"), TalkKind.Routine, Talk, "第三会议室", false,
                [new(new PersonId("p1"), "张伟", false)]), locale));

            yield return ($"created-{l}", TalkCreatedCard.Build(new TalkCreatedView(new TalkId("t1"), TalkKind.Reminder, TalkFormat.Collective, Talk, "第三会议室",
                ["李明"], "赵敏", [new("张伟", DeliveryOutcome.Sent), new("刘洋", DeliveryOutcome.Unreachable, "未安装应用"), new("王强", DeliveryOutcome.Unreachable),
                 new("陈静", DeliveryOutcome.Sending), new("赵磊", DeliveryOutcome.Acknowledged, At: Talk.AddDays(-3)),
                 new("孙丽", DeliveryOutcome.PostponementRequested, "当天出差", Talk.AddDays(-2))]), locale));
            yield return ($"created-allsent-{l}", TalkCreatedCard.Build(new TalkCreatedView(new TalkId("t1"), TalkKind.Routine, TalkFormat.Individual, Talk, "第三会议室",
                ["李明"], null, [new("张伟", DeliveryOutcome.Sent)]), locale));
            yield return ($"postponement-digest-{l}", PostponementDigestCard.Build(
                [new PostponementRequestView(new TalkId("t1"), "张伟", TalkKind.Admonishment, Talk, "第三会议室", Talk.AddDays(-2), "当天出差"),
                 new PostponementRequestView(new TalkId("t2"), "刘洋", TalkKind.Routine, Talk.AddDays(1), "第二会议室", Talk.AddDays(-2), "年假")], locale));

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

            yield return ($"notice-quiz-new-{l}", NoticeCard.Build(Notice(new NoticeState.Acknowledged(Talk.AddDays(-3))) with { Quiz = new NoticeQuiz(true) }, locale));
            yield return ($"notice-quiz-done-{l}", NoticeCard.Build(Notice(new NoticeState.Pending()) with { Quiz = new NoticeQuiz(false, 8, 10) }, locale));
            yield return ($"notice-quiz-retake-{l}", NoticeCard.Build(Notice(new NoticeState.Pending()) with { Quiz = new NoticeQuiz(true, 6, 10) }, locale));
            var talkId = new TalkId("0123456789abcdef0123456789abcdef");
            yield return ($"quiz-{l}", QuizCard.Build(new QuizView(talkId, 1, Talk, Questions), locale));
            yield return ($"quiz-errors-{l}", QuizCard.Build(new QuizView(talkId, 2, Talk, Questions,
                new Dictionary<string, IReadOnlySet<string>> { ["q010"] = new HashSet<string> { "A", "D" } }, ["以下题目尚未作答：第1题。"]), locale));
            var answers = new Dictionary<string, IReadOnlySet<string>> { ["q001"] = new HashSet<string> { "A" }, ["q010"] = new HashSet<string> { "A", "C" } };
            yield return ($"quiz-result-{l}", QuizResultCard.Build(new QuizResultView(talkId, 1, 1, 2, Talk.AddDays(-1), Questions, answers), locale));
            yield return ($"quiz-result-unanswered-{l}", QuizResultCard.Build(new QuizResultView(talkId, 1, 0, 2, Talk.AddDays(-1), Questions, new Dictionary<string, IReadOnlySet<string>>()), locale));
            yield return ($"quiz-score-organiser-{l}", QuizScoreCard.Build(new QuizScoreView(talkId, new PersonId("t1"), "张伟", 1, 8, 10, Talk.AddDays(-1), Talk, true, false), locale));
            yield return ($"quiz-score-talker-{l}", QuizScoreCard.Build(new QuizScoreView(talkId, new PersonId("t1"), "张伟", 2, 10, 10, Talk.AddDays(-1), Talk, false, false), locale));
            yield return ($"quiz-score-retake-{l}", QuizScoreCard.Build(new QuizScoreView(talkId, new PersonId("t1"), "张伟", 1, 5, 10, Talk.AddDays(-1), Talk, true, true), locale));
            yield return ($"quiz-retake-{l}", QuizRetakeCard.Build(talkId, Talk, locale));

            foreach (var kind in Enum.GetValues<TalkKind>())
            {
                yield return ($"record-form-{kind}-{l}", RecordFormCard.Build(RecordForm(kind, 1), locale));
                yield return ($"record-form-{kind}-collective-{l}", RecordFormCard.Build(RecordForm(kind, 3, ["结束时间须晚于开始时间。"], [new("谈话对象1", "时间记录有误", Talk.AddDays(1))]), locale));
                foreach (var status in Enum.GetValues<RecordStatus>())
                {
                    foreach (var mode in Enum.GetValues<RecordCardMode>())
                    {
                        yield return ($"record-{kind}-{status}-{mode}-{l}", RecordCard.Build(Record(kind, mode, status, kind == TalkKind.Routine ? 2 : 1), locale));
                    }
                }
            }

            yield return ($"record-form-nochoices-{l}", RecordFormCard.Build(RecordForm(TalkKind.Routine, 1) with { Talkers = [], Delegators = [], Recorders = [] }, locale));
            yield return ($"record-todo-{l}", RecordTodoCard.Build(
                [new(talkId, TalkKind.Routine, Talk, "第三会议室", ["张伟"], TodoKind.NotLogged, []),
                 new(new TalkId("1123456789abcdef0123456789abcdef"), TalkKind.Reminder, Talk, "第二会议室", ["张伟", "刘洋"], TodoKind.AwaitingVerification, ["刘洋"]),
                 new(new TalkId("2123456789abcdef0123456789abcdef"), TalkKind.Admonishment, Talk, "第一会议室", ["王强"], TodoKind.Disputed, ["王强"])], locale));
            yield return ($"record-todo-empty-{l}", RecordTodoCard.Build([], locale));

            foreach (var mode in Enum.GetValues<RectificationCardMode>())
            {
                yield return ($"rect-open-{mode}-{l}", RectificationCard.Build(Rectification(mode, Domain.Rectifications.RectificationStatus.Open, []), locale));
                yield return ($"rect-submitted-{mode}-{l}", RectificationCard.Build(Rectification(mode, Domain.Rectifications.RectificationStatus.Submitted,
                    [new(1, Talk.AddDays(4), true, [new(1, "已退还", Domain.Rectifications.MeasureStatus.Done, new DateOnly(2026, 3, 6)), new(2, "正在撰写", Domain.Rectifications.MeasureStatus.InProgress, null)], false, "措施不具体", "王正清", new DateOnly(2026, 3, 12)),
                     new(2, Talk.AddDays(6), false, [new(1, "已全额退还", Domain.Rectifications.MeasureStatus.Done, new DateOnly(2026, 3, 9))])]), locale));
            }

            yield return ($"reminder-{l}", ReminderCard.Build(new ReminderView("整改上报提醒", ["请于2026年3月8日前上报。", "第二行"], false, Verbs.RectificationShow, "上报整改情况",
                new Dictionary<string, string> { [DataKeys.TalkId] = "0123456789abcdef0123456789abcdef" }), locale));
            yield return ($"reminder-escalation-{l}", ReminderCard.Build(new ReminderView("整改逾期", ["周海涛的整改情况已逾期。"], true), locale));
            foreach (var reason in Enum.GetValues<UnreachableReason>())
            {
                yield return ($"send-unreachable-{reason}-{l}", SendCards.Unreachable(new UnreachableView("周海涛", "整改逾期提醒", "the overdue reminder", reason), locale));
            }

            yield return ($"send-failed-{l}", SendCards.FailedList(
                [new("周海涛", "第三会议室谈话的通知书", "the notice of the talk", Talk, 503), new("刘洋", null, null, Talk.AddHours(1), null)],
                TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), locale));
            yield return ($"send-failed-none-{l}", SendCards.FailedList([], TimeZoneInfo.Utc, locale));
            yield return ($"send-requeued-{l}", SendCards.Requeued(3, locale));
            yield return ($"send-requeued-none-{l}", SendCards.Requeued(0, locale));

            PersonChoice deputy = new(new PersonId("d1"), "赵明");
            yield return ($"plan-{l}", PlanCards.Plan(new PlanView(2026, 11, "王正清",
                [new("p1", "周海涛", Domain.Plans.Tier.DisciplineGroupLeader, Domain.Plans.TalkeeLine.SubordinateUnitHead, "东城分局党委", Domain.Plans.PlanItemStatus.Planned, null, null, null, [deputy]),
                 new("p2", "何建平", Domain.Plans.Tier.DisciplineGroupLeader, Domain.Plans.TalkeeLine.SubordinateUnitHead, "西城分局党委", Domain.Plans.PlanItemStatus.Planned, Talk, null, null, [deputy]),
                 new("p3", "黄磊", Domain.Plans.Tier.StationedDisciplineLeader, Domain.Plans.TalkeeLine.GrassrootsUnitHead, null, Domain.Plans.PlanItemStatus.Planned, null, null, "吴志刚", []),
                 new("p4", "郑晓燕", Domain.Plans.Tier.UnitSecretary, Domain.Plans.TalkeeLine.UnitCommitteeMember, null, Domain.Plans.PlanItemStatus.Delegated, null, "赵明", null, []),
                 new("p5", "马文斌", Domain.Plans.Tier.UnitSecretary, Domain.Plans.TalkeeLine.BranchSecretary, null, Domain.Plans.PlanItemStatus.Recused, null, null, null, [])],
                "已委托赵明与郑晓燕谈话。", ["只能委托给本层级规定的配合人员（000 §二）。"]), locale));
            yield return ($"org-{l}", PlanCards.Org(new OrgView("周海涛", "东城分局党委书记", "东城分局党委", "张建国", [Domain.People.Role.UnitSecretary, Domain.People.Role.UnitHead], Domain.People.Rank.Division, Talk, 14), locale));
            yield return ($"org-bare-{l}", PlanCards.Org(new OrgView("新同事", null, null, null, [], Domain.People.Rank.SectionAndBelow), locale));
            foreach (var (name, card) in UnitSamples(locale))
            {
                yield return ($"{name}-{l}", card);
            }

            yield return ($"rect-accepted-{l}", RectificationCard.Build(Rectification(RectificationCardMode.View, Domain.Rectifications.RectificationStatus.Accepted,
                [new(1, Talk.AddDays(2), false, [new(1, "已退还", Domain.Rectifications.MeasureStatus.Done, new DateOnly(2026, 3, 6))], true, null, "王正清")]), locale));
            yield return ($"rect-errors-{l}", RectificationCard.Build(Rectification(RectificationCardMode.Report, Domain.Rectifications.RectificationStatus.Returned, []) with
            {
                Errors = ["请填写每项整改措施"],
                Values = new Dictionary<string, string?> { ["m1.measure"] = "部分", ["m1.status"] = "InProgress", ["m2.date"] = "2026-13-01" },
                Notice = "已提交",
            }, locale));

            // Issue 13: each kind's notice, the calendar note, the quiz on the record form.
            foreach (var kind in Enum.GetValues<TalkKind>())
            {
                yield return ($"notice-kind-{kind}-{l}", NoticeCard.Build(Notice(new NoticeState.Pending()) with { Kind = kind }, locale));
            }

            yield return ($"create-calendar-note-{l}", CreateTalkCard.Build(Form() with { UncoveredYears = [2027] }, locale));
            yield return ($"created-calendar-note-{l}", TalkCreatedCard.Build(new TalkCreatedView(new TalkId("0197a0b2c3d47e8f9a0b1c2d3e4f5a6d"), TalkKind.Routine,
                TalkFormat.Individual, Talk, "第三会议室", ["李明"], null, [new("张伟", DeliveryOutcome.Sent)], "20270104-3E4F5A6D", [2027]), locale));
            yield return ($"record-form-quiz-{l}", RecordFormCard.Build(RecordForm(TalkKind.Routine, 3) with
            {
                Quizzes = [new("谈话对象1", true, 8, 10), new("谈话对象2", true), new("谈话对象3", false)],
            }, locale));
            yield return ($"rect-calendar-note-{l}", RectificationCard.Build(Rectification(RectificationCardMode.View, Domain.Rectifications.RectificationStatus.Open, [])
                with { UncoveredYears = [2027] }, locale));

            foreach (var (name, card) in RoleCardSamples(locale))
            {
                yield return ($"{name}-{l}", card);
            }

            // Leads, dispositions, admonishments, tasks, the archive, the audit log and the desk (000 §三2–3, §四(四); 002); the tiers (000 §二).
            foreach (var (name, card) in CaseSampleViews.AllCards(locale).Concat(TierSampleViews.AllCards(locale)))
            {
                yield return ($"{name}-{l}", card);
            }
        }
    }

    private static IEnumerable<(string Name, AdaptiveCard Card)> UnitSamples(Locale locale)
    {
        var bureau = new UnitId("bureau");
        var east = new UnitId("east");
        var derived = new UnitWhyView(new Domain.People.UnitOrigin(Domain.People.LevelBasis.Name, Domain.People.ParentBasis.ReportingLine, 1, new PersonId("h"), new PersonId("m")),
            "测试局", "周海涛", "张建国", "测试局", null, null);
        var corrected = new UnitWhyView(new Domain.People.UnitOrigin(Domain.People.LevelBasis.Corrected, Domain.People.ParentBasis.Corrected, 2, new PersonId("h"), new PersonId("m"),
            Domain.People.UnitLevel.Department, bureau, new PersonId("a"), Talk), "东城分局党委", "黄磊", "周海涛", "测试局", "林秀英", Talk);
        UnitLineView[] units =
        [
            new(bureau, "测试局", Domain.People.UnitLevel.Bureau, null, null, new UnitWhyView(new Domain.People.UnitOrigin(Domain.People.LevelBasis.Root, Domain.People.ParentBasis.Root, 0), null, null, null, null, null, null), 12),
            new(east, "东城分局党委", Domain.People.UnitLevel.PartyCommittee, bureau, "测试局", derived, 40),
            new(new UnitId("office"), "办公室", Domain.People.UnitLevel.Branch, east, "东城分局党委", corrected, 6),
            new(new UnitId("fleet"), "车队", Domain.People.UnitLevel.Department, null, null, null, 3),
        ];
        yield return ("units", UnitCards.List(new UnitListView(units), locale));
        yield return ("units-selected", UnitCards.List(new UnitListView(units, units[2], "更正已保存。", ["“测试局”不能设在“东城分局党委”之下。"]), locale));
        yield return ("units-none", UnitCards.List(new UnitListView([]), locale));
        yield return ("org-why", PlanCards.Org(new OrgView("周海涛", null, "东城分局党委", "张建国", [], Domain.People.Rank.Division, UnitWhy: derived), locale));
    }
}
