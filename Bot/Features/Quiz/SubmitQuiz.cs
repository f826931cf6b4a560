using System.Globalization;
using System.Text.Json;
using TalkBot.Bot.Features.Talks;
using TalkBot.Domain.Quiz;

namespace TalkBot.Bot.Features.Quiz;

/// <summary>
/// 提交答卷: scores the attempt and shows the correct answers; the talkers and the organiser are told the score before
/// the talk (<see cref="QuizNews"/>, planned with the save). A repeated submit shows the stored result and tells nobody again.
/// </summary>
public sealed class SubmitQuiz(TalkStore talks, QuizStore quizzes, FollowUps followUps, QuestionBank bank, WorkingCalendar calendar, TimeProvider time) : ICardAction
{
    public string Verb => Verbs.QuizSubmit;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var locale = request.Locale;
        var talk = await QuizTalks.TalkOfTalkeeAsync(talks, request, cancellationToken).ConfigureAwait(false);
        if (talk is null || !int.TryParse(request.Text(DataKeys.Attempt), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return QuizTalks.NotFound(locale);
        }

        var answers = ReadAnswers(request.Data);
        return await Optimistic.RetryAsync<AdaptiveCard>(async () =>
        {
            var stored = await quizzes.GetAsync(talk.Id, request.Actor.Id, cancellationToken).ConfigureAwait(false);
            if (stored.Latest is not { } latest || latest.Number != number)
            {
                return stored.Latest is null
                    ? QuizTalks.NotFound(locale)
                    : ErrorCard.Build(locale.Pick("该份答卷已失效", "This quiz has been replaced"),
                        [locale.Pick("您已开始新一次测试，请在最新的测试卡片中作答。", "A newer attempt has been started; answer it on the latest quiz card.")], locale);
            }

            var submitted = new QuizSubmitted(talk.Id, request.Actor.Id, latest.Number);
            if (latest.Submit(request.Actor.Id, answers, bank, time)
                && !await followUps.SaveAsync(submitted, submitted.Key, () => quizzes.SubmitAsync(stored, request.Turn.Activity.Id, cancellationToken), cancellationToken)
                    .ConfigureAwait(false))
            {
                return Optimistic.Again; // a double click submitted at the same time: show what was stored
            }

            var questions = latest.QuestionIds.Select(bank.Find).OfType<QuizQuestion>().ToList();
            return QuizResultCard.Build(
                new QuizResultView(talk.Id, latest.Number, latest.Score, latest.Total, calendar.ToLocal(latest.SubmittedAt!.Value), questions, latest.Answers),
                locale);
        }, () => QuizTalks.Busy(locale)).ConfigureAwait(false);
    }

    /// <summary>An answer refused (unanswered or invalid questions): the quiz again, with what was chosen and why.</summary>
    public async Task<AdaptiveCard> RefusedAsync(CardActionRequest request, Refusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(refusal);
        var talk = await QuizTalks.TalkOfTalkeeAsync(talks, request, cancellationToken).ConfigureAwait(false);
        if (talk is null || (await quizzes.GetAsync(talk.Id, request.Actor.Id, cancellationToken).ConfigureAwait(false)).Latest is not { } latest)
        {
            return QuizTalks.NotFound(request.Locale);
        }

        var questions = latest.QuestionIds.Select(bank.Find).OfType<QuizQuestion>().ToList();
        return QuizCard.Build(new QuizView(talk.Id, latest.Number, calendar.ToLocal(talk.ScheduledAt), questions, ReadAnswers(request.Data), refusal.Messages),
            request.Locale);
    }

    /// <summary>Every <c>q.{id}</c> input: the option keys chosen (a multi-select arrives comma-joined or as an array).</summary>
    internal static Dictionary<string, IReadOnlySet<string>> ReadAnswers(JsonElement data)
    {
        var answers = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        if (data.ValueKind != JsonValueKind.Object)
        {
            return answers;
        }

        foreach (var property in data.EnumerateObject().Where(p => p.Name.StartsWith(DataKeys.QuizAnswerPrefix, StringComparison.Ordinal)))
        {
            var keys = property.Value.ValueKind switch
            {
                JsonValueKind.String => (property.Value.GetString() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                JsonValueKind.Array => property.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!.Trim()).ToArray(),
                _ => [],
            };
            answers[property.Name[DataKeys.QuizAnswerPrefix.Length..]] = keys.ToHashSet(StringComparer.Ordinal);
        }

        return answers;
    }
}
