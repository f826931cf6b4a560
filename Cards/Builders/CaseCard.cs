using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using TalkBot.Domain.Admonishments;
using static TalkBot.Cards.Builders.CardParts;
using static TalkBot.Cards.Builders.CaseParts;

namespace TalkBot.Cards.Builders;

/// <summary>
/// An admonishment case (诫勉谈话, 002): the proposal (002 §四1), who must approve it for the person's rank and what they
/// decided (002 §四2), the talks (002 §四3), the written material that follows (002 §四4), and the follow-up checks
/// (002 §四5). The mode adds what the viewer may do: decide, arrange the talk, record a check, or write the proposal for
/// a cadre's own request.
/// </summary>
public static class CaseCard
{
    public const int MaxCommentLength = 1000;

    public static AdaptiveCard Build(CaseView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        string? V(string key) => Value(view.Values, key);
        var title = locale.Pick("诫勉谈话", "Admonishment talk");
        var card = NewCard($"{title}: {view.SubjectName}");
        card.Body.Add(Heading(title));
        AddNoticeAndErrors(card, view.Notice, view.Errors);
        var (style, color) = view.Status switch
        {
            CaseStatus.Rejected => (AdaptiveContainerStyle.Warning, AdaptiveTextColor.Warning),
            CaseStatus.Resolved => (AdaptiveContainerStyle.Good, AdaptiveTextColor.Good),
            CaseStatus.OrganisationalHandling => (AdaptiveContainerStyle.Attention, AdaptiveTextColor.Attention),
            _ => (AdaptiveContainerStyle.Accent, AdaptiveTextColor.Accent),
        };
        card.Body.Add(Status(Labels.Of(view.Status, locale), style, color));

        card.Body.Add(Facts(
            (locale.Pick("谈话对象", "Talkee"), view.SubjectName),
            (locale.Pick("职级", "Rank"), Labels.Of(view.SubjectRank, locale)),
            (locale.Pick("诫勉情形", "Situation"), view.Situation is { } situation ? Labels.Of(situation, locale) : locale.Pick("待提出建议", "to be proposed")),
            (locale.Pick("问题来源", "Came to light through"), Labels.Of(view.Origin, locale)),
            (locale.Pick("轻微违纪行为", "Minor violation"), YesNo(view.MinorViolation, locale)),
            (locale.Pick("对单位负责人诫勉", "Head of a unit"), view.ForUnit ? YesNo(true, locale) : null),
            (locale.Pick("提出", "Proposed"), view.ProposedByName is { } by
                ? view.ProposedAt is { } at ? $"{by} · {DateText.DateTime(at, locale)}" : by
                : null),
            (locale.Pick("审批人（002 §四2）", "Approved by (002 §四2)"), view.ApproverRoles.Count > 0
                ? string.Join(locale.Pick("或", " or "), view.ApproverRoles.Select(r => Labels.Of(r, locale)))
                : null),
            (locale.Pick("下次了解改进情况", "Next check"), view.NextCheck is { } next ? DateText.Date(next, locale) : null)));

        if (view.Request is { Length: > 0 } request)
        {
            card.Body.Add(SubHeading(locale.Pick("本人申请理由（002 §五4）", "The cadre's own request (002 §五4)")));
            card.Body.Add(Paragraph(request));
        }

        if (view.Facts is { Length: > 0 } facts)
        {
            card.Body.Add(SubHeading(locale.Pick("调查核实的事实", "Facts found")));
            card.Body.Add(Paragraph(facts));
        }

        if (view.Decision is { } decision)
        {
            card.Body.Add(Decision(decision, view.DecidedByName, locale));
        }

        AddSection(card, locale.Pick("谈话", "Talks"), [.. view.Talks.Select(t => Talk(t, locale))], locale);
        if (view.Tasks.Count > 0)
        {
            card.Body.Add(SubHeading(locale.Pick("书面材料及后续任务", "Written material and tasks")));
            foreach (var task in view.Tasks)
            {
                card.Body.Add(Task(task, locale));
            }
        }

        if (view.Checks.Count > 0 || view.Status == CaseStatus.FollowUp)
        {
            AddSection(card, locale.Pick("改进情况了解（002 §四5）", "Follow-up checks (002 §四5)"), [.. view.Checks.Select(c => Check(c, locale))], locale);
        }

        var links = new List<AdaptiveAction>();
        foreach (var earlier in view.Earlier)
        {
            links.Add(Show(Verbs.CaseShow, DataKeys.CaseId, earlier.CaseId.Value, locale.Pick($"此前诫勉：{earlier.Label}", $"Earlier: {earlier.Label}")));
        }

        if (view.Lead is { } lead)
        {
            links.Add(Show(Verbs.LeadShow, DataKeys.LeadId, lead.Value, locale.Pick("查看问题线索", "Open the lead")));
        }

        if (links.Count > 0)
        {
            card.Body.Add(SubHeading(locale.Pick("相关事项", "Related")));
            card.Body.Add(CardActions.Set([.. links]));
        }

        var ids = new Dictionary<string, string> { [DataKeys.CaseId] = view.CaseId.Value };
        switch (view.Mode)
        {
            case CaseCardMode.Decide:
                AddDecide(card, view, ids, V, locale);
                break;
            case CaseCardMode.Arrange:
                card.Body.Add(Subtle(view.MinorViolation
                    ? locale.Pick(
                        "有轻微违纪行为：至少两名谈话人，由党风廉政责任人主谈，纪委办（监察处）安排人员参加谈话并作谈话记录（002 §四3）。",
                        "Minor violation: at least two talkers, the responsible person leading; the discipline office provides someone to keep the record (002 §四3).")
                    : locale.Pick(
                        "未构成违纪的，可由党风廉政责任人实施谈话（002 §四3）。",
                        "Without a violation, the responsible person may hold the talk alone (002 §四3).")));
                card.Body.Add(CardActions.Set(CardActions.Execute(Verbs.CaseTalk, locale.Pick("安排诫勉谈话", "Arrange the talk"), ids,
                    AdaptiveActionStyle.Positive, AdaptiveAssociatedInputs.None)));
                break;
            case CaseCardMode.FollowUp:
                AddFollowUp(card, view, V, locale);
                break;
            case CaseCardMode.HandToOffice:
                card.Body.Add(Subtle(locale.Pick(
                    "此人作为责任对象主动找您（党风廉政建设责任人）申请接受诫勉谈话教育（002 §五4）。交纪委办（监察处）后，由其提出诫勉谈话建议并报批（002 §四1–2）。",
                    "This person, as one you are responsible for, asks you for an admonishment talk (002 §五4). Handed to the discipline office, it writes the proposal for approval (002 §四1–2).")));
                card.Body.Add(CardActions.Set(CardActions.Execute(Verbs.CaseRequestForward, locale.Pick("交纪委办", "Hand to the discipline office"), ids,
                    AdaptiveActionStyle.Positive, AdaptiveAssociatedInputs.None)));
                break;
            case CaseCardMode.CompleteRequest:
                card.Body.Add(CardActions.Set(CardActions.Execute(Verbs.CaseNew, locale.Pick("提出诫勉建议", "Write the proposal"), ids,
                    AdaptiveActionStyle.Positive, AdaptiveAssociatedInputs.None)));
                break;
        }

        return card;
    }

    private static AdaptiveContainer Decision(ApprovalDecision decision, string? byName, Locale locale)
    {
        var verdict = decision.Approved ? locale.Pick("批准", "Approved") : locale.Pick("不批准", "Not approved");
        var container = new AdaptiveContainer
        {
            Style = decision.Approved ? AdaptiveContainerStyle.Good : AdaptiveContainerStyle.Warning,
            Spacing = AdaptiveSpacing.Medium,
        };
        container.Items.Add(new AdaptiveTextBlock(locale.Pick(
            $"审批：{verdict}（{byName ?? "?"}，{DateText.DateTime(decision.At, locale)}）",
            $"Decision: {verdict} ({byName ?? "?"}, {DateText.DateTime(decision.At, locale)})"))
        {
            Wrap = true,
            Weight = AdaptiveTextWeight.Bolder,
            Color = decision.Approved ? AdaptiveTextColor.Good : AdaptiveTextColor.Warning,
        });
        if (decision.Comment is { Length: > 0 } comment)
        {
            container.Items.Add(Paragraph(locale.Pick($"审批意见：{comment}", $"Comment: {comment}")));
        }

        return container;
    }

    private static void AddDecide(AdaptiveCard card, CaseView view, Dictionary<string, string> ids, Func<string, string?> value, Locale locale)
    {
        card.Body.Add(Subtle(locale.Pick(
            $"对{Labels.Of(view.SubjectRank, locale)}干部的诫勉谈话，须经{string.Join("或", view.ApproverRoles.Select(r => Labels.Of(r, locale)))}批准（002 §四2）。不批准须填写审批意见。",
            $"An admonishment of a cadre at {Labels.Of(view.SubjectRank, locale).ToLowerInvariant()} is approved by the {string.Join(" or the ", view.ApproverRoles.Select(r => Labels.Of(r, locale)))} (002 §四2). A rejection gives its reason.")));
        card.Body.Add(new AdaptiveTextInput
        {
            Id = CaseFields.ApprovalComment,
            Label = Labels.CaseField(CaseFields.ApprovalComment, locale),
            Placeholder = locale.Pick("不批准时须说明理由", "Required when not approving"),
            IsMultiline = true,
            MaxLength = MaxCommentLength,
            Value = value(CaseFields.ApprovalComment),
        });
        card.Body.Add(CardActions.Set(
            CardActions.Execute(Verbs.CaseApprove, locale.Pick("批准", "Approve"), ids, AdaptiveActionStyle.Positive),
            CardActions.Execute(Verbs.CaseReject, locale.Pick("不批准", "Reject"), ids, AdaptiveActionStyle.Destructive)));
    }

    private static void AddFollowUp(AdaptiveCard card, CaseView view, Func<string, string?> value, Locale locale)
    {
        var form = new AdaptiveContainer { Separator = true, Spacing = AdaptiveSpacing.Large };
        form.Items.Add(SubHeading(locale.Pick("记录改进情况了解结果", "Record a follow-up check")));
        form.Items.Add(Subtle(locale.Pick(
            "诫勉谈话后，纪委办（监察处）和组织部门对谈话对象存在的主要问题的改进情况进行了解；没有改正或改正不明显的，根据党委的意见，予以批评教育并督促改正，或作出组织处理（002 §四5）。",
            "After the talk, the discipline office and the organisation department check how the main problems were corrected; if not or barely corrected, per the Party committee's opinion, the person is criticised and urged again, or handed to organisational handling (002 §四5).")));
        form.Items.Add(Choice<FollowUpOutcome>(CaseFields.Outcome, Labels.CaseField(CaseFields.Outcome, locale)!, Labels.Of,
            value(CaseFields.Outcome), locale, AdaptiveChoiceInputStyle.Expanded));
        form.Items.Add(new AdaptiveTextInput
        {
            Id = CaseFields.FollowUpNote,
            Label = Labels.CaseField(CaseFields.FollowUpNote, locale),
            IsMultiline = true,
            IsRequired = true,
            ErrorMessage = Fill(Labels.CaseField(CaseFields.FollowUpNote, locale)!, locale),
            MaxLength = MaxCommentLength,
            Value = value(CaseFields.FollowUpNote),
        });
        form.Items.Add(new AdaptiveDateInput
        {
            Id = CaseFields.NextCheck,
            Label = locale.Pick("下次了解日期（未改正或改正不明显时必填）", "Next check on (required when not corrected)"),
            Value = value(CaseFields.NextCheck),
        });
        AddCommitteeOpinion(form, value, locale);
        form.Items.Add(CardActions.Set(
            CardActions.Execute(Verbs.CaseFollowUp, locale.Pick("记录了解结果", "Record the check"),
                new Dictionary<string, string> { [DataKeys.CaseId] = view.CaseId.Value, [DataKeys.FormId] = view.FormId ?? "" },
                AdaptiveActionStyle.Positive),
            // 002 §五5: the same problem may need several talks; the new proposal links back to this case.
            CardActions.Execute(Verbs.CaseNew, locale.Pick("再次诫勉谈话", "Another admonishment talk"),
                new Dictionary<string, string> { [DataKeys.EarlierCases] = view.CaseId.Value },
                associatedInputs: AdaptiveAssociatedInputs.None)));
        card.Body.Add(form);
    }

    // 002 §四5: organisational handling follows the Party committee's opinion, recorded here (who, when, what) from its minutes.
    private static void AddCommitteeOpinion(AdaptiveContainer form, Func<string, string?> value, Locale locale)
    {
        form.Items.Add(SubHeading(locale.Pick("党委意见（作出组织处理时必填，002 §四5）", "The Party committee's opinion (required for organisational handling, 002 §四5)")));
        form.Items.Add(new AdaptiveTextInput
        {
            Id = CaseFields.OpinionBy,
            Label = Labels.CaseField(CaseFields.OpinionBy, locale),
            Placeholder = locale.Pick("如：局党委（2026年第3次党委会）", "e.g. the bureau's Party committee, 3rd meeting of 2026"),
            MaxLength = MaxCommentLength,
            Value = value(CaseFields.OpinionBy),
        });
        form.Items.Add(new AdaptiveDateInput
        {
            Id = CaseFields.OpinionOn,
            Label = Labels.CaseField(CaseFields.OpinionOn, locale),
            Value = value(CaseFields.OpinionOn),
        });
        form.Items.Add(new AdaptiveTextInput
        {
            Id = CaseFields.Opinion,
            Label = Labels.CaseField(CaseFields.Opinion, locale),
            IsMultiline = true,
            MaxLength = MaxCommentLength,
            Value = value(CaseFields.Opinion),
        });
    }
}
