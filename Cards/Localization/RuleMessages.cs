using TalkBot.Domain.Admonishments;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Leads;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;

namespace TalkBot.Cards.Localization;

/// <summary>
/// Turns a broken rule into one plain sentence: which rule, why, and the earliest date that meets it
/// (SPEC §4: TalkBot says so plainly and proposes the earliest valid date).
/// </summary>
public static partial class RuleMessages
{
    public static string Describe(RuleViolation violation, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(violation);
        var source = string.IsNullOrWhiteSpace(violation.Source) ? null : violation.Source.Trim();
        var lead = locale.IsChinese
            ? source is null ? "不符合规定：" : $"不符合规定（{source}）："
            : source is null ? "Not allowed: " : $"Not allowed ({source}): ";
        var earliest = violation.EarliestValidDate is { } date
            ? locale.Pick($"最早可安排在 {DateText.Date(date, locale)}。", $" The earliest possible date is {DateText.Date(date, locale)}.")
            : "";
        return lead + Reason(violation, locale) + earliest;
    }

    /// <summary>What the rule requires, without source or date.</summary>
    public static string Reason(RuleViolation violation, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(violation);
        return violation.Code switch
        {
            RuleCode.NoticeTooLate => locale.Pick(
                "须提前2个工作日送达通知书。",
                "the notice must reach the talkee at least 2 working days before the talk."),
            // The latest date is the one a date past the window needs to hear (000 §四(一)2); the earliest follows in Describe.
            RuleCode.OutsideFiveDayWindow when ArgDate(violation, "latestDate") is { } latest => locale.Pick(
                $"谈话须在谈话内容确定后5日内开展，最晚可安排在 {DateText.Date(latest, locale)}。",
                $"the talk must be held within 5 days after its content is determined: the latest possible date is {DateText.Date(latest, locale)}."),
            RuleCode.OutsideFiveDayWindow => locale.Pick(
                "谈话须在谈话内容确定后5日内开展。",
                "the talk must be held within 5 days after its content is determined."),
            RuleCode.NoticeAndWindowIncompatible => locale.Pick(
                "无法同时满足“谈话内容确定后5日内开展谈话”和“提前2个工作日送达通知书”。",
                "the talk cannot be both within 5 days of the content date and at least 2 working days after the notice."),
            RuleCode.TalkInPast => locale.Pick(
                "谈话时间不能早于当前时间。",
                "the talk cannot be scheduled in the past."),
            RuleCode.ContentDateInFuture => locale.Pick(
                "谈话内容确定日期不能晚于今天。",
                "the date the content was determined cannot be in the future."),
            RuleCode.Required => locale.Pick(
                $"必须填写“{FieldName(violation, locale)}”。",
                $"“{FieldName(violation, locale)}” is required."),
            RuleCode.TalkeeIsTalker => locale.Pick(
                "谈话对象不能同时担任本次谈话的谈话人。",
                "a talkee cannot also be a talker of the same talk."),
            RuleCode.NotPermitted => locale.Pick(
                "您的角色无权执行此操作。",
                "your roles do not allow this action."),
            RuleCode.InvalidState => locale.Pick(
                $"当前状态（{StateName(violation, locale)}）不允许此操作。",
                $"this cannot be done in the current state ({StateName(violation, locale)})."),
            RuleCode.TalkeeInactive => locale.Pick(
                $"{violation.Argument("person") ?? "所选人员"}已不在组织名录中，不能安排新的谈话。",
                $"{violation.Argument("person") ?? "the person chosen"} has left the directory and cannot be given new talks."),
            RuleCode.PostponementReasonRequired => locale.Pick(
                "申请改期须说明理由。",
                "a request to postpone must give a reason."),
            RuleCode.QuizNotForThisKind => locale.Pick(
                "廉政常识测试只在日常廉政谈话前进行。",
                "the integrity quiz is taken before routine talks only."),
            RuleCode.QuizAlreadyTaken => locale.Pick(
                "每次谈话只能参加一次廉政常识测试；如需重新测试，须经组织方同意。",
                "the quiz is taken once per talk; a retake needs the organiser's permission."),
            RuleCode.QuizQuestionNotDrawn => locale.Pick(
                $"答案中的题目（{violation.Argument("question")}）不属于本次测试。",
                $"an answer names a question ({violation.Argument("question")}) that is not part of this quiz."),
            RuleCode.QuizUnanswered => locale.Pick(
                $"以下题目尚未作答：第{Numbers(violation, "numbers", locale)}题。",
                $"these questions are not answered yet: {Numbers(violation, "numbers", locale)}."),
            RuleCode.QuizInvalidAnswer => locale.Pick(
                $"以下题目的答案无效：第{Numbers(violation, "numbers", locale)}题。",
                $"the answers to these questions are not valid: {Numbers(violation, "numbers", locale)}."),
            RuleCode.QuizClosed => locale.Pick(
                "谈话已开始、已进行或已撤销，测试已关闭。",
                "the talk has begun, taken place or been cancelled, so the quiz is closed."),
            RuleCode.RecordEndBeforeStart => locale.Pick(
                "结束时间须晚于开始时间。",
                "the end time must be after the start time."),
            RuleCode.RecordInFuture => locale.Pick(
                "谈话尚未结束，不能登记未来的谈话。",
                "the talk has not ended yet; a record cannot describe a talk in the future."),
            RuleCode.ChecklistIncomplete => locale.Pick(
                $"谈话步骤须逐项完成并登记，尚缺第{Numbers(violation, "items", locale)}项。",
                $"every step must be done and recorded; missing: {Numbers(violation, "items", locale)}."),
            RuleCode.ChecklistEmpty => locale.Pick(
                "请至少勾选一项谈话内容。",
                "tick at least one item of the content covered."),
            RuleCode.ChecklistUnknownItem => locale.Pick(
                $"谈话内容中没有第{Numbers(violation, "items", locale)}项。",
                $"the content list has no item {Numbers(violation, "items", locale)}."),
            RuleCode.RectificationItemsRequired => locale.Pick(
                $"{PersonName(violation, locale)}需要整改，请列出整改事项。",
                $"rectification is required of {PersonName(violation, locale)}; list the items."),
            RuleCode.CollectiveNeedsSeveralTalkees => locale.Pick(
                "集体谈话须有两名以上谈话对象。",
                "a collective talk has at least two talkees."),
            RuleCode.DelegationInvalid => locale.Pick(
                "委托人须是本次谈话原定的谈话人，且不能是主谈人本人。",
                "the person who delegated must be a planned talker of this talk, other than the lead talker."),
            RuleCode.PartFieldRequired => locale.Pick(
                $"请填写{PersonName(violation, locale)}的“{FieldName(violation, locale)}”。",
                $"fill in “{FieldName(violation, locale)}” for {PersonName(violation, locale)}."),
            RuleCode.RecordSuperseded => locale.Pick(
                $"该记录已修改为第{violation.Argument("version")}版，请核实最新版本。",
                $"the record has been revised (version {violation.Argument("version")}); please verify the latest version."),
            RuleCode.DisputeCommentRequired => locale.Pick(
                "提出异议须说明哪里有误。",
                "a dispute must say what is wrong."),
            RuleCode.AlreadyVerified => locale.Pick(
                violation.Argument("state") == "Confirmed" ? "您已确认该版本记录无误，不能再提出异议。" : "您已对该版本记录提出异议，请等待记录人修改。",
                violation.Argument("state") == "Confirmed" ? "you have already confirmed this version of the record." : "you have already disputed this version; the recorder will revise it."),
            RuleCode.TalkCancelled => locale.Pick(
                "该谈话已撤销，不能登记记录。",
                "the talk was cancelled; it cannot be recorded."),
            RuleCode.RectificationMeasuresRequired => locale.Pick(
                $"请填写每项整改事项的整改措施，尚缺第{Numbers(violation, "items", locale)}项。",
                $"give the measure taken for every item; missing: {Numbers(violation, "items", locale)}."),
            RuleCode.CompletionDateRequired => locale.Pick(
                $"已完成的整改事项须填写完成日期：第{Numbers(violation, "items", locale)}项。",
                $"a measure marked done needs its completion date: item {Numbers(violation, "items", locale)}."),
            RuleCode.CompletionDateInFuture => locale.Pick(
                $"完成日期不能晚于今天：第{Numbers(violation, "items", locale)}项。",
                $"a completion date cannot be in the future: item {Numbers(violation, "items", locale)}."),
            RuleCode.ReturnCommentRequired => locale.Pick(
                "退回整改报告须说明理由。",
                "say why the report is returned."),
            RuleCode.NewDueDateRequired => locale.Pick(
                "退回整改报告须指定晚于今天的新期限。",
                "a returned report needs a new due date after today."),
            RuleCode.PersonNotInDirectory => locale.Pick(
                $"组织名录中没有“{violation.Argument("person") ?? "?"}”（或其已不在职），只能为名录中的人员分配角色。",
                $"“{violation.Argument("person") ?? "?"}” is not in the organisation directory (or has left); roles are assigned to people in it only."),
            RuleCode.RoleUnknown => locale.Pick(
                $"“{violation.Argument("role") ?? "?"}”不是规定的角色，请使用角色名称或其中文名称，如“纪委办(监察处)”。",
                $"“{violation.Argument("role") ?? "?"}” is not one of the roles; use a role name or its Chinese term, e.g. DisciplineOffice or 纪委办(监察处)."),
            RuleCode.RankUnknown => locale.Pick(
                $"职级“{violation.Argument("rank") ?? "?"}”无效，应为正处级、副处级或科级及以下。",
                $"rank “{violation.Argument("rank") ?? "?"}” is not valid; it is Division (正处级), DeputyDivision (副处级) or SectionAndBelow (科级及以下)."),
            RuleCode.PersonListedTwice => locale.Pick(
                $"{PersonName(violation, locale)}已在第{violation.Argument("line") ?? "?"}行出现，每人只能出现一次。",
                $"{PersonName(violation, locale)} is already on line {violation.Argument("line") ?? "?"}; list each person once."),
            RuleCode.ColumnMissing => locale.Pick(
                $"缺少“{violation.Argument("column") ?? "?"}”列。",
                $"the “{violation.Argument("column") ?? "?"}” column is missing."),
            RuleCode.LastAdministrator => locale.Pick(
                $"{PersonName(violation, locale)}是最后一名管理员，不能取消其管理员角色，否则将无人能再分配角色。",
                $"{PersonName(violation, locale)} is the last administrator and keeps the role; otherwise nobody could assign roles any more."),
            RuleCode.SubjectIsActor => locale.Pick(
                "不能对本人登记问题线索或提出诫勉谈话建议，请由其他人员办理。",
                "you cannot register a lead or propose an admonishment about yourself; someone else must do it."),
            RuleCode.DispositionBeforeTalk => locale.Pick(
                "谈后处置须在提醒谈话进行并登记记录后作出，每次谈话只作一次处置。",
                "dispositions are recorded after the reminder talk has been held and logged, once per talk."),
            RuleCode.DispositionRequired => locale.Pick(
                "请至少选择一项谈后处置。",
                "choose at least one disposition."),
            RuleCode.DispositionNoteRequired => locale.Pick(
                $"选择“{DispositionName(violation, locale)}”须填写“{DispositionNote(violation, locale)}”。",
                $"“{DispositionName(violation, locale)}” needs “{DispositionNote(violation, locale)}”."),
            RuleCode.DispositionDueDateRequired => locale.Pick(
                $"选择“{DispositionName(violation, locale)}”须指定晚于今天的期限。",
                $"“{DispositionName(violation, locale)}” needs a due date after today."),
            RuleCode.DispositionsConflict => locale.Pick(
                "“了结澄清”适用于反映不实或没有证据证实存在问题的情形，除“采纳建议”外不能与其他处置同时选择。",
                "“closed and clarified” means the report was untrue or unproven; it cannot be combined with other dispositions except adopting suggestions."),
            RuleCode.SubmissionTextRequired => locale.Pick(
                $"请填写{TaskKindName(violation, locale)}的内容后再提交。",
                $"write the {TaskKindName(violation, locale).ToLowerInvariant()} before submitting."),
            RuleCode.NotAuthorisedForRank => locale.Pick(
                $"对{RankName(violation, locale)}干部的诫勉谈话，须经{Approvers(violation, locale)}批准；您无此审批权限。",
                $"an admonishment of a cadre at {RankName(violation, locale).ToLowerInvariant()} is approved by {Approvers(violation, locale)}; you do not hold that authority."),
            RuleCode.RejectionCommentRequired => locale.Pick(
                "不批准诫勉谈话建议须填写审批意见，说明理由。",
                "a rejection must give the reason in the approval comment."),
            RuleCode.NotApproved => locale.Pick(
                $"诫勉谈话须经批准后才能安排（当前状态：{StateName(violation, locale)}）。",
                $"the admonishment talk can be arranged only once approved (current state: {StateName(violation, locale)})."),
            RuleCode.TwoTalkersRequired => locale.Pick(
                "有轻微违纪行为的，须由两人以上（含两人）实施诫勉谈话。",
                "with a minor violation, at least two talkers hold the admonishment talk."),
            RuleCode.AdmonishmentRecorderRequired => locale.Pick(
                "有轻微违纪行为的，纪委办（监察处）须安排人员参加谈话并作谈话记录：请指定记录人或纪委办人员为记录人。",
                "with a minor violation, the discipline office provides someone to keep the record: choose a recorder or a member of the office."),
            RuleCode.TalkeeNotSubject => locale.Pick(
                "谈话对象只能是该问题线索或诫勉事项所涉人员本人，且只此一人。",
                "the talk is held with the person the lead or case is about, alone."),
            RuleCode.LinkNotSamePerson => locale.Pick(
                "关联的问题线索和此前的诫勉谈话须涉及同一人，且线索须由本级纪检监察机关登记。",
                "the lead and earlier admonishments linked must be about the same person, and the lead registered by this office."),
            RuleCode.NextCheckRequired => locale.Pick(
                "未改正或改正不明显的，须指定晚于今天的下次了解日期。",
                "when the problem is not or barely corrected, set the next check on a date after today."),
            RuleCode.ProposerCannotApprove => locale.Pick(
                "诫勉谈话建议须由提出人以外的有权领导审批，提出人不能审批自己的建议。",
                "an admonishment proposal is approved by an authority other than its proposer; you proposed this one."),
            RuleCode.UnitParentCycle => locale.Pick(
                $"“{violation.Argument("unit")}”不能设在“{violation.Argument("parent")}”之下：后者本身就在它之下。",
                $"“{violation.Argument("unit")}” cannot sit under “{violation.Argument("parent")}”, which is itself under it."),
            RuleCode.UnitUnknown => locale.Pick(
                "组织目录中没有该单位，请先同步组织。",
                "the directory has no such unit; synchronise the directory first."),
            RuleCode.PersonNotChoosable => PersonNotChoosable(violation, locale),
            RuleCode.ReasonRequired => violation.Argument("action") switch
            {
                "cancel" => locale.Pick("撤销谈话须说明理由。", "say why the talk is cancelled."),
                "refuse-postponement" => locale.Pick("不同意改期须说明理由。", "say why the postponement is refused."),
                _ => locale.Pick("谈话改期须说明理由。", "say why the talk is moved."),
            },
            RuleCode.TalkAlreadyBegun => locale.Pick(
                "谈话时间已到，不能再改期；谈话对象未到的请登记缺席。",
                "the talk's time has come; it cannot be moved any more. Record a talkee who did not come as absent."),
            RuleCode.PostponementNotPending => locale.Pick(
                $"没有待决定的改期申请（当前：{NoticeStateName(violation, locale)}）。",
                $"there is no postponement waiting for a decision (now: {NoticeStateName(violation, locale)})."),
            RuleCode.NewTimeRequired => locale.Pick(
                "同意改期须选择与原定时间不同的新时间。",
                "approving a postponement needs a new time, not the one the talkee cannot keep."),
            RuleCode.AbsenceBeforeTalk => locale.Pick(
                "谈话时间未到，不能登记缺席。",
                "the talk's time has not come yet; no absence can be recorded."),
            RuleCode.TalkeesAbsent => locale.Pick(
                "谈话对象均已登记无故缺席，谈话未举行，不能登记为已举行的谈话记录；请另行安排谈话。",
                "every talkee was recorded absent without leave: the talk did not take place and cannot be recorded as held; arrange the talk again."),
            RuleCode.AbsenceAfterRecord => locale.Pick(
                "谈话记录已登记，谈话已举行；无故缺席须在登记记录前登记，记录有误的请修改记录。",
                "the talk's record is logged, so the talk was held; record an absence before the record, or correct the record."),
            RuleCode.NotTalkeeOfTalk => locale.Pick(
                $"{PersonName(violation, locale)}不是本次谈话的谈话对象。",
                $"{PersonName(violation, locale)} is not a talkee of this talk."),
            RuleCode.ReminderTalkNeedsLead => locale.Pick(
                "廉政提醒谈话须依据问题线索开展，请在线索卡片上点击“安排提醒谈话”，不能通过“新建谈话”创建。",
                "a reminder talk follows from a lead: arrange it with “Arrange a reminder talk” on the lead's card, not through “new talk”."),
            RuleCode.AdmonishmentNeedsApprovedCase => locale.Pick(
                "诫勉谈话须严格履行审批程序，只能在经批准的诫勉谈话建议上点击“安排诫勉谈话”，不能通过“新建谈话”创建。",
                "an admonishment talk needs an approved proposal: arrange it with “Arrange the admonishment talk” on the approved case, not through “new talk”."),
            RuleCode.TalkFormOfAnotherTalk => locale.Pick(
                "这张表单对应的是另一次谈话（他人组织、类型不同或谈话对象不是本人），不能查看，也不能关联到本线索或诫勉事项。请重新打开表单填写。",
                "this form belongs to another talk (organised by someone else, of another kind, or with another talkee); it is neither shown nor linked here. Open the form again."),
            RuleCode.LeadTalkerNotResponsible => LeadTalkerNotResponsible(violation, locale),
            RuleCode.TalkeeNotOnTierLine => TalkeeNotOnTierLine(violation, locale),
            RuleCode.JointTalkerNotAllowed => JointTalkerNotAllowed(violation, locale),
            RuleCode.TalkeeNotOnPlan => locale.Pick(
                $"{PersonName(violation, locale)}不是委托给您的谈话对象：受委托的谈话只与计划中的该谈话对象开展。",
                $"{PersonName(violation, locale)} is not the talkee delegated to you: a delegated talk is held with that talkee of your plan alone."),
            RuleCode.RequestNotHandedToOffice => locale.Pick(
                "本人申请接受诫勉谈话的，先由其党风廉政建设责任人处理；责任人转交纪委办后，才能提出诫勉谈话建议。",
                "a cadre's own request goes to their responsible person first; the office writes the proposal once the responsible person has handed it on."),
            RuleCode.DelegateMustTalk => locale.Pick(
                "受委托的谈话由受委托人本人进行，请把自己列为谈话人。",
                "the person a talk is delegated to holds it: list yourself among the talkers."),
            RuleCode.CommitteeOpinionRequired => locale.Pick(
                $"作出组织处理须根据党委的意见，请填写：{OpinionFields(violation, locale)}（日期不能晚于今天）。",
                $"organisational handling follows the Party committee's opinion; fill in: {OpinionFields(violation, locale)} (the date cannot be after today)."),
            _ => locale.Pick($"违反规则 {violation.Code}。", $"rule {violation.Code} is broken."),
        };
    }
}
