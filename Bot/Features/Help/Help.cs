namespace TalkBot.Bot.Features.Help;

/// <summary>帮助 / help: greets the person and lists what they may do; also the answer to anything not understood.</summary>
public sealed class Help : IFallbackCommand, ICardAction
{
    public IReadOnlyList<string> Names { get; } = ["帮助", "help", "?", "？"];

    public string Verb => Cards.Verbs.Help;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        ExecuteAsync(new CommandRequest(request!.Actor, request.Locale, "", request.Turn), cancellationToken);

    public Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var canCreate = Permissions.CanCreateTalks(request.Actor);
        var records = canCreate || request.Actor.HasAny(Role.Recorder, Role.DisciplineOffice);
        return Task.FromResult(WelcomeCard.Build(
            new WelcomeView(request.Actor.DisplayName, Commands(request.Locale, canCreate, records, Permissions.MaySeeFailedSends(request.Actor), roles: RoleAssignmentRules.MayAssign(request.Actor),
                office: Domain.Leads.LeadAccess.IsDisciplineOffice(request.Actor), propose: Domain.Admonishments.AdmonishmentRules.MayPropose(request.Actor)), canCreate), request.Locale));
    }

    internal static IReadOnlyList<CommandHelp> Commands(Locale locale, bool canCreate, bool records = false, bool failedSends = false, bool roles = false,
        bool office = false, bool propose = false)
    {
        var list = new List<CommandHelp>
        {
            new(locale.Pick("帮助", "help"), locale.Pick("查看 TalkBot 能做什么", "See what TalkBot can do")),
            new(locale.Pick("我的通知", "my notices"), locale.Pick("查看发给我的谈话通知书及其状态", "See the talk notices sent to me and where they stand")),
            new(locale.Pick("本月计划", "plan"), locale.Pick("谈话人查看本月廉政谈话计划：谈话对象、安排、委托与回避（000 §三1）", "Talkers: this month's talk plan, with each talkee, scheduling, delegation and recusal (000 §三1)")),
            new(locale.Pick("组织架构", "org"), locale.Pick("查看我的上级、单位、角色和职级", "See my manager, unit, roles and rank")),
            // 002 §五4: a cadre may ask for an admonishment talk themselves.
            new(locale.Pick("申请谈话", "request talk"), locale.Pick("主动申请接受诫勉谈话教育，说明需要说明的问题（002 §五4）", "Ask for an admonishment talk yourself, saying what you want to explain (002 §五4)")),
        };
        if (!propose)
        {
            list.Add(new(locale.Pick("线索台账", "desk"), locale.Pick("查看待我办理的事项：书面答复、书面检查、待审批的诫勉建议和待审阅的材料", "See what waits for me: written replies, self-examinations, proposals to approve, submissions to review")));
        }

        if (office)
        {
            list.Add(new(locale.Pick("登记线索", "new lead"), locale.Pick("登记问题线索并安排廉政提醒谈话（000 §三2–3）", "Register a lead and arrange the reminder talk (000 §三2–3)")));
            list.Add(new(locale.Pick("廉政档案", "archive"), locale.Pick("查看个人廉政档案：谈话、记录、提醒谈话材料、处置和诫勉", "Read a person's integrity archive: talks, records, reminder-talk materials, dispositions, admonishments")));
            list.Add(new(locale.Pick("审计日志", "audit"), locale.Pick("查看线索、记录和档案的查阅记录（SPEC §6）", "See who viewed leads, records and archives (SPEC §6)")));
        }

        if (propose)
        {
            list.Add(new(locale.Pick("线索台账", "desk"), locale.Pick("查看本级的问题线索、诫勉谈话和待办事项；纪委办在此为回避的谈话指定谈话人（000 §四(五)3）", "See this level's leads, admonishments and open tasks; the discipline office names a talker for a recused talk here (000 §四(五)3)")));
            list.Add(new(locale.Pick("诫勉建议", "propose"), locale.Pick("提出诫勉谈话建议，报有权领导审批（002 §四1–2）", "Propose an admonishment talk for approval (002 §四1–2)")));
        }

        if (records)
        {
            // 000 §四(一)4: the recorder logs each talk; this lists what is still missing.
            list.Add(new(locale.Pick("待办记录", "records"), locale.Pick("查看待登记、待核实或有异议的谈话记录", "See talks not yet recorded, and records awaiting verification or disputed")));
        }

        if (failedSends)
        {
            list.Add(new(locale.Pick("发送失败", "failed"), locale.Pick("查看多次重试仍未发出的消息，并一键重发", "See messages not sent after every retry, and resend them at once")));
        }

        if (roles)
        {
            // SPEC §1: Party and discipline roles and ranks are assigned by an administrator.
            list.Add(new(locale.Pick("角色管理", "roles"), locale.Pick("分配人员的党内及纪检角色和职级，或用 CSV 批量导入", "Assign people's Party and discipline roles and ranks, or import them from CSV")));
            list.Add(new(locale.Pick("同步组织", "sync"), locale.Pick("立即从组织目录同步人员、单位和上下级", "Read people, units and reporting lines from the directory now")));
        }

        if (canCreate)
        {
            list.Insert(1, new(locale.Pick("新建谈话", "new talk"), locale.Pick("安排一次谈话并向谈话对象送达通知书", "Schedule a talk and send the notice to the talkee(s)")));
        }

        return list;
    }
}
