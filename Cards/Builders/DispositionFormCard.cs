using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using TalkBot.Domain.Leads;
using static TalkBot.Cards.Builders.CardParts;
using static TalkBot.Cards.Builders.CaseParts;

namespace TalkBot.Cards.Builders;

/// <summary>
/// 谈后对不同情形作出相应处理 (000 §四(四)): the five clauses, each with its dispositions as toggles, a note where
/// <see cref="DispositionRules.NeedsNote"/> and a due date where <see cref="DispositionRules.NeedsDueDate"/>. Input ids are
/// <see cref="CaseFields.Chosen"/>, <see cref="CaseFields.Note"/> and <see cref="CaseFields.Due"/>.
/// </summary>
public static class DispositionFormCard
{
    public const int MaxNoteLength = 1000;

    /// <summary>The clauses of 000 §四(四) in order, with the dispositions each allows.</summary>
    public static IReadOnlyList<(int Clause, IReadOnlyList<DispositionKind> Kinds)> Clauses { get; } =
    [
        (1, [DispositionKind.WrittenReply]),
        (2, [DispositionKind.SuggestionAdopted]),
        (3, [DispositionKind.ClosedUnfounded]),
        (4, [DispositionKind.Criticism, DispositionKind.SelfExamination, DispositionKind.Admonishment]),
        (5, [DispositionKind.SecondTalk, DispositionKind.LetterInquiry, DispositionKind.PreliminaryVerification]),
    ];

    public static AdaptiveCard Build(DispositionFormView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        string? V(string key) => Value(view.Values, key);
        var title = locale.Pick("谈后处置", "Dispositions after the talk");
        var card = NewCard($"{title}: {view.SubjectName}");
        card.Body.Add(Heading(title));
        AddNoticeAndErrors(card, null, view.Errors);
        card.Body.Add(Facts(
            (locale.Pick("谈话对象", "Talkee"), view.SubjectName),
            (locale.Pick("反映的问题", "Problem reported"), view.Summary)));
        card.Body.Add(Subtle(locale.Pick(
            "谈后对不同情形作出相应处理（000 §四(四)），可选择一项或多项。“了结澄清”除可与“采纳建议”同时选择外，不能与其他处置同时选择。",
            "Choose one or more dispositions for the situation found (000 §四(四)). “Closed and clarified” can only be combined with adopting suggestions.")));

        foreach (var (clause, kinds) in Clauses)
        {
            var container = new AdaptiveContainer { Separator = true, Spacing = AdaptiveSpacing.Medium };
            container.Items.Add(SubHeading(ClauseText(clause, locale)));
            foreach (var kind in kinds)
            {
                container.Items.Add(new AdaptiveToggleInput
                {
                    Id = CaseFields.Chosen(kind),
                    Title = ToggleTitle(kind, locale),
                    // valueOn and valueOff stay at their defaults, "true" and "false": written out, the renderer drops them.
                    Value = V(CaseFields.Chosen(kind)) ?? "false",
                    Wrap = true,
                });
                if (DispositionRules.NeedsNote(kind))
                {
                    container.Items.Add(new AdaptiveTextInput
                    {
                        Id = CaseFields.Note(kind),
                        Label = Labels.NoteOf(kind, locale),
                        Placeholder = locale.Pick($"选择“{Labels.Of(kind, locale)}”时必填", $"Required when “{Labels.Of(kind, locale)}” is chosen"),
                        IsMultiline = true,
                        MaxLength = MaxNoteLength,
                        Value = V(CaseFields.Note(kind)),
                    });
                }

                if (DispositionRules.NeedsDueDate(kind))
                {
                    container.Items.Add(new AdaptiveDateInput
                    {
                        Id = CaseFields.Due(kind),
                        Label = locale.Pick($"{Labels.DueOf(kind, locale)}（选择时必填）", $"{Labels.DueOf(kind, locale)} (required when chosen)"),
                        Min = DateText.Iso(view.MinDueDate),
                        // Shown by the client for a date before Min: say which date is the earliest.
                        ErrorMessage = locale.Pick($"期限须晚于今天：请选择 {DateText.Date(view.MinDueDate, locale)} 或之后的日期。",
                            $"The due date must be after today: choose {DateText.Date(view.MinDueDate, locale)} or later."),
                        Value = V(CaseFields.Due(kind)),
                    });
                }
            }

            card.Body.Add(container);
        }

        card.Body.Add(CardActions.Set(CardActions.Execute(
            Verbs.LeadDispose, locale.Pick("记录谈后处置", "Record the dispositions"),
            new Dictionary<string, string> { [DataKeys.LeadId] = view.LeadId.Value, [DataKeys.FormId] = view.FormId },
            AdaptiveActionStyle.Positive)));
        return card;
    }

    /// <summary>The clause of 000 §四(四), in its own words, shortened.</summary>
    private static string ClauseText(int clause, Locale locale) => clause switch
    {
        1 => locale.Pick("1. 需要谈话对象对有关问题作出书面答复或者说明的", "1. The talkee must answer or explain in writing"),
        2 => locale.Pick("2. 谈话对象提出的建议和意见可以采纳的", "2. The talkee's suggestions and opinions can be adopted"),
        3 => locale.Pick("3. 反映不实，或者没有证据证实存在问题的", "3. The report was untrue, or no evidence shows a problem"),
        4 => locale.Pick("4. 问题轻微，不需要追究党政纪责任的", "4. The problem is minor and needs no Party or administrative sanction"),
        _ => locale.Pick("5. 反映问题比较具体，但被反映人予以否认，或者说明存在明显问题的", "5. The report is specific but denied, or the explanation shows an evident problem"),
    };

    private static string ToggleTitle(DispositionKind kind, Locale locale) => kind switch
    {
        DispositionKind.WrittenReply => locale.Pick("要求谈话对象提供书面答复或说明", "Ask the talkee for a written reply or explanation"),
        DispositionKind.SuggestionAdopted => locale.Pick("采纳建议和意见，并将采纳情况告知谈话对象", "Adopt the suggestions and tell the talkee what was adopted"),
        DispositionKind.ClosedUnfounded => locale.Pick("予以了结澄清", "Close and clarify the matter"),
        DispositionKind.Admonishment => locale.Pick("诫勉谈话（转入诫勉谈话建议，002 §四1）", "Admonishment talk (goes on to a proposal, 002 §四1)"),
        DispositionKind.SelfExamination => locale.Pick("责令检查（谈话对象提交书面检查）", "Order a self-examination (the talkee writes it)"),
        _ => Labels.Of(kind, locale),
    };
}
