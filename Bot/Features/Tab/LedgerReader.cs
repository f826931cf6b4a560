using Azure.Data.Tables;
using TalkBot.Bot.Features.Admonishments;
using TalkBot.Bot.Features.Leads;
using TalkBot.Bot.Features.Tasks;
using TalkBot.Bot.Infrastructure.Hosting;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Ledgers;
using TalkBot.Domain.Plans;
using TalkBot.Domain.Records;
using TalkBot.Domain.Statistics;

namespace TalkBot.Bot.Features.Tab;

/// <summary>
/// Reads a ledger as one viewer may see it (<see cref="LedgerAccess"/>), from the rows made for lists only
/// (<see cref="MatterIndex"/>): the partitions of the office's units (<c>office|{unit}</c>, <c>unit|{unit}</c>), the
/// viewer's own (<c>person|{id}</c>) and, for an approver, the proposals'. One query per partition and kind of row, run
/// together; names come from the directory held in memory, never from a read of the People table.
/// </summary>
public sealed partial class LedgerReader(MatterIndex index, TalkLedgerTables talkTables, LeadStore leads, CaseStore cases, PeopleDirectory directory, WorkingCalendar calendar, LedgerPolicy policy,
    MonthlyPlanRules planRules, TalkOptions talkOptions)
{
    private readonly LedgerSteps steps = new(calendar, policy);

    /// <summary>Above this many unit partitions, a talk ledger reads its rows across partitions in a few paged queries.</summary>
    public int AcrossFrom { get; init; } = 24;

    /// <param name="within">A unit the view is filtered to: the talks and plans ledgers then read only the partitions of that unit and those below it.</param>
    /// <param name="month">The month the view is filtered to (<c>yyyy-MM</c>): the talks and plans ledgers then read only that month's key range.</param>
    /// <param name="live">With a month, the talks ledger also reads the talks of every other month that still have a step to take (<see cref="TalkLedgerRows.IsLive"/>).</param>
    public async Task<IReadOnlyList<LedgerItem>> ReadAsync(LedgerKind kind, Person viewer, Locale locale, DateTimeOffset now, CancellationToken cancellationToken,
        UnitId? within = null, string? month = null, bool live = false)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var officeUnits = LedgerAccess.OfficeUnits(viewer, people.Units);
        var view = new View(viewer, officeUnits, people, locale, now, within);
        return kind switch
        {
            LedgerKind.Talks => await TalksAsync(view, month, live, cancellationToken).ConfigureAwait(false),
            LedgerKind.Leads => await LeadsAsync(view, cancellationToken).ConfigureAwait(false),
            LedgerKind.Cases => await CasesAsync(view, cancellationToken).ConfigureAwait(false),
            LedgerKind.Plans => await PlansAsync(view, month, cancellationToken).ConfigureAwait(false),
            _ => await TasksAsync(view, cancellationToken).ConfigureAwait(false),
        };
    }

    private sealed record View(Person Viewer, IReadOnlySet<UnitId> OfficeUnits, PeopleLookup People, Locale Locale, DateTimeOffset Now, UnitId? Within)
    {
        /// <summary>
        /// The partitions of the office's units whose talks and plans the view can show: all of them, or with a unit filter
        /// those of that unit and the units below it (a talk is listed under each of its talkees' units, and the filter
        /// keeps a talk when one of them is that unit or below it). The plans ledger reads each; the talks ledger only
        /// their tops (<see cref="TalkTops"/>).
        /// </summary>
        public HashSet<string> TalkPartitions() => [.. TalkUnits().Select(TalkLedgerRows.UnitPartition)];

        private HashSet<UnitId> TalkUnits() => [.. OfficeUnits.Where(u => Within is not { } within || UnitFacet([u]).Contains(within.Value))];

        /// <summary>
        /// The partitions of the talk ledger the view reads: those of the top units of <see cref="TalkPartitions"/>
        /// (usually one: the office's unit, or the unit it is filtered to), since a talk is listed in the partition of each
        /// of its talkees' units and of every unit above them (<see cref="TalkeeRows.UnitPartitions"/>); but for the top
        /// of the organisation, whose partition holds its own people's talks alone, that one and those of the units right
        /// below it.
        /// </summary>
        public HashSet<string> TalkTops()
        {
            var units = TalkUnits();
            var tops = units.Where(u => People.FindUnit(u)?.ParentId is not { } parent || !units.Contains(parent));
            return [.. tops.SelectMany(t => People.FindUnit(t)?.ParentId is null ? units.Where(u => u == t || People.FindUnit(u)?.ParentId == t) : [t])
                .Select(TalkLedgerRows.UnitPartition)];
        }

        /// <summary>
        /// Whether the view reads the viewer's own partition (<c>person|{id}</c>): not when a unit filter names one of the
        /// office's units, whose partitions (that unit's and those below it) already hold every line that passes the filter.
        /// </summary>
        public bool ReadsOwn => Within is not { } within || !OfficeUnits.Contains(within);

        /// <summary>
        /// Whether the view holds <paramref name="talkee"/>'s rows of a talk (notice, quiz, rectification), which are
        /// written only where a view shows them (<see cref="TalkeeRows.Partitions"/>): the partition of their unit, if the
        /// view reads it, or the viewer's own when the viewer is that talkee, a talker or the recorder.
        /// </summary>
        public bool Holds(PersonId talkee, IReadOnlyCollection<PersonId> talkers, PersonId? recorder, IReadOnlySet<string> units) =>
            TalkeeRows.Partitions(talkee, talkers, recorder, People).Any(p => units.Contains(p) || (ReadsOwn && p == MatterIndex.Person(Viewer.Id)));

        public string Names(IEnumerable<PersonId> ids) => string.Join("、", ids.Select(People.Name));

        public string Units(IEnumerable<UnitId> ids) => string.Join("、", ids.Select(u => People.UnitName(u)));

        public UnitId? UnitOf(PersonId id) => People.Find(id)?.UnitId;

        /// <summary>
        /// The units a line is filtered by: its own and every unit above them, so that a unit picks its own lines and
        /// those of the units below it, as the statistics count a unit (a figure's link names the office's unit).
        /// </summary>
        public List<string> UnitFacet(IEnumerable<UnitId> units)
        {
            var all = new HashSet<string>(StringComparer.Ordinal);
            foreach (var unit in units)
            {
                for (UnitId? u = unit; u is { } at && all.Add(at.Value);)
                {
                    u = People.FindUnit(at)?.ParentId;
                }
            }

            return [.. all];
        }
    }

    /// <summary>The rows of a partition a view reads: keys from <paramref name="First"/> to <paramref name="Last"/> (prefixes), and those <paramref name="OrWhere"/> also picks.</summary>
    private sealed record KeyRange(string First, string Last, string? OrWhere = null);

    /// <summary>
    /// The rows of the unit partitions <paramref name="partitions"/> in each of <paramref name="units"/> (a table and
    /// the keys read there: one query per partition, or a few paged queries across them above <see cref="AcrossFrom"/>),
    /// then those of the viewer's own partition in <paramref name="own"/>'s range when the view reads it
    /// (<see cref="View.ReadsOwn"/>); in that order, so that a row read twice is first found where it is kept.
    /// </summary>
    private async Task<List<TableEntity>> ReadRowsAsync(View v, IReadOnlySet<string> partitions, IEnumerable<(MatterIndex Table, KeyRange Keys)> units, KeyRange own,
        CancellationToken cancellationToken)
    {
        var reads = units.SelectMany(u => partitions.Count > AcrossFrom
            ? [u.Table.QueryKindsAcrossAsync(TalkLedgerRows.UnitPartitions, u.Keys.First, u.Keys.Last, partitions.Contains, cancellationToken, u.Keys.OrWhere)]
            : partitions.Select(p => u.Table.QueryKindsAsync(p, u.Keys.First, u.Keys.Last, cancellationToken, u.Keys.OrWhere)));
        if (v.ReadsOwn)
        {
            reads = reads.Append(index.QueryKindsAsync(MatterIndex.Person(v.Viewer.Id), own.First, own.Last, cancellationToken, own.OrWhere));
        }

        return [.. (await Task.WhenAll(reads).ConfigureAwait(false)).SelectMany(r => r)];
    }

    /// <summary>
    /// The talk ledger's rows of a month (or of every month, <paramref name="month"/> null), the four kinds together
    /// under their talk (<c>t|{month}|{talk}|l</c>, then its talkees' <c>n|</c>, <c>q|</c> and <c>r|</c> rows): the units'
    /// from the month's table (<see cref="TalkLedgerTables"/>), or every month's, and with <paramref name="live"/> the live
    /// talks' table too; the viewer's own from their partition, where each row says whether its talk is live.
    /// </summary>
    private async Task<List<TableEntity>> TalkRowsAsync(View v, IReadOnlySet<string> partitions, string? month, bool live, CancellationToken cancellationToken)
    {
        var all = new KeyRange(TalkLedgerRows.Prefix, TalkLedgerRows.Prefix);
        if (!StatMonth.TryParse(month, out var m))
        {
            var months = await talkTables.MonthsAsync(cancellationToken).ConfigureAwait(false);
            return await ReadRowsAsync(v, partitions, months.Select(t => (talkTables.Month(t), all)), all, cancellationToken).ConfigureAwait(false);
        }

        var shown = m.ToString();
        var keys = new KeyRange(TalkLedgerRows.MonthPrefix(shown), TalkLedgerRows.MonthPrefix(shown));
        if (!live)
        {
            return await ReadRowsAsync(v, partitions, [(talkTables.Month(shown), keys)], keys, cancellationToken).ConfigureAwait(false);
        }

        var orLive = TableFilter.Of($"RowKey ge {all.First} and RowKey lt {TableFilter.After(all.Last)}") + $" and {nameof(TalkLedgerRow.Live)} eq true";
        return await ReadRowsAsync(v, partitions, [(talkTables.Month(shown), keys), (talkTables.Live, all)], keys with { OrWhere = orLive }, cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task<List<LedgerItem>> TalksAsync(View v, string? month, bool live, CancellationToken cancellationToken)
    {
        var partitions = v.TalkTops();
        var read = await TalkRowsAsync(v, partitions, month, live, cancellationToken).ConfigureAwait(false);
        var byKind = read.ToLookup(r => TalkLedgerRows.KindOf(r.RowKey));
        List<T> Rows<T>(string kind) where T : ListRow, new() => [.. byKind[kind].Select(TableRowReader.As<T>).Where(r => r.Subject.Length > 0)];

        var rows = Rows<TalkLedgerEntity>(TalkLedgerRows.LineKind).DistinctBy(r => r.Matter);
        var notices = Rows<NoticeLedgerEntity>(TalkLedgerRows.NoticeKind).DistinctBy(n => (n.Matter, n.Subject))
            .ToDictionary(n => (n.Matter, n.Subject), n => Enum.Parse<NoticeStatus>(n.State));
        var quizzes = Rows<QuizLedgerEntity>(TalkLedgerRows.QuizKind).DistinctBy(q => (q.Matter, q.Subject)).ToDictionary(q => (q.Matter, q.Subject));
        var rectifications = Rows<RectificationLedgerEntity>(TalkLedgerRows.RectificationKind).DistinctBy(r => (r.Matter, r.Subject)).ToLookup(r => r.Matter);
        var tiers = v.People.Tiers.ToLookup(t => (t.Talker, t.Talkee));
        var items = new List<LedgerItem>();
        foreach (var row in rows)
        {
            var talkees = Ids(row.Talkees);
            var talkers = Ids(row.Talkers);
            var units = row.Units.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(u => new UnitId(u)).ToList();
            var recorder = row.Recorder is { Length: > 0 } r ? new PersonId(r) : (PersonId?)null;
            if (!LedgerAccess.CanSeeTalk(v.Viewer, v.OfficeUnits, units, talkers, recorder, talkees))
            {
                continue;
            }

            var status = Enum.Parse<TalkStatus>(row.Status);
            var record = row.Record is { } rec ? Enum.Parse<RecordStatus>(rec) : (RecordStatus?)null;
            var kind = Enum.Parse<TalkKind>(row.Kind);
            var tier = talkers.SelectMany(t => talkees.SelectMany(e => tiers[(t, e)])).Select(a => (Tier?)a.Tier).Min();
            var state = record?.ToString() ?? status.ToString();
            NoticeStatus NoticeOf(PersonId talkee) => notices.GetValueOrDefault((row.Matter, talkee.Value), NoticeStatus.Created);
            // The talkees whose rows the view read: the notice step waits for their answers (a talkee's own line, for theirs).
            var held = talkees.Where(t => v.Holds(t, talkers, recorder, partitions)).ToList();
            var allAcknowledged = held.All(t => NoticeOf(t) == NoticeStatus.Acknowledged);
            bool Shows(PersonId talkee) => held.Contains(talkee) && LedgerAccess.CanSeeRectification(v.Viewer, v.OfficeUnits, v.UnitOf(talkee), talkers, talkee);
            var shown = rectifications[row.Matter].Where(r => Shows(new PersonId(r.Subject))).ToList();
            var shownTalkees = talkees.Where(Shows).ToList();
            var shownQuizzes = shownTalkees.Select(t => (Talkee: t, Quiz: quizzes.GetValueOrDefault((row.Matter, t.Value)))).Where(q => q.Quiz is not null).ToList();
            var reports = shown.Select(r => steps.Rectification(r.Open, r.DueSince, DateOnly.FromDateTime(r.DueDate), v.Now));
            var deadline = LedgerSteps.TalkWithRectifications(steps.Talk(status, record, row.CreatedAt, row.ScheduledAt, row.RecordAt, allAcknowledged, v.Now), reports);
            var figures = StatisticsRules.TalkFigures(status, record, [.. shownTalkees.Select(NoticeOf)], shownQuizzes.Count > 0,
                shown.Select(r => Enum.Parse<RectificationOutcome>(r.Outcome)));
            items.Add(new LedgerItem(row.Matter,
                [v.Names(talkees), v.Units(units), v.Names(talkers), Labels.Of(kind, v.Locale), tier is { } t0 ? TierLabel(t0, v.Locale) : "", row.ScheduledAt,
                    TalkState(status, record, v.Locale), TalkeeCells.Notices(shownTalkees.Select(t => (v.People.Name(t), NoticeOf(t))).ToList(), v.Locale),
                    TalkeeCells.Quizzes(shownQuizzes.Select(q => (v.People.Name(q.Talkee), q.Quiz!.Score, q.Quiz.Total)).ToList()),
                    LedgerColumns.Step(deadline.Step, v.Locale), deadline.Due, LedgerColumns.Light(deadline.Light, v.Locale)],
                deadline,
                new LedgerFacets(v.UnitFacet(units), [.. talkers.Select(t => t.Value)], kind.ToString(), tier is { } t1 ? ((int)t1).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                    Month(row.ScheduledAt), state, v.Names(talkees.Concat(talkers)), figures)));
        }

        return items;
    }

    private async Task<List<LedgerItem>> LeadsAsync(View v, CancellationToken cancellationToken)
    {
        var read = await Task.WhenAll(v.OfficeUnits.Select(async u => (Unit: u, Leads: await leads.ListingsAsync(MatterIndex.Office(u), ListScope.All, cancellationToken)
            .ConfigureAwait(false)))).ConfigureAwait(false);
        var items = new List<LedgerItem>();
        foreach (var (office, list) in read)
        {
            foreach (var lead in list.Where(l => LedgerAccess.CanSeeLead(v.Viewer, v.OfficeUnits, office, l)))
            {
                var unit = v.UnitOf(lead.Subject);
                items.Add(new LedgerItem(lead.Id.Value,
                    [v.People.Name(lead.Subject), v.People.UnitName(unit), Labels.Of(lead.Source, v.Locale), Labels.Of(lead.Category, v.Locale), lead.Summary,
                        lead.RegisteredAt, Labels.Of(lead.Status, v.Locale), "", null, ""],
                    LedgerDeadline.Done,
                    new LedgerFacets(v.UnitFacet(unit is { } u ? [u] : []), [], lead.Source.ToString(), null, Month(lead.RegisteredAt), lead.Status.ToString(),
                        v.People.Name(lead.Subject))));
            }
        }

        return items;
    }

    private async Task<List<LedgerItem>> CasesAsync(View v, CancellationToken cancellationToken)
    {
        var sources = v.OfficeUnits.Select(u => (Office: (UnitId?)u, Partition: MatterIndex.Office(u)))
            .Append((null, MatterIndex.Person(v.Viewer.Id)));
        if (AdmonishmentRules.MayApproveSome(v.Viewer))
        {
            sources = sources.Append((null, MatterIndex.Approval));
        }

        async Task<(UnitId? Office, IReadOnlyList<CaseListing> Cases)> Read((UnitId? Office, string Partition) s) =>
            (s.Office, await cases.ListingsAsync(s.Partition, ListScope.All, cancellationToken).ConfigureAwait(false));
        var read = await Task.WhenAll(sources.Select(Read)).ConfigureAwait(false);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<LedgerItem>();
        foreach (var (office, list) in read)
        {
            foreach (var c in list.Where(c => LedgerAccess.CanSeeCase(v.Viewer, v.OfficeUnits, office, c) && seen.Add(c.Id.Value)))
            {
                var unit = v.UnitOf(c.Subject);
                var deadline = steps.Approval(c.Status == CaseStatus.Proposed, c.OpenedAt, v.Now);
                items.Add(new LedgerItem(c.Id.Value,
                    [v.People.Name(c.Subject), v.People.UnitName(unit), c.Situation is { } s ? Labels.Of(s, v.Locale) : "", c.ProposedBy is { } by ? v.People.Name(by) : "",
                        c.OpenedAt, Labels.Of(c.Status, v.Locale), LedgerColumns.Step(deadline.Step, v.Locale), deadline.Due, LedgerColumns.Light(deadline.Light, v.Locale)],
                    deadline,
                    new LedgerFacets(v.UnitFacet(unit is { } u ? [u] : []), [], c.Situation?.ToString() ?? "", null, Month(c.OpenedAt), c.Status.ToString(),
                        v.People.Name(c.Subject))));
            }
        }

        return items;
    }

    private async Task<List<LedgerItem>> TasksAsync(View v, CancellationToken cancellationToken)
    {
        var sources = v.OfficeUnits.Select(u => (Office: (UnitId?)u, Partition: MatterIndex.Office(u))).Append((null, MatterIndex.Person(v.Viewer.Id)));
        async Task<(UnitId? Office, IReadOnlyList<TaskLineEntity> Rows)> Read((UnitId? Office, string Partition) s) =>
            (s.Office, await index.QueryAsync<TaskLineEntity>(s.Partition, TaskStore.TaskPrefix, ListScope.All, cancellationToken).ConfigureAwait(false));
        var read = await Task.WhenAll(sources.Select(Read)).ConfigureAwait(false);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<LedgerItem>();
        foreach (var (office, rows) in read)
        {
            foreach (var row in rows)
            {
                var kind = Enum.Parse<CaseTaskKind>(row.Kind);
                var status = Enum.Parse<CaseTaskStatus>(row.Status);
                var due = DateOnly.FromDateTime(row.DueDate);
                var listing = new TaskListing(new CaseTaskId(row.Matter), kind, new PersonId(row.Subject), new PersonId(row.Assignee), Ids(row.Reviewers), due, status);
                if (!LedgerAccess.CanSeeTask(v.Viewer, v.OfficeUnits, office, listing) || !seen.Add(row.Matter))
                {
                    continue;
                }

                var unit = v.UnitOf(listing.Subject);
                var deadline = steps.Task(listing.IsDone, row.OpenedAt, due, v.Now);
                items.Add(new LedgerItem(row.Matter,
                    [v.People.Name(listing.Subject), v.People.UnitName(unit), Labels.Of(kind, v.Locale), v.People.Name(listing.Assignee), row.OpenedAt, due,
                        Labels.Of(status, v.Locale), LedgerColumns.Step(deadline.Step, v.Locale), deadline.Due, LedgerColumns.Light(deadline.Light, v.Locale)],
                    deadline,
                    new LedgerFacets(v.UnitFacet(unit is { } u ? [u] : []), [], kind.ToString(), null, due.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                        status.ToString(), v.Names([listing.Subject, listing.Assignee]))));
            }
        }

        return items;
    }

    private string Month(DateTimeOffset at) => TalkLedgerRows.MonthOf(calendar, at);

    private static List<PersonId> Ids(string? csv) => [.. (csv ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => new PersonId(id))];

    internal static string TierLabel(Tier tier, Locale locale) => tier switch
    {
        Tier.BureauSecretary => locale.Pick("第一层级", "Tier 1"),
        Tier.DisciplineGroupLeader => locale.Pick("第二层级", "Tier 2"),
        Tier.UnitSecretary => locale.Pick("第三层级", "Tier 3"),
        _ => locale.Pick("第四层级", "Tier 4"),
    };

    internal static string TalkState(TalkStatus status, RecordStatus? record, Locale locale) => record switch
    {
        RecordStatus.AwaitingVerification => locale.Pick("待核实", "Awaiting verification"),
        RecordStatus.Disputed => locale.Pick("有异议", "Disputed"),
        RecordStatus.Verified => locale.Pick("已核实", "Verified"),
        _ => status == TalkStatus.Cancelled ? locale.Pick("已取消", "Cancelled") : locale.Pick("已安排", "Scheduled"),
    };
}
