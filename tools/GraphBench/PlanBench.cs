using System.Diagnostics;
using Azure.Data.Tables;
using TalkBot.Bot.Features.Directory;
using TalkBot.Bot.Features.Plans;
using TalkBot.Bot.Infrastructure.People;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Domain;
using TalkBot.Domain.People;

namespace TalkBot.GraphBench;

/// <summary>
/// The second half of issue 5's benchmark: the organisation just read is stored, given the Party roles its reporting
/// lines suggest (the head is the bureau secretary, department heads run party committees, team leads run branches,
/// one member per department is the stationed discipline leader), and the monthly plans are made for it.
/// </summary>
internal static class PlanBench
{
    public static async Task RunAsync(IReadOnlyList<DirectoryPerson> read, string connection)
    {
        var tables = TableSet.For(new TableServiceClient(connection), "gb" + DateTime.UtcNow.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture), PeopleStore.Table, PlanStore.Table);
        await tables.EnsureCreatedAsync(CancellationToken.None);
        var (people, units) = Organisation(read);

        var clock = Stopwatch.StartNew();
        await new PeopleStore(tables).ReplaceAllAsync(people, units, CancellationToken.None);
        var stored = clock.Elapsed;
        var storeTransactions = Chunks(people.Count) + Chunks(units.Count);

        clock.Restart();
        var plans = PlanDirectory.Of(people, units).ItemsByTalker();
        var repository = new PlanStore(tables);
        var month = new PlanMonth(2026, 11);
        var transactions = 0;
        foreach (var (talker, items) in plans)
        {
            await repository.CreateAsync(month, talker, items, DateTimeOffset.UtcNow, CancellationToken.None);
            transactions += Chunks(items.Count + 1); // the header and the items, a hundred rows a transaction
        }

        var made = clock.Elapsed;
        Console.WriteLine($"directory stored: {people.Count} people, {units.Count} units in {stored.TotalSeconds:F2} s ({storeTransactions} transactions)");
        Console.WriteLine($"monthly plans: {plans.Count} talkers, {plans.Sum(p => p.Value.Count)} talks, {made.TotalSeconds:F2} s, {transactions} table transactions");
    }

    private static int Chunks(int rows) => (rows + 99) / 100;

    private static (IReadOnlyList<Person> People, IReadOnlyList<Unit> Units) Organisation(IReadOnlyList<DirectoryPerson> read)
    {
        var bureau = new Unit(new UnitId("bureau"), "局", null, UnitLevel.Bureau);
        var units = new List<Unit> { bureau };
        var head = read.First(p => p.ManagerId is null);
        var departmentHeads = read.Where(p => p.ManagerId == head.Id).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var teamLeads = read.Where(p => p.ManagerId is { } m && departmentHeads.Contains(m)).ToDictionary(p => p.Id, p => p.ManagerId!, StringComparer.Ordinal);
        foreach (var d in departmentHeads)
        {
            units.Add(new Unit(new UnitId("d-" + d), "党委 " + d[^4..], null, UnitLevel.PartyCommittee, bureau.Id));
        }

        foreach (var (lead, department) in teamLeads)
        {
            units.Add(new Unit(new UnitId("t-" + lead), "支部 " + lead[^4..], null, UnitLevel.Branch, new UnitId("d-" + department)));
        }

        var stationed = new HashSet<string>(StringComparer.Ordinal);
        var people = new List<Person>(read.Count);
        foreach (var p in read)
        {
            var roles = new HashSet<Role>();
            UnitId unit;
            if (p.Id == head.Id)
            {
                roles.Add(Role.BureauSecretary);
                unit = bureau.Id;
            }
            else if (departmentHeads.Contains(p.Id))
            {
                roles.UnionWith([Role.UnitSecretary, Role.UnitHead, Role.BureauCommitteeMember]);
                unit = new UnitId("d-" + p.Id);
            }
            else if (teamLeads.ContainsKey(p.Id))
            {
                roles.UnionWith([Role.UnitSecretary, Role.UnitHead]);
                unit = new UnitId("t-" + p.Id);
            }
            else if (p.ManagerId is { } lead && teamLeads.TryGetValue(lead, out var department) && stationed.Add(department))
            {
                roles.Add(Role.StationedDisciplineLeader);
                unit = new UnitId("d-" + department);
            }
            else
            {
                unit = p.ManagerId is { } m && teamLeads.ContainsKey(m) ? new UnitId("t-" + m) : bureau.Id;
            }

            people.Add(new Person(new PersonId(p.Id), p.DisplayName, unit, p.JobTitle, Rank.SectionAndBelow, roles,
                p.ManagerId is { } manager ? new PersonId(manager) : null, p.Enabled, p.UserPrincipalName));
        }

        return (people, units);
    }
}
