using TalkBot.Bot.Features.Quiz;
using TalkBot.Bot.Features.Records;
using TalkBot.Bot.Features.Rectifications;
using TalkBot.Bot.Features.Talks;
using TalkBot.Domain.Rectifications;

namespace TalkBot.Bot.Features.Tab;

/// <summary>
/// Table <c>CaseIndex</c>, row <c>tl|{talkId}</c>: a talk as the tab's talk ledger (谈话台账) shows it, written into the
/// partition <c>unit|{unit}</c> of each talkee's unit (the office of that level and those above read their units'
/// partitions) and <c>person|{id}</c> of each talkee, talker and recorder (their own ledger: one partition query). Keys
/// in <see cref="MatterIndex"/>; never a name (the directory in memory gives names), never what was said.
/// </summary>
public sealed class TalkLedgerEntity : ListRow
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
/// Table <c>CaseIndex</c>, row <c>tn|{talkId}|{talkeeId}</c>, in the partitions that show that talkee (<see cref="TalkeeRows"/>):
/// where a talkee's notice stands (<see cref="NoticeStatus"/>): delivered, not deliverable, answered, or a postponement
/// refused. Only an <see cref="NoticeStatus.Acknowledged"/> row is an answer that confirms receipt; a delivered one is not.
/// A first notice still being sent has none, so creating a talk writes none; one row per talkee, so that two answers at
/// once never overwrite each other.
/// </summary>
public sealed class NoticeLedgerEntity : ListRow
{
    public string State { get; set; } = "";
    public DateTimeOffset? AnsweredAt { get; set; }
}

/// <summary>
/// Table <c>CaseIndex</c>, row <c>tq|{talkId}|{talkeeId}</c>, in the partitions that show that talkee (<see cref="TalkeeRows"/>):
/// the talkee's 廉政常识测试 as the statistics count it (000 §三; <see cref="Domain.Statistics.StatisticsRules.CountedQuiz"/>):
/// the latest submitted attempt, which a retake replaces.
/// </summary>
public sealed class QuizLedgerEntity : ListRow
{
    public int Attempt { get; set; }
    public int Score { get; set; }
    public int Total { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
}

/// <summary>
/// Table <c>CaseIndex</c>, row <c>tr|{talkId}|{talkeeId}</c>, in the partitions that show that talkee (<see cref="TalkeeRows"/>):
/// a talkee's rectification (000 §四(一)5), for the light of its report and the statistics' figures behind the talk.
/// <see cref="ListRow.Open"/> while a report is due.
/// </summary>
public sealed class RectificationLedgerEntity : ListRow
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
/// </summary>
public sealed class TalkLedgerRows(TalkStore talks, MatterIndex index, TableSet tables, PeopleDirectory directory, RectificationStore rectifications,
    QuizStore quizzes)
{
    public const string Prefix = "tl|";
    public const string NoticePrefix = "tn|";
    public const string QuizPrefix = "tq|";
    public const string RectificationPrefix = "tr|";

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

    private static List<UnitId> Units(Talk talk, PeopleLookup people) => [.. talk.Talkees.Select(t => people.Find(t)?.UnitId).OfType<UnitId>().Distinct()];

    /// <summary>The talk's ledger row in <paramref name="partition"/>, with where its record stands (null before it is logged).</summary>
    public static TalkLedgerEntity Row(Talk talk, PeopleLookup people, string? record, DateTimeOffset? recordAt, string partition)
    {
        ArgumentNullException.ThrowIfNull(talk);
        var open = talk.Status == TalkStatus.Scheduled || record is not nameof(Domain.Records.RecordStatus.Verified);
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
        }, partition, Prefix + talk.Id.Value, talk.Id.Value, talk.Talkees[0], open && talk.Status != TalkStatus.Cancelled);
    }

    public async Task WriteAsync(TalkId id, CancellationToken cancellationToken)
    {
        if (await talks.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } talk)
        {
            return;
        }

        var head = await tables[TalkRows.Talks].FindAsync<RecordHeadEntity>(id.Value, TalkRows.RecordHeadRow, cancellationToken).ConfigureAwait(false);
        // The notices as they stand and the quizzes taken, so that a talk listed again (an upgrade, a crash mended) keeps
        // them; and the talkees' rectifications, which only a logged record opens (000 §四(一)5): none to read before it.
        var notices = (await talks.ListNoticesAsync(id, cancellationToken).ConfigureAwait(false)).Select(n => n.Notice).Where(NoticeLedgerRows.IsListed);
        var taken = talk.Kind == TalkKind.Routine ? await quizzes.CountedAsync(id, cancellationToken).ConfigureAwait(false) : [];
        var opened = head is null ? [] : await rectifications.ListAsync(id, cancellationToken).ConfigureAwait(false);
        var talkeeRows = notices.Select(n => (n.Talkee, Row: (Func<string, ListRow>)(p => NoticeLedgerRows.Row(talk, n, p))))
            .Concat(taken.Select(q => (q.Talkee, Row: (Func<string, ListRow>)(p => QuizLedger.Row(q, p)))))
            .Concat(opened.Select(r => (r.Talkee, Row: (Func<string, ListRow>)(p => RectificationRow(r, p)))))
            .ToList();

        // Each partition in one go: the talk's row, and the rows of the talkees it shows (TalkeeRows).
        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var shows = talk.Talkees.Distinct().ToDictionary(t => t, t => TalkeeRows.Partitions(talk, t, people).ToHashSet(StringComparer.Ordinal));
        await index.WriteAsync(shows.Values.SelectMany(p => p).Distinct(), partition => [Row(talk, people, head?.Status, head?.UpdatedAt, partition),
            .. talkeeRows.Where(t => shows.TryGetValue(t.Talkee, out var them) && them.Contains(partition)).Select(t => t.Row(partition))], cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>A talkee's rectification row in <paramref name="partition"/>: open while a report is due.</summary>
    private static RectificationLedgerEntity RectificationRow(Rectification r, string partition) => ListRow.Place(new RectificationLedgerEntity
    {
        Status = r.Status.ToString(),
        DueDate = r.DueDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        DueSince = r.ReportDueSince,
        Outcome = Domain.Statistics.StatisticsRules.Rectification(r).ToString(),
    }, partition, $"{RectificationPrefix}{r.TalkId.Value}|{r.Talkee.Value}", r.TalkId.Value, r.Talkee, r.AwaitsReport);
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
