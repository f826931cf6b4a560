using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using TalkBot.Bot.Features.Statistics;
using TalkBot.Bot.Infrastructure.Audit;
using TalkBot.Bot.Infrastructure.People;
using TalkBot.Bot.Features.Tab;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Domain;
using TalkBot.Domain.Audit;
using TalkBot.Domain.Leads;
using TalkBot.Domain.People;
using TalkBot.Domain.Plans;
using TalkBot.Domain.Records;
using TalkBot.Domain.Rectifications;
using TalkBot.Domain.Statistics;
using TalkBot.Domain.Talks;

namespace TalkBot.Bench;

/// <summary>
/// dashboard (issue 15): an organisation of 10,000 cadres (a bureau, 20 party committees, 10 branches each) and 12 months
/// of talks — every branch secretary talks to each member of the branch, every committee secretary to the committee and
/// the branch secretaries, the group leader and the bureau secretary to the committees' heads and secretaries — in
/// seeded states, with leads and plans, counted into the statistics table on Azurite through the product's own counting
/// (Domain's <see cref="Counting"/>, the bot's <see cref="StatCounters"/> bulk path: the same rows and keys as a click).
/// Then the statistics request as the endpoint serves it (its query, its JSON, its audit line), repeatedly, for the
/// bureau's office, for a committee and for one talker: p50/p95 server time (goal ≤ 500 ms), and this process's peak memory.
/// With <c>--bot</c>, the last month's talk ledger rows are written too and the tab's endpoints timed against a real bot
/// (<see cref="DashboardEndpoints"/>): the filtered ledger page and the Excel exports.
/// </summary>
internal static class DashboardBench
{
    private const int Committees = 20;
    private const int Branches = 10;
    private const int Months = 12;
    private const int Rounds = 30;
    private const double GoalMs = 500;
    private const string Prefix = "dash";

    public static async Task<int> RunAsync(string[] args)
    {
        var tables = Argument(args, "--tables") ?? throw new ArgumentException("--tables CONNECTION is required");
        var people = int.Parse(Argument(args, "--people") ?? "10000", CultureInfo.InvariantCulture);
        var service = new TableServiceClient(tables);
        var bot = Argument(args, "--bot") is { } dll ? Path.GetFullPath(dll) : null;
        var set = TableSet.For(service, Prefix, StatRows.Table, StatTotals.Table, TalkMonths.Table, AuditLog.Table, MatterIndex.Table, MatterIndex.UnitTable,
            TalkLedgerTables.LiveTable);
        await set.EnsureCreatedAsync(default);

        var (directory, talkers) = Organisation(people);
        var tree = UnitTrees.Of(directory);
        var counters = new StatCounters(set, new StatTotals(set));
        var talkMonths = new TalkMonths(set, counters);
        var last = new StatMonth(2026, 11);
        var seed = Stopwatch.StartNew();
        var items = 0;
        var random = new Random(15);
        var (ledgerTalks, ledgerTime) = (0, TimeSpan.Zero);
        foreach (var month in last.Series(Months))
        {
            var batch = Month(month, talkers, directory, random).ToList();
            items += batch.Count;
            await counters.CountNewAsync(month, batch.Select(i => (i.Type, i.Id, i.Tallies, i.Final)), tree, default);
            await talkMonths.AddNewAsync(month, batch.Where(i => i.Type == StatRecount.TalkType).Select(i => new TalkId(i.Id)), default);
            if (bot is not null)
            {
                // Every month's talk ledger rows, as a year of use leaves them: a month's view reads its month only. The
                // months before the last go into the units' partitions alone, which are what the office's views read
                // (its people's own partitions are another table): a third of the rows, and of the seeding time.
                var ledger = batch.Select(i => i.Ledger).OfType<LedgerTalk>().ToList();
                var watch = Stopwatch.StartNew();
                await DashboardEndpoints.SeedLedgerAsync(set, directory, ledger, unitsOnly: month != last, default);
                (ledgerTalks, ledgerTime) = (ledgerTalks + ledger.Count, ledgerTime + watch.Elapsed);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seeded {items} counted items ({people} people, {directory.Units.Count} units, {Months} months) in {seed.Elapsed.TotalSeconds:F0} s"));
        if (bot is not null)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"of which the talk ledger rows of {Months} months ({ledgerTalks} talks) took {ledgerTime.TotalSeconds:F0} s"));
        }

        var query = new StatisticsQuery(set);
        var audit = new AuditLog(set, TimeProvider.System);
        var office = directory.All.First(p => p.Has(Role.DisciplineOffice));
        var committee = directory.Units.First(u => u.Level == UnitLevel.PartyCommittee).Id;
        var talker = talkers[^1].Talker;
        var views = new (string Name, StatFilter Filter)[]
        {
            ("bureau office, whole bureau", new StatFilter(last, new UnitId("bureau"), null, null, null)),
            ("one committee, tier 3, routine", new StatFilter(last, committee, Tier.UnitSecretary, null, TalkKind.Routine)),
            ("one talker", new StatFilter(last, new UnitId("bureau"), null, talker, null)),
        };
        var ok = true;
        var all = new List<double>();
        foreach (var (name, filter) in views)
        {
            var scope = StatisticsAccess.For(office, tree);
            var request = new StatisticsApi.Checked(office, filter, scope, tree, directory);
            var times = new List<double>();
            var bytes = 0;
            for (var i = 0; i < Rounds + 2; i++)
            {
                var watch = Stopwatch.StartNew();
                var result = await query.ReadAsync(filter, tree, default);
                var json = JsonSerializer.SerializeToUtf8Bytes(StatisticsJson.Of(result, request));
                await audit.WriteAsync(office, AuditAction.View, AuditObject.Statistics, StatisticsApi.Describe(filter), null, default);
                watch.Stop();
                bytes = json.Length;
                if (i >= 2)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            var l = Latencies.Of(times);
            all.AddRange(times);
            ok &= l.P95 <= GoalMs;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"statistics request, {name}: p50 {l.P50:F0} ms  p95 {l.P95:F0} ms  max {l.Max:F0} ms  ({Rounds} requests, {bytes / 1024} KiB of JSON)"));
        }

        var overall = Latencies.Of(all);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"statistics request, all views: p50 {overall.P50:F0} ms  p95 {overall.P95:F0} ms (goal ≤ {GoalMs} ms)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"peak memory: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB (this process: the directory, the statistics query and its JSON, as the bot holds them; the seeding included)"));
        if (bot is null)
        {
            Console.WriteLine("filtered ledger page and Excel exports: n/a (give --bot PATH to the built TalkBot.Bot.dll, as scripts/bench.sh does)");
        }
        else
        {
            var orgFile = await DashboardEndpoints.WriteOrgFileAsync(directory, default);
            try
            {
                ok &= await DashboardEndpoints.RunAsync(bot, tables, Prefix, orgFile, office, last, committee, default);
            }
            finally
            {
                File.Delete(orgFile);
            }
        }

        Console.WriteLine(ok ? "targets met" : "targets missed");
        return ok ? 0 : 1;
    }

    private sealed record TalkerLine(PersonId Talker, Tier Tier, IReadOnlyList<Person> Talkees);

    /// <summary>The organisation, and who talks to whom each month (000 §二).</summary>
    private static (PeopleLookup Directory, List<TalkerLine> Talkers) Organisation(int size)
    {
        var units = new List<Unit>
        {
            new(new UnitId("bureau"), "示范市公安局", "Bench Bureau", UnitLevel.Bureau),
            new(new UnitId("office"), "纪委办（监察处）", "Discipline office", UnitLevel.Department, new UnitId("bureau")),
        };
        var people = new List<Person>();
        var n = 0;
        Person Add(UnitId unit, params Role[] roles)
        {
            var p = new Person(new PersonId($"00000000-0000-4000-8000-{++n:x12}"), $"干部{n}", unit, null, Rank.SectionAndBelow, new HashSet<Role>(roles), null);
            people.Add(p);
            return p;
        }

        var bureauSecretary = Add(new UnitId("bureau"), Role.BureauSecretary);
        var groupLeader = Add(new UnitId("bureau"), Role.DisciplineGroupLeader);
        Add(new UnitId("office"), Role.DisciplineOffice);
        var perBranch = Math.Max(2, (size - people.Count) / (Committees * (Branches + 1)));
        var talkers = new List<TalkerLine>();
        var heads = new List<Person>();
        var secretaries = new List<Person>();
        for (var c = 0; c < Committees; c++)
        {
            var committee = new UnitId($"committee-{c:D2}");
            units.Add(new Unit(committee, $"第{c + 1}基层党委", $"Committee {c + 1}", UnitLevel.PartyCommittee, new UnitId("bureau")));
            var secretary = Add(committee, Role.UnitSecretary);
            var head = Add(committee, Role.UnitHead);
            secretaries.Add(secretary);
            heads.Add(head);
            var members = Enumerable.Range(0, perBranch - 2).Select(_ => Add(committee, Role.UnitCommitteeMember)).ToList();
            var branchSecretaries = new List<Person>();
            for (var b = 0; b < Branches; b++)
            {
                var branch = new UnitId($"branch-{c:D2}-{b:D2}");
                units.Add(new Unit(branch, $"第{c + 1}党委第{b + 1}支部", $"Branch {c + 1}.{b + 1}", UnitLevel.Branch, committee));
                var branchSecretary = Add(branch, Role.UnitSecretary);
                branchSecretaries.Add(branchSecretary);
                talkers.Add(new TalkerLine(branchSecretary.Id, Tier.UnitSecretary, [.. Enumerable.Range(0, perBranch - 1).Select(_ => Add(branch))]));
            }

            talkers.Add(new TalkerLine(secretary.Id, Tier.UnitSecretary, [head, .. members, .. branchSecretaries]));
        }

        talkers.Add(new TalkerLine(bureauSecretary.Id, Tier.BureauSecretary, secretaries));
        talkers.Add(new TalkerLine(groupLeader.Id, Tier.DisciplineGroupLeader, heads));
        return (new PeopleLookup(people, units), talkers);
    }

    /// <summary>An item of a seeded month, with its tallies as Domain counts them; a talk also as its ledger rows show it.</summary>
    private sealed record Seeded(string Type, string Id, IReadOnlyList<Tally> Tallies, bool Final, LedgerTalk? Ledger = null);

    /// <summary>One month's items in seeded states.</summary>
    private static IEnumerable<Seeded> Month(StatMonth month, List<TalkerLine> talkers, PeopleLookup directory, Random random)
    {
        var when = new DateTimeOffset(month.Year, month.Month, 25, 9, 0, 0, TimeSpan.FromHours(8));
        var onTime = Rectification(false);
        var late = Rectification(true);
        var open = global::TalkBot.Domain.Rectifications.Rectification.Open(new TalkId("x"), new PersonId("x"), ["整改"], new DateOnly(2026, 1, 4), when);
        foreach (var line in talkers)
        {
            var planItems = line.Talkees.Select(t => new PlanItem(t.Id, line.Tier, TalkeeLine.UnitCommitteeMember, t.UnitId)).ToList();
            yield return new("plan", line.Talker.Value, Counting.Plan(line.Talker, directory.Find(line.Talker)?.UnitId, planItems, p => directory.Find(p)?.UnitId), true);
            foreach (var talkee in line.Talkees)
            {
                var roll = random.NextDouble();
                var status = roll < 0.02 ? TalkStatus.Cancelled : roll < 0.82 ? TalkStatus.Held : TalkStatus.Scheduled;
                var id = Guid.NewGuid().ToString("N");
                var talk = Talk.Restore(new TalkId(id), TalkKind.Routine, [talkee.Id], [line.Talker], null, line.Talker, when, "会议室",
                    when.AddDays(-3).DateTime is var d ? DateOnly.FromDateTime(d) : default, null, when.AddDays(-5), status);
                var record = status == TalkStatus.Held ? (random.NextDouble() < 0.85 ? RecordStatus.Verified : RecordStatus.AwaitingVerification) : (RecordStatus?)null;
                var notice = random.NextDouble() switch { < 0.85 => NoticeStatus.Acknowledged, < 0.97 => NoticeStatus.Sent, _ => NoticeStatus.Unreachable };
                var rect = status == TalkStatus.Held && random.NextDouble() < 0.2 ? random.Next(3) switch { 0 => onTime, 1 => late, _ => open } : null;
                var score = random.NextDouble() < 0.7 ? random.Next(6, 11) : (int?)null;
                var progress = new TalkeeProgress(talkee.Id, talkee.UnitId, line.Tier, notice, rect, score);
                yield return new(StatRecount.TalkType, id, Counting.Talk(talk, record, [progress]), record == RecordStatus.Verified, new LedgerTalk(talk, month.ToString(), record, notice, score));
            }
        }

        for (var i = 0; i < 30; i++)
        {
            var unit = directory.Units[random.Next(directory.Units.Count)].Id;
            var lead = Lead.Restore(new LeadId(Guid.NewGuid().ToString("N")), talkers[0].Talkees[0].Id, (LeadSource)random.Next(5), (DisciplineCategory)random.Next(6),
                "问题", new Reporter(null, null), unit, new PersonId("office"), when, [], []);
            yield return new("lead", lead.Id.Value, Counting.Lead(lead), false);
        }
    }

    private static Rectification Rectification(bool late)
    {
        var r = global::TalkBot.Domain.Rectifications.Rectification.Open(new TalkId("x"), new PersonId("x"), ["整改"], new DateOnly(2026, 1, 4), DateTimeOffset.UnixEpoch);
        var day = late ? new DateOnly(2026, 1, 6) : new DateOnly(2026, 1, 3);
        r.Submit(new PersonId("x"), [new MeasureReport(1, "已整改", MeasureStatus.Done, day)], "f", day, DateTimeOffset.UnixEpoch);
        return r;
    }

    private static string? Argument(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
