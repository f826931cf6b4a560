using System.Globalization;
using System.Text.Json;
using TalkBot.Bot.Storage;
using TalkBot.Bot.Talks;
using TalkBot.Cards;
using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Builders;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using TalkBot.Domain;
using TalkBot.Domain.Calendar;
using TalkBot.Domain.Quiz;
using TalkBot.Domain.Records;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;

namespace TalkBot.Bot.Handlers;

/// <summary>Quiz configuration (section <c>Quiz</c>).</summary>
public sealed class QuizOptions
{
    public const string Section = "Quiz";

    /// <summary>Questions drawn per attempt.</summary>
    public int Size { get; set; } = 10;

    /// <summary>A replacement question bank (same format as the shipped <c>Data/quiz.zh-CN.json</c>); empty for the shipped one.</summary>
    public string? BankFile { get; set; }

    public QuestionBank Load(string baseDirectory)
    {
        var path = string.IsNullOrWhiteSpace(BankFile) ? Path.Combine(baseDirectory, QuestionBank.ShippedDataPath)
            : Path.IsPathRooted(BankFile) ? BankFile : Path.Combine(baseDirectory, BankFile);
        using var stream = File.OpenRead(path);
        return QuestionBank.Load(path, stream);
    }
}

/// <summary>
/// 开始测试: the talkee of a routine talk starts the 廉政常识测试 (000 §三), or resumes the attempt in progress, so a
/// repeated click shows the same questions. The quiz arrives as a new message; the notice card stays, with its quiz line.
/// </summary>
public sealed class StartQuizAction(
    TalkRepository talks, QuizRepository quizzes, PeopleRepository peopleRepository, NoticeActions notices,
    QuestionBank bank, QuizOptions options, WorkingCalendar calendar, TimeProvider time) : ICardAction
{
    private const int MaxAttempts = 3;

    public string Verb => Verbs.QuizStart;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var locale = request.Locale;
        var talk = await QuizLookup.TalkOfTalkeeAsync(talks, request, cancellationToken).ConfigureAwait(false);
        var notice = talk is null ? null : await talks.GetNoticeAsync(talk.Id, request.Actor.Id, cancellationToken).ConfigureAwait(false);
        if (talk is null || notice is null)
        {
            return QuizLookup.NotFound(locale);
        }

        var people = await PeopleLookup.LoadAsync(peopleRepository, cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var stored = await quizzes.GetAsync(talk.Id, request.Actor.Id, cancellationToken).ConfigureAwait(false);
            var current = stored.Latest is { IsSubmitted: false } inProgress ? inProgress : null;
            if (current is null)
            {
                try
                {
                    current = stored.Track.StartAttempt(talk, bank, options.Size, Random.Shared, time);
                }
                catch (DomainRuleException e)
                {
                    return await notices.WithProblemsAsync(talk, notice.Notice, people, request,
                        e.Violations.Select(v => RuleMessages.Describe(v, locale)), cancellationToken).ConfigureAwait(false);
                }

                if (!await quizzes.StartAsync(stored, current, cancellationToken).ConfigureAwait(false))
                {
                    continue; // a double click started one at the same time: resume that one
                }
            }

            var questions = current.QuestionIds.Select(bank.Find).OfType<QuizQuestion>().ToList();
            await request.Turn.SendActivityAsync(
                CardMessages.Reply(request.Turn.Activity, QuizCard.Build(new QuizView(talk.Id, current.Number, calendar.ToLocal(talk.ScheduledAt), questions), locale)),
                cancellationToken).ConfigureAwait(false);
            var card = await notices.CardAsync(talk, notice.Notice, people, request, cancellationToken).ConfigureAwait(false);
            card.Body.Insert(0, CardParts.Status(
                locale.Pick("测试题已发送，请在下方作答。", "The quiz is below; please answer it."), AdaptiveContainerStyle.Accent, AdaptiveTextColor.Accent));
            return card;
        }

        return QuizLookup.Busy(locale);
    }
}

/// <summary>
/// 提交答卷: scores the attempt and shows the correct answers; the talkers and the organiser are told the score before
/// the talk. A repeated submit shows the stored result and tells nobody again.
/// </summary>
public sealed class SubmitQuizAction(
    TalkRepository talks, QuizRepository quizzes, PeopleRepository peopleRepository, PersonMessenger messenger,
    QuestionBank bank, WorkingCalendar calendar, TimeProvider time) : ICardAction
{
    private const int MaxAttempts = 3;

    public string Verb => Verbs.QuizSubmit;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var locale = request.Locale;
        var talk = await QuizLookup.TalkOfTalkeeAsync(talks, request, cancellationToken).ConfigureAwait(false);
        if (talk is null || !int.TryParse(request.Text(DataKeys.Attempt), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return QuizLookup.NotFound(locale);
        }

        var answers = ReadAnswers(request.Data);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var stored = await quizzes.GetAsync(talk.Id, request.Actor.Id, cancellationToken).ConfigureAwait(false);
            if (stored.Latest is not { } latest || latest.Number != number)
            {
                return stored.Latest is null
                    ? QuizLookup.NotFound(locale)
                    : ErrorCard.Build(locale.Pick("该份答卷已失效", "This quiz has been replaced"),
                        [locale.Pick("您已开始新一次测试，请在最新的测试卡片中作答。", "A newer attempt has been started; answer it on the latest quiz card.")], locale);
            }

            var questions = latest.QuestionIds.Select(bank.Find).OfType<QuizQuestion>().ToList();
            bool changed;
            try
            {
                changed = latest.Submit(request.Actor.Id, answers, bank, time);
            }
            catch (DomainRuleException e)
            {
                return QuizCard.Build(new QuizView(talk.Id, latest.Number, calendar.ToLocal(talk.ScheduledAt), questions, answers,
                    [.. e.Violations.Select(v => RuleMessages.Describe(v, locale))]), locale);
            }

            if (changed && !await quizzes.SubmitAsync(stored, request.Turn.Activity.Id, cancellationToken).ConfigureAwait(false))
            {
                continue; // a double click submitted at the same time: show what was stored
            }

            if (changed)
            {
                await TellTalkersAsync(talk, latest, stored.Track, cancellationToken).ConfigureAwait(false);
            }

            return QuizResultCard.Build(
                new QuizResultView(talk.Id, latest.Number, latest.Score, latest.Total, calendar.ToLocal(latest.SubmittedAt!.Value), questions, latest.Answers),
                locale);
        }

        return QuizLookup.Busy(locale);
    }

    // 000 §三: the test comes before the talk, so its talkers (and the organiser, who may allow a retake) see the score.
    private async Task TellTalkersAsync(Talk talk, QuizAttempt attempt, QuizTrack track, CancellationToken cancellationToken)
    {
        var people = await PeopleLookup.LoadAsync(peopleRepository, cancellationToken).ConfigureAwait(false);
        await messenger.TellEachAsync(
            talk.Talkers.Append(talk.Organiser),
            (person, locale) => QuizScoreCard.Build(QuizLookup.ScoreView(talk, attempt, track, people, calendar, canAllowRetake: person == talk.Organiser), locale),
            cancellationToken).ConfigureAwait(false);
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

/// <summary>允许重新测试: the organiser (or the discipline office of that level) allows a talkee another attempt.</summary>
public sealed class AllowRetakeAction(
    TalkRepository talks, QuizRepository quizzes, PeopleRepository peopleRepository, PersonMessenger messenger,
    WorkingCalendar calendar) : ICardAction
{
    public string Verb => Verbs.QuizRetake;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var locale = request.Locale;
        var talk = TalkId.TryParse(request.Text(DataKeys.TalkId), out var talkId)
            ? await talks.GetAsync(talkId, cancellationToken).ConfigureAwait(false)
            : null;
        if (talk is null)
        {
            return QuizLookup.NotFound(locale);
        }

        var people = await PeopleLookup.LoadAsync(peopleRepository, cancellationToken).ConfigureAwait(false);
        if (!RecordAccess.IsDisciplineOfficeOf(request.Actor, talk, people.Find(talk.Organiser)))
        {
            return RefusalCard.Build(locale, locale.Pick("允许重新测试", "allow a retake"));
        }

        var talkee = new PersonId(request.Text(DataKeys.Talkee) ?? "");
        if (!talk.IsTalkee(talkee))
        {
            return QuizLookup.NotFound(locale);
        }

        var stored = await quizzes.GetAsync(talk.Id, talkee, cancellationToken).ConfigureAwait(false);
        bool changed;
        try
        {
            changed = stored.Track.AllowRetake();
        }
        catch (DomainRuleException e)
        {
            return RuleViolationCard.Build(e.Violations, locale);
        }

        if (changed)
        {
            if (!await quizzes.SaveTrackAsync(stored, cancellationToken).ConfigureAwait(false))
            {
                return QuizLookup.Busy(locale);
            }

            await messenger.TellAsync(talkee, l => QuizRetakeCard.Build(talk.Id, calendar.ToLocal(talk.ScheduledAt), l), cancellationToken).ConfigureAwait(false);
        }

        return stored.Latest is { IsSubmitted: true } latest
            ? QuizScoreCard.Build(QuizLookup.ScoreView(talk, latest, stored.Track, people, calendar, canAllowRetake: true), locale)
            : RuleViolationCard.Build([RuleViolation.InvalidState("NotTaken", RuleSources.Quiz)], locale);
    }
}

/// <summary>What the quiz actions share: finding the caller's own talk, the score view, and their error cards.</summary>
internal static class QuizLookup
{
    /// <summary>The talk named by the card data, only when the caller is one of its talkees: a crafted talk id finds nothing.</summary>
    public static async Task<Talk?> TalkOfTalkeeAsync(TalkRepository talks, CardActionRequest request, CancellationToken cancellationToken)
    {
        if (!TalkId.TryParse(request.Text(DataKeys.TalkId), out var talkId))
        {
            return null;
        }

        var talk = await talks.GetAsync(talkId, cancellationToken).ConfigureAwait(false);
        return talk is not null && talk.IsTalkee(request.Actor.Id) ? talk : null;
    }

    public static QuizScoreView ScoreView(Talk talk, QuizAttempt attempt, QuizTrack track, PeopleLookup people, WorkingCalendar calendar, bool canAllowRetake) => new(
        talk.Id,
        attempt.Talkee,
        people.Name(attempt.Talkee),
        attempt.Number,
        attempt.Score,
        attempt.Total,
        calendar.ToLocal(attempt.SubmittedAt!.Value),
        calendar.ToLocal(talk.ScheduledAt),
        canAllowRetake,
        RetakeAllowed: attempt.IsSubmitted && track.CanStartAnother);

    public static AdaptiveCard NotFound(Locale locale) => ErrorCard.Build(
        locale.Pick("未找到您的廉政常识测试", "Quiz not found"),
        [locale.Pick("没有找到与您有关的这次测试。它可能已被撤销，或并非发给您。", "There is no such quiz of yours. It may have been withdrawn, or it is not yours.")],
        locale);

    public static AdaptiveCard Busy(Locale locale) => ErrorCard.Busy(locale, "该测试", "The quiz");
}
