using System.Globalization;
using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Records;
using TalkBot.Cards.Views;
using TalkBot.Domain.Quiz;
using static TalkBot.Cards.Builders.CardParts;

namespace TalkBot.Cards.Builders;

/// <summary>The 廉政常识测试 (000 §三): one choice input per drawn question, <c>q.{questionId}</c>.</summary>
public static class QuizCard
{
    public static AdaptiveCard Build(QuizView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = locale.Pick("廉政常识测试", "Integrity knowledge quiz");
        var card = NewCard(title);
        card.Body.Add(Heading(title));
        if (view.Errors is { Count: > 0 } errors)
        {
            card.Body.Add(Attention(errors));
        }

        card.Body.Add(Subtle(locale.Pick(
            $"日常廉政谈话前应进行廉政常识测试（000 §三）。共{view.Questions.Count}题，请逐题作答后提交；提交后显示正确答案。谈话时间：{DateText.DateTime(view.TalkScheduled, locale)}。",
            $"A routine integrity talk is preceded by this quiz (000 §三). Answer all {view.Questions.Count} questions and submit; the correct answers are shown afterwards. Talk: {DateText.DateTime(view.TalkScheduled, locale)}.")));

        for (var i = 0; i < view.Questions.Count; i++)
        {
            var q = view.Questions[i];
            var multiple = q.Type == QuestionType.Multiple;
            var label = $"{i + 1}. {q.Text}" + (multiple ? locale.Pick("（多选）", " (choose all that apply)") : locale.Pick("（单选）", " (choose one)"));
            card.Body.Add(new AdaptiveChoiceSetInput
            {
                Id = DataKeys.QuizAnswerPrefix + q.Id,
                Label = label,
                IsRequired = true,
                ErrorMessage = locale.Pick($"请回答第{i + 1}题。", $"Please answer question {i + 1}."),
                IsMultiSelect = multiple,
                Style = AdaptiveChoiceInputStyle.Expanded,
                Wrap = true,
                Spacing = AdaptiveSpacing.Medium,
                Choices = [.. q.Options.Select(o => new AdaptiveChoice($"{o.Key}. {o.Text}", o.Key))],
                Value = view.Previous is not null && view.Previous.TryGetValue(q.Id, out var chosen) && chosen.Count > 0
                    ? string.Join(',', chosen.Order(StringComparer.Ordinal))
                    : null,
            });
        }

        card.Body.Add(CardActions.Set(CardActions.Execute(
            Verbs.QuizSubmit,
            locale.Pick("提交答卷", "Submit answers"),
            new Dictionary<string, string>
            {
                [DataKeys.TalkId] = view.TalkId.Value,
                [DataKeys.Attempt] = view.Attempt.ToString(CultureInfo.InvariantCulture),
            },
            AdaptiveActionStyle.Positive)));
        return card;
    }
}

/// <summary>The talkee's result after submitting: score, then each question with the answer given and the correct one.</summary>
public static class QuizResultCard
{
    public static AdaptiveCard Build(QuizResultView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = locale.Pick("廉政常识测试结果", "Integrity quiz result");
        var card = NewCard($"{title} {view.Score}/{view.Total}");
        card.Body.Add(Heading(title));
        card.Body.Add(Status(
            locale.Pick($"得分：{view.Score} / {view.Total}（{DateText.DateTime(view.SubmittedAt, locale)} 提交）",
                $"Score: {view.Score} / {view.Total} (submitted {DateText.DateTime(view.SubmittedAt, locale)})"),
            AdaptiveContainerStyle.Emphasis, AdaptiveTextColor.Default));
        card.Body.Add(Subtle(locale.Pick("成绩已告知谈话人。", "The talker(s) have been told the score.")));

        for (var i = 0; i < view.Questions.Count; i++)
        {
            var q = view.Questions[i];
            var given = view.Answers.TryGetValue(q.Id, out var chosen) ? chosen : new HashSet<string>();
            var right = q.IsCorrect(given);
            card.Body.Add(new AdaptiveContainer
            {
                Spacing = AdaptiveSpacing.Medium,
                Separator = true,
                Items =
                [
                    // Not "7. …": a TextBlock reads that as a Markdown list item and indents it.
                    new AdaptiveTextBlock(locale.Pick($"第{i + 1}题　{q.Text}", $"Q{i + 1}  {q.Text}")) { Wrap = true, Weight = AdaptiveTextWeight.Bolder },
                    .. q.Options.Select(o => new AdaptiveTextBlock($"{o.Key}. {o.Text}") { Wrap = true, Spacing = AdaptiveSpacing.None }),
                    new AdaptiveTextBlock(
                        locale.Pick(
                            $"{(right ? "✔ 正确" : "✘ 错误")}　您的答案：{Keys(given)}　正确答案：{Keys(q.Answer)}",
                            $"{(right ? "✔ Correct" : "✘ Wrong")}  Your answer: {Keys(given)}  Correct: {Keys(q.Answer)}"))
                    {
                        Wrap = true,
                        Color = right ? AdaptiveTextColor.Good : AdaptiveTextColor.Attention,
                    },
                    Subtle(locale.Pick($"出处：{ChecklistText.Of(q.Source, locale)}", $"Source: {ChecklistText.Of(q.Source, locale)}")
                           + (q.Explanation is { Length: > 0 } why ? (locale.IsChinese ? "。" : ". ") + why : "")),
                ],
            });
        }

        return card;
    }

    private static string Keys(IEnumerable<string> keys)
    {
        var text = string.Join(",", keys.Order(StringComparer.Ordinal));
        return text.Length == 0 ? "—" : text;
    }
}

/// <summary>The talkee's score for the talkers and the organiser, before the talk (000 §三).</summary>
public static class QuizScoreCard
{
    public static AdaptiveCard Build(QuizScoreView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = locale.Pick($"廉政常识测试成绩：{view.TalkeeName}", $"Integrity quiz score: {view.TalkeeName}");
        var card = NewCard($"{title} {view.Score}/{view.Total}");
        card.Body.Add(Heading(title));
        card.Body.Add(Facts(
            (locale.Pick("谈话对象", "Talkee"), view.TalkeeName),
            (locale.Pick("得分", "Score"), $"{view.Score} / {view.Total}"),
            (locale.Pick("测试次数", "Attempt"), view.Attempt.ToString(CultureInfo.InvariantCulture)),
            (locale.Pick("提交时间", "Submitted"), DateText.DateTime(view.SubmittedAt, locale)),
            (locale.Pick("谈话时间", "Talk"), DateText.DateTime(view.TalkScheduled, locale))));

        if (view.RetakeAllowed)
        {
            card.Body.Add(Status(
                locale.Pick("已允许重新测试，等待谈话对象作答。", "A retake is allowed; waiting for the talkee."),
                AdaptiveContainerStyle.Accent, AdaptiveTextColor.Accent));
        }
        else if (view.CanAllowRetake)
        {
            card.Body.Add(CardActions.Set(CardActions.Execute(
                Verbs.QuizRetake,
                locale.Pick("允许重新测试", "Allow a retake"),
                new Dictionary<string, string> { [DataKeys.TalkId] = view.TalkId.Value, [DataKeys.Talkee] = view.Talkee.Value },
                associatedInputs: AdaptiveAssociatedInputs.None)));
        }

        return card;
    }
}

/// <summary>Told to the talkee when the organiser allows another attempt.</summary>
public static class QuizRetakeCard
{
    public static AdaptiveCard Build(Domain.TalkId talkId, DateTimeOffset talkScheduled, Locale locale)
    {
        var title = locale.Pick("可以重新参加廉政常识测试", "You may retake the integrity quiz");
        var card = NewCard(title);
        card.Body.Add(Heading(title));
        card.Body.Add(Paragraph(locale.Pick(
            $"组织方已允许您在谈话（{DateText.DateTime(talkScheduled, locale)}）前重新测试一次。",
            $"The organiser allows you one more attempt before the talk ({DateText.DateTime(talkScheduled, locale)}).")));
        card.Body.Add(CardActions.Set(CardActions.Execute(
            Verbs.QuizStart,
            locale.Pick("开始测试", "Start the quiz"),
            new Dictionary<string, string> { [DataKeys.TalkId] = talkId.Value },
            AdaptiveActionStyle.Positive,
            AdaptiveAssociatedInputs.None)));
        return card;
    }
}
