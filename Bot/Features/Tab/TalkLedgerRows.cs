using Azure.Data.Tables;
using TalkBot.Bot.Features.Quiz;
using TalkBot.Bot.Features.Records;
using TalkBot.Bot.Features.Rectifications;
using TalkBot.Bot.Features.Talks;
using TalkBot.Domain.Rectifications;

namespace TalkBot.Bot.Features.Tab;

/// <summary>A row of the talk ledger, of any kind.</summary>
public abstract class TalkLedgerRow : ListRow
{
    /// <summary>
    /// Whether the talk still has a step to take (<see cref="TalkLedgerRows.IsLive"/>): the ledger's default view shows such
    /// talks of every month beside those of the current one. Every row of a talk says so, so that one filter brings them whole.
    /// </summary>
    public bool Live { get; set; }
}

/// <summary>
/// Row <c>t|{yyyy-MM}|{talkId}|l</c> (<see cref="TalkLedgerRows.Key"/>): a talk as the tab's talk ledger (谈话台账) shows
/// it, under the month of its date, written into the partition <c>unit|{unit}</c> of each talkee's unit and of every
/// unit above it but the top of the organisation (an office reads its own unit's: one partition query,
/// <see cref="TalkeeRows.UnitPartitions"/>) and <c>person|{id}</c> of each talkee, talker and recorder (their own
/// ledger: one partition query); in the tables of <see cref="TalkLedgerTables"/>. Keys in <see cref="MatterIndex"/>;
/// never a name (the directory in memory gives names), never what was said.
/// </summary>
public sealed class TalkLedgerEntity : TalkLedgerRow
{
    public string Kind { get; set; } = "";
    public DateTimeOffset ScheduledAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string Place { get; set; } = "";
    /// <summary>Comma-separated person ids.</summary>
    public string Talkees { get; set; } = "";
    /// <summary>Comma-separated unit ids of the talkees when the talk was listed.</summary>
    public string Units { get; set; } = "";
    /// <summary>Comma-separated person ids; the first leads the talk.</summary>
    public string Talkers { get; set; } = "";
    public string? Recorder { get; set; }
    public string Organiser { get; set; } = "";
    public string Status { get; set; } = "";
    /// <summary>Where the record stands; null before it is logged.</summary>
    public string? Record { get; set; }
    /// <summary>When the record last changed (a version logged, a verification): the verification's start.</summary>
    public DateTimeOffset? RecordAt { get; set; }
}

/// <summary>
/// Row <c>t|{yyyy-MM}|{talkId}|n|{talkeeId}</c>, in the partitions that show that talkee (<see cref="TalkeeRows"/>):
/// where a talkee's notice stands (<see cref="NoticeStatus"/>): delivered, not deliverable, answered, or a postponement
/// refused. Only an <see cref="NoticeStatus.Acknowledged"/> row is an answer that confirms receipt; a delivered one is not.
/// A first notice still being sent has none, so creating a talk writes none; one row per talkee, so that two answers at
/// once never overwrite each other.
/// </summary>
public sealed class NoticeLedgerEntity : TalkLedgerRow
{
    public string State { get; set; } = "";
    public DateTimeOffset? AnsweredAt { get; set; }
}

/// <summary>
/// Row <c>t|{yyyy-MM}|{talkId}|q|{talkeeId}</c>, in the partitions that show that talkee (<see cref="TalkeeRows"/>):
/// the talkee's 廉政常识测试 as the statistics count it (000 §三; <see cref="Domain.Statistics.StatisticsRules.CountedQuiz"/>):
/// the latest submitted attempt, which a retake replaces.
/// </summary>
public sealed class QuizLedgerEntity : TalkLedgerRow
{
    public int Attempt { get; set; }
    public int Score { get; set; }
    public int Total { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
}

/// <summary>
/// Row <c>t|{yyyy-MM}|{talkId}|r|{talkeeId}</c>, in the partitions that show that talkee (<see cref="TalkeeRows"/>):
/// a talkee's rectification (000 §四(一)5), for the light of its report and the statistics' figures behind the talk.
/// <see cref="ListRow.Open"/> while a report is due.
/// </summary>
public sealed class RectificationLedgerEntity : TalkLedgerRow
{
    public string Status { get; set; } = "";
    public DateTime DueDate { get; set; }
    /// <summary>Since when the report now due has been due (<see cref="Rectification.ReportDueSince"/>).</summary>
    public DateTimeOffset DueSince { get; set; }
    /// <summary>On time, late or open, as the statistics count it (<see cref="Domain.Statistics.StatisticsRules.Rectification"/>).</summary>
    public string Outcome { get; set; } = "";
}

/// <summary>
/// Writes a talk's ledger rows (<see cref="TalkLedgerEntity"/>) from what is stored: when the talk is listed (its
/// scheduling's follow-up, <see cref="TalkLines"/>), after each change of its record (<see cref="RecordStore"/>, which
/// a crash between the two mends through <see cref="Listings"/>) and of its rectifications (<see cref="RectificationLedger"/>),
/// with its talkees' notices (<see cref="NoticeLedgerRows"/>) and quizzes (<see cref="QuizLedger"/>). Whole and idempotent:
/// writing again is harmless.
/// <para>
/// The rows of a talk sit under the month of its date (<see cref="MonthOf"/>, the month the statistics count it in), so
/// that a month's view reads one key range of each partition, not every month stored. The months a talk is listed under
/// are written down in its own partition of <c>Talks</c> (<c>ledger|{yyyy-MM}</c>): a talk moved to another month (改期)
/// is listed under the new month first, then each other month written down has its rows deleted and is struck off. A
/// crash in between leaves that month written down, and the next write finishes the move.
/// </para>
/// </summary>
public sealed class TalkLedgerRows(TalkStore talks, TalkLedgerTables ledger, TableSet tables, PeopleDirectory directory, RectificationStore rectifications,
    QuizStore quizzes, WorkingCalendar calendar)
{
    private readonly TableClient talkRows = tables[TalkRows.Talks];

    /// <summary>What every row of the talk ledger starts with; a month's rows start with <see cref="MonthPrefix"/>.</summary>
    public const string Prefix = "t|";

    /// <summary>The kinds of row, after the talk's id: the talk's line, then a talkee's notice, quiz and rectification.</summary>
    public const string LineKind = "l";
    public const string NoticeKind = "n";
    public const string QuizKind = "q";
    public const string RectificationKind = "r";

    /// <summary>The rows of the talks of <paramref name="month"/> (<c>yyyy-MM</c>).</summary>
    public static string MonthPrefix(string month) => $"{Prefix}{month}|";

    /// <summary>The rows of one talk under <paramref name="month"/>.</summary>
    public static string TalkPrefix(string month, TalkId talk) => $"{MonthPrefix(month)}{talk.Value}|";

    /// <summary>The row key of a talk's line (<paramref name="talkee"/> null) or of one talkee's row of <paramref name="kind"/>.</summary>
    public static string Key(string month, TalkId talk, string kind, PersonId? talkee = null) =>
        TalkPrefix(month, talk) + kind + (talkee is { } t ? "|" + t.Value : "");

    /// <summary>The kind of a row (<see cref="LineKind"/> …), from its key <c>t|{month}|{talk}|{kind}…</c> (a talk's id has no <c>|</c>).</summary>
    public static string KindOf(string rowKey)
    {
        ArgumentNullException.ThrowIfNull(rowKey);
        var parts = rowKey.Split('|', 5);
        return parts.Length > 3 ? parts[3] : "";
    }

    /// <summary>The month a talk's rows are listed under: that of its date in the organisation's time zone, as the statistics count it (<see cref="Statistics.StatRecount"/>).</summary>
    public static string MonthOf(WorkingCalendar calendar, DateTimeOffset scheduledAt)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Domain.Statistics.StatMonth.Of(calendar.LocalDate(scheduledAt)).ToString();
    }

    /// <summary>What every unit's partition of the ledger rows starts with.</summary>
    public const string UnitPartitions = MatterIndex.UnitPartitions;

    public static string UnitPartition(UnitId unit) => UnitPartitions + unit.Value;

    /// <summary>
    /// The partitions a talk is listed in: those of each of its talkees' rows (<see cref="TalkeeRows.Partitions"/>), that
    /// is their units, and its talkees, talkers and recorder.
    /// </summary>
    public static string[] Partitions(Talk talk, PeopleLookup people)
    {
        ArgumentNullException.ThrowIfNull(talk);
        return [.. talk.Talkees.SelectMany(t => TalkeeRows.Partitions(talk, t, people)).Distinct()];
    }

    /// <summary>
    /// Whether a talk still has a step to take, which its line's light follows: not cancelled, and not yet held or its
    /// record not verified (000 §四(一)4), or a talkee's rectification report still due (000 §四(一)5).
    /// </summary>
    public static bool IsLive(Talk talk, string? record, IEnumerable<Rectification> rectifications)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(rectifications);
        return talk.Status != TalkStatus.Cancelled && (IsOpen(talk, record) || rectifications.Any(r => r.AwaitsReport));
    }

    private static bool IsOpen(Talk talk, string? record) => talk.Status == TalkStatus.Scheduled || record is not nameof(Domain.Records.RecordStatus.Verified);

    private static List<UnitId> Units(Talk talk, PeopleLookup people) => [.. talk.Talkees.Select(t => people.Find(t)?.UnitId).OfType<UnitId>().Distinct()];

    /// <summary>The talk's ledger row under <paramref name="month"/> in <paramref name="partition"/>, with where its record stands (null before it is logged).</summary>
    public static TalkLedgerEntity Row(Talk talk, PeopleLookup people, string? record, DateTimeOffset? recordAt, string month, string partition)
    {
        ArgumentNullException.ThrowIfNull(talk);
        var open = IsOpen(talk, record) && talk.Status != TalkStatus.Cancelled;
        return ListRow.Place(new TalkLedgerEntity
        {
            Kind = talk.Kind.ToString(),
            ScheduledAt = talk.ScheduledAt,
            CreatedAt = talk.CreatedAt,
            Place = talk.Place,
            Talkees = string.Join(',', talk.Talkees.Select(t => t.Value)),
            Units = string.Join(',', Units(talk, people).Select(u => u.Value)),
            Talkers = string.Join(',', talk.Talkers.Select(t => t.Value)),
            Recorder = talk.Recorder?.Value,
            Organiser = talk.Organiser.Value,
            Status = record is null ? talk.Status.ToString() : nameof(TalkStatus.Held),
            Record = record,
            RecordAt = recordAt,
            Live = open,
        }, partition, Key(month, talk.Id, LineKind), talk.Id.Value, talk.Talkees[0], open);
    }

    public async Task WriteAsync(TalkId id, CancellationToken cancellationToken)
    {
        if (await talks.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } talk)
        {
            return;
        }

        var head = await talkRows.FindAsync<RecordHeadEntity>(id.Value, TalkRows.RecordHeadRow, cancellationToken).ConfigureAwait(false);
        // The notices as they stand and the quizzes taken, so that a talk listed again (an upgrade, a crash mended) keeps
        // them; and the talkees' rectifications, which only a logged record opens (000 §四(一)5): none to read before it.
        var notices = (await talks.ListNoticesAsync(id, cancellationToken).ConfigureAwait(false)).Select(n => n.Notice).Where(NoticeLedgerRows.IsListed);
        var taken = talk.Kind == TalkKind.Routine ? await quizzes.CountedAsync(id, cancellationToken).ConfigureAwait(false) : [];
        var opened = head is null ? [] : await rectifications.ListAsync(id, cancellationToken).ConfigureAwait(false);
        var month = MonthOf(calendar, talk.ScheduledAt);
        var live = IsLive(talk, head?.Status, opened);
        var talkeeRows = notices.Select(n => (n.Talkee, Row: (Func<string, TalkLedgerRow>)(p => NoticeLedgerRows.Row(talk, n, month, p))))
            .Concat(taken.Select(q => (q.Talkee, Row: (Func<string, TalkLedgerRow>)(p => QuizLedger.Row(q, month, p)))))
            .Concat(opened.Select(r => (r.Talkee, Row: (Func<string, TalkLedgerRow>)(p => RectificationRow(r, month, p)))))
            .ToList();

        var listed = await ListedMonthsAsync(id, cancellationToken).ConfigureAwait(false);
        if (!listed.Contains(month))
        {
            await talkRows.UpsertAsync(new TableEntity(id.Value, TalkRows.LedgerMonthRowPrefix + month), cancellationToken).ConfigureAwait(false);
        }

        // Each partition in one go: the talk's row, and the rows of the talkees it shows (TalkeeRows).
        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var shows = talk.Talkees.Distinct().ToDictionary(t => t, t => TalkeeRows.Partitions(talk, t, people).ToHashSet(StringComparer.Ordinal));
        var partitions = shows.Values.SelectMany(p => p).Distinct().ToList();
        await ledger.WriteAsync(month, id, partitions, partition => ((TalkLedgerRow[])[Row(talk, people, head?.Status, head?.UpdatedAt, month, partition),
            .. talkeeRows.Where(t => shows.TryGetValue(t.Talkee, out var them) && them.Contains(partition)).Select(t => t.Row(partition))])
            .Select(row => { row.Live = live; return row; }), live, cancellationToken).ConfigureAwait(false);

        // A talk moved out of a month: that month's rows go, then the month is struck off.
        foreach (var old in listed.Where(m => m != month))
        {
            await ledger.DeleteAsync(old, id, partitions, cancellationToken).ConfigureAwait(false);
            await talkRows.DeleteIfExistsAsync(id.Value, TalkRows.LedgerMonthRowPrefix + old, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<List<string>> ListedMonthsAsync(TalkId id, CancellationToken cancellationToken)
    {
        var months = new List<string>();
        await foreach (var key in talkRows.QueryColumnAsync(TableFilter.RowsStartingWith(id.Value, TalkRows.LedgerMonthRowPrefix), nameof(ITableEntity.RowKey), cancellationToken)
            .ConfigureAwait(false))
        {
            months.Add(key[TalkRows.LedgerMonthRowPrefix.Length..]);
        }

        return months;
    }

    /// <summary>A talkee's rectification row in <paramref name="partition"/>: open while a report is due.</summary>
    private static RectificationLedgerEntity RectificationRow(Rectification r, string month, string partition) => ListRow.Place(new RectificationLedgerEntity
    {
        Status = r.Status.ToString(),
        DueDate = r.DueDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        DueSince = r.ReportDueSince,
        Outcome = Domain.Statistics.StatisticsRules.Rectification(r).ToString(),
    }, partition, Key(month, r.TalkId, RectificationKind, r.Talkee), r.TalkId.Value, r.Talkee, r.AwaitsReport);
}

/// <summary>
/// Writes a talk's ledger rows again once a rectification is reported or reviewed (opening writes them itself,
/// <see cref="RectificationOpening"/>), so that the report's light follows it: a follow-up of the save, run again after a crash.
/// </summary>
public sealed class RectificationLedger(TalkLedgerRows rows) : IFollowUp<RectificationReported>, IFollowUp<RectificationReviewed>
{
    public Task RunAsync(RectificationReported change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return rows.WriteAsync(change.Talk, cancellationToken);
    }

    public Task RunAsync(RectificationReviewed change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return rows.WriteAsync(change.Talk, cancellationToken);
    }
}
