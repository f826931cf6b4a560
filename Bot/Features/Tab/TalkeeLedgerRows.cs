using TalkBot.Bot.Features.Quiz;
using TalkBot.Bot.Features.Talks;
using TalkBot.Domain.Quiz;

namespace TalkBot.Bot.Features.Tab;

/// <summary>
/// Writes the rows about one talkee of a talk (their notice, quiz and rectification) into the partitions whose views show
/// them: the talkee's unit and each unit above it but the top of the organisation (the office of that level and those
/// above, <see cref="LedgerAccess.CanSeeRectification"/>), the talkee, the talkers, and the recorder, whose notice light
/// waits for every talkee. Not into another talkee's partition or unit: a talk of 20 talkees in 20 branches of a
/// committee is listed in some 43 partitions, a talkee's row goes into 5.
/// </summary>
public sealed class TalkeeRows(TalkLedgerTables ledger, PeopleDirectory directory, WorkingCalendar calendar)
{
    /// <summary>The partitions that hold <paramref name="talkee"/>'s rows of <paramref name="talk"/>; a talk is listed in those of all its talkees (<see cref="TalkLedgerRows.Partitions"/>).</summary>
    public static string[] Partitions(Talk talk, PersonId talkee, PeopleLookup people)
    {
        ArgumentNullException.ThrowIfNull(talk);
        return Partitions(talkee, talk.Talkers, talk.Recorder, people);
    }

    /// <summary>The same from a ledger line's people, which is how a view tells whether it read a talkee's rows.</summary>
    public static string[] Partitions(PersonId talkee, IEnumerable<PersonId> talkers, PersonId? recorder, PeopleLookup people)
    {
        ArgumentNullException.ThrowIfNull(talkers);
        ArgumentNullException.ThrowIfNull(people);
        var involved = new[] { talkee }.Concat(talkers).Concat(recorder is { } r ? [r] : []).Distinct();
        return [.. UnitPartitions(people.Find(talkee)?.UnitId, people), .. involved.Select(MatterIndex.Person)];
    }

    /// <summary>
    /// The partitions of <paramref name="unit"/> and of every unit above it but the top of the organisation: a talkee's
    /// rows, and so their talk's line, are listed in each, so that an office's view reads the partition of its own unit
    /// (or of the unit it is filtered to), however many units lie below it (<see cref="LedgerReader"/>). The top unit's
    /// partition holds only its own people's talks: with every talk of the organisation it would take every write of
    /// the organisation (a partition of Table Storage serves some 2,000 a second; Azurite's writes slow down as a
    /// partition grows), and the top's office reads it and those of the units right below it.
    /// </summary>
    public static IEnumerable<string> UnitPartitions(UnitId? unit, PeopleLookup people)
    {
        ArgumentNullException.ThrowIfNull(people);
        var seen = new HashSet<UnitId>();
        for (var at = unit; at is { } u && seen.Add(u) && (u == unit || people.FindUnit(u)?.ParentId is not null); at = people.FindUnit(u)?.ParentId)
        {
            yield return TalkLedgerRows.UnitPartition(u);
        }
    }

    /// <summary>
    /// Writes the row <paramref name="row"/> makes from the talk's month (<see cref="TalkLedgerRows.MonthOf"/>) and a
    /// partition into each partition that shows the talkee; among the live talks' too (<see cref="TalkLedgerTables"/>)
    /// while the talk is to come, or after when it is still listed there.
    /// </summary>
    public async Task WriteAsync(Talk talk, PersonId talkee, Func<string, string, ListRow> row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(row);
        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var month = TalkLedgerRows.MonthOf(calendar, talk.ScheduledAt);
        await ledger.WriteAsync(month, talk.Id, Partitions(talk, talkee, people), partition => [row(month, partition)], talk.Status == TalkStatus.Scheduled ? true : null,
            cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// Keeps the <see cref="NoticeLedgerEntity"/> rows with the talkee's line of 我的通知 (<see cref="TalkStore.IndexNoticeAsync"/>),
/// which every change of a notice writes again: the outcome of its send (delivered or not, in the handler of the send's
/// outcome, never in a click), and each answer, in the background of the click that gave it.
/// </summary>
public sealed class NoticeLedgerRows(TalkeeRows rows) : INoticeListing
{
    public Task ListAsync(Talk talk, Notice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(notice);
        return IsListed(notice) ? rows.WriteAsync(talk, notice.Talkee, (month, partition) => Row(talk, notice, month, partition), cancellationToken) : Task.CompletedTask;
    }

    /// <summary>
    /// Whether the notice has a row: every notice but a first one still being sent, which nothing listed before (a notice
    /// issued again for a moved talk may be back to being sent, and its row must no longer say it was answered).
    /// </summary>
    internal static bool IsListed(Notice notice) => notice.Status != NoticeStatus.Created || notice.Version > 1;

    internal static NoticeLedgerEntity Row(Talk talk, Notice notice, string month, string partition) =>
        Row(talk.Id, notice.Talkee, notice.Status, notice.AcknowledgedAt ?? notice.PostponementRequestedAt, month, partition);

    /// <summary>The row of <paramref name="talkee"/>'s notice of <paramref name="talk"/> under <paramref name="month"/> in <paramref name="partition"/>.</summary>
    public static NoticeLedgerEntity Row(TalkId talk, PersonId talkee, NoticeStatus state, DateTimeOffset? answeredAt, string month, string partition) =>
        // Live: a notice changes while its talk is to come; the talk's next whole write says whether it still is.
        ListRow.Place(new NoticeLedgerEntity { State = state.ToString(), AnsweredAt = answeredAt, Live = true },
            partition, TalkLedgerRows.Key(month, talk, TalkLedgerRows.NoticeKind, talkee), talk.Value, talkee, true);
}

/// <summary>
/// Writes the <see cref="QuizLedgerEntity"/> rows of a talk once a quiz is submitted (000 §三): a follow-up of the
/// submission, run again after a crash; each row holds the latest submitted attempt, so a retake replaces the score and
/// writing again is harmless.
/// </summary>
public sealed class QuizLedger(TalkStore talks, QuizStore quizzes, TalkeeRows rows) : IFollowUp<QuizSubmitted>
{
    public async Task RunAsync(QuizSubmitted change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await talks.GetAsync(change.Talk, cancellationToken).ConfigureAwait(false) is not { Kind: TalkKind.Routine } talk
            || (await quizzes.CountedAsync(talk.Id, cancellationToken).ConfigureAwait(false)).FirstOrDefault(q => q.Talkee == change.Talkee) is not { } counted)
        {
            return;
        }

        await rows.WriteAsync(talk, counted.Talkee, (month, partition) => Row(counted, month, partition), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The row of a talkee's counted attempt under its talk's <paramref name="month"/> in <paramref name="partition"/>.</summary>
    public static QuizLedgerEntity Row(QuizAttempt counted, string month, string partition)
    {
        ArgumentNullException.ThrowIfNull(counted);
        return ListRow.Place(new QuizLedgerEntity { Attempt = counted.Number, Score = counted.Score, Total = counted.Total, SubmittedAt = counted.SubmittedAt, Live = true },
            partition, TalkLedgerRows.Key(month, counted.TalkId, TalkLedgerRows.QuizKind, counted.Talkee), counted.TalkId.Value, counted.Talkee, false);
    }
}
