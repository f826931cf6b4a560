using Azure;
using Azure.Data.Tables;
using TalkBot.Bot.Features.Talks;
using TalkBot.Domain.Quiz;

namespace TalkBot.Bot.Features.Quiz;

/// <summary>A talkee's quiz as stored: the track with its ETag and the latest attempt with its own.</summary>
public sealed record StoredQuiz(QuizTrack Track, ETag TrackETag, bool TrackExists, QuizAttempt? Latest, ETag LatestETag);

/// <summary>Quiz attempts (廉政常识测试, 000 §三) in the talk's partition of table <c>Talks</c>; keys in <see cref="TalkRows"/>.</summary>
public sealed class QuizStore(TableSet tables)
{
    public async Task<StoredQuiz> GetAsync(TalkId talk, PersonId talkee, CancellationToken cancellationToken)
    {
        var track = await tables[TalkRows.Talks].FindAsync<QuizTrackEntity>(talk.Value, TalkRows.QuizTrackRow(talkee.Value), cancellationToken).ConfigureAwait(false);
        var latest = track is { Attempts: > 0 }
            ? await tables[TalkRows.Talks].FindAsync<QuizAttemptEntity>(talk.Value, TalkRows.QuizAttemptRow(talkee.Value, track.Attempts), cancellationToken).ConfigureAwait(false)
            : null;
        return Stored(talk, talkee, track, latest);
    }

    /// <summary>The talkee's quiz from rows of the talk's partition read with others (<see cref="TalkStore.ReadForTalkeeAsync"/>).</summary>
    public static StoredQuiz FromRows(TalkId talk, PersonId talkee, IEnumerable<TableEntity> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.ToList();
        var track = list.FirstOrDefault(r => r.RowKey == TalkRows.QuizTrackRow(talkee.Value)) is { } t ? TableRowReader.As<QuizTrackEntity>(t) : null;
        var latest = track is { Attempts: > 0 } && list.FirstOrDefault(r => r.RowKey == TalkRows.QuizAttemptRow(talkee.Value, track.Attempts)) is { } a
            ? TableRowReader.As<QuizAttemptEntity>(a)
            : null;
        return Stored(talk, talkee, track, latest);
    }

    private static StoredQuiz Stored(TalkId talk, PersonId talkee, QuizTrackEntity? track, QuizAttemptEntity? latest) => track is null
        ? new StoredQuiz(QuizTrack.New(talk, talkee), default, false, null, default)
        : new StoredQuiz(QuizTrack.Restore(talk, talkee, track.Attempts, track.RetakesAllowed), track.ETag, true,
            latest is null ? null : ToDomain(talk, latest), latest?.ETag ?? default);

    /// <summary>
    /// Stores a newly started attempt with the track's new count in one transaction. Returns false when someone started
    /// one at the same time (a double click); the caller reads again and resumes that attempt.
    /// </summary>
    public Task<bool> StartAsync(StoredQuiz stored, QuizAttempt attempt, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>
        {
            stored.TrackExists
                ? new(TableTransactionActionType.UpdateReplace, ToEntity(stored.Track), stored.TrackETag)
                : new(TableTransactionActionType.Add, ToEntity(stored.Track)),
            new(TableTransactionActionType.Add, ToEntity(attempt, null)),
        };
        return SubmitAsync(actions, cancellationToken);
    }

    /// <summary>Stores a submitted attempt if nobody changed it since it was read; false on a concurrent submit.</summary>
    public Task<bool> SubmitAsync(StoredQuiz stored, string? activityId, CancellationToken cancellationToken) =>
        SubmitAsync([new(TableTransactionActionType.UpdateReplace, ToEntity(stored.Latest!, activityId), stored.LatestETag)], cancellationToken);

    /// <summary>Stores the track after a retake was allowed; false on a concurrent change.</summary>
    public Task<bool> SaveTrackAsync(StoredQuiz stored, CancellationToken cancellationToken) =>
        SubmitAsync([new(TableTransactionActionType.UpdateReplace, ToEntity(stored.Track), stored.TrackETag)], cancellationToken);

    /// <summary>Every attempt of a talkee, first first (for the talker's view and for tests of "exactly once").</summary>
    public async Task<IReadOnlyList<QuizAttempt>> ListAttemptsAsync(TalkId talk, PersonId talkee, CancellationToken cancellationToken)
    {
        var prefix = TalkRows.QuizAttemptRowPrefix + talkee.Value + "|";
        var attempts = new List<QuizAttempt>();
        await foreach (var row in tables[TalkRows.Talks].QueryAsync<QuizAttemptEntity>(TalkStore.RowsStartingWith(talk, prefix), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            attempts.Add(ToDomain(talk, row));
        }

        return attempts;
    }

    /// <summary>
    /// Each talkee's attempt the statistics count (<see cref="Domain.Statistics.StatisticsRules.CountedQuiz"/>): one query
    /// of the talk's attempts; none for a talkee who submitted none.
    /// </summary>
    public async Task<IReadOnlyList<QuizAttempt>> CountedAsync(TalkId talk, CancellationToken cancellationToken)
    {
        var attempts = new List<QuizAttempt>();
        await foreach (var row in tables[TalkRows.Talks].QueryAsync<QuizAttemptEntity>(TalkStore.RowsStartingWith(talk, TalkRows.QuizAttemptRowPrefix),
            cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            attempts.Add(ToDomain(talk, row));
        }

        return [.. attempts.GroupBy(a => a.Talkee).Select(Domain.Statistics.StatisticsRules.CountedQuiz).OfType<QuizAttempt>()];
    }

    private Task<bool> SubmitAsync(List<TableTransactionAction> actions, CancellationToken cancellationToken) =>
        tables[TalkRows.Talks].TrySubmitAsync(actions, cancellationToken);

    private static QuizTrackEntity ToEntity(QuizTrack track) => new()
    {
        PartitionKey = track.TalkId.Value,
        RowKey = TalkRows.QuizTrackRow(track.Talkee.Value),
        Talkee = track.Talkee.Value,
        Attempts = track.Attempts,
        RetakesAllowed = track.RetakesAllowed,
    };

    private static QuizAttemptEntity ToEntity(QuizAttempt attempt, string? activityId) => new()
    {
        PartitionKey = attempt.TalkId.Value,
        RowKey = TalkRows.QuizAttemptRow(attempt.Talkee.Value, attempt.Number),
        Talkee = attempt.Talkee.Value,
        Number = attempt.Number,
        Questions = string.Join(',', attempt.QuestionIds),
        StartedAt = attempt.StartedAt,
        SubmittedAt = attempt.SubmittedAt,
        Answers = attempt.IsSubmitted
            ? string.Join(';', attempt.Answers.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + string.Join(',', p.Value.Order(StringComparer.Ordinal))))
            : null,
        Score = attempt.Score,
        SubmittedByActivity = activityId,
    };

    private static QuizAttempt ToDomain(TalkId talk, QuizAttemptEntity e) => QuizAttempt.Restore(
        talk,
        new PersonId(e.Talkee),
        e.Number,
        e.Questions.Split(',', StringSplitOptions.RemoveEmptyEntries),
        e.StartedAt,
        e.SubmittedAt,
        (e.Answers ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(
                p => p[0],
                p => (IReadOnlySet<string>)(p.Length > 1 ? p[1].Split(',', StringSplitOptions.RemoveEmptyEntries) : []).ToHashSet(StringComparer.Ordinal),
                StringComparer.Ordinal),
        e.Score);
}
