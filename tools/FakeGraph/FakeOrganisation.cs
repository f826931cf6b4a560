using System.Globalization;

namespace TalkBot.FakeGraph;

/// <summary>Builds <see cref="FakeGraphOptions.Organisation"/>'s tree.</summary>
internal static class FakeOrganisation
{
    private const int TeamSize = 10;
    private const string Domain = "contoso.example";

    private static readonly (string Name, string[] Titles)[] Departments =
    [
        ("Engineering", ["Software Engineer", "Senior Software Engineer", "Test Engineer"]),
        ("Sales", ["Account Executive", "Sales Representative"]),
        ("Marketing", ["Marketing Specialist", "Content Writer"]),
        ("Finance", ["Accountant", "Financial Analyst"]),
        ("Human Resources", ["HR Partner", "Recruiter"]),
        ("Operations", ["Operations Analyst", "Logistics Coordinator"]),
        ("Legal", ["Counsel", "Paralegal"]),
        ("Support", ["Support Engineer", "Customer Success Manager"]),
    ];

    private static readonly string[] GivenNames =
        ["Ada", "Bao", "Chen", "Dara", "Emil", "Fang", "Grace", "Hana", "Ivan", "Jun", "Kofi", "Lena", "Mei", "Nia", "Omar",
         "Priya", "Qing", "Rosa", "Sven", "Tara", "Uma", "Wei", "Xin", "Yara", "Zoe"];

    private static readonly string[] Surnames =
        ["Li", "Wang", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Smith", "Garcia", "Müller", "Okafor",
         "Tanaka", "Novak", "Silva", "Kim", "Nguyen", "Haddad", "Kowalski", "Rossi", "Dubois"];

    public static IReadOnlyList<FakeGraphUser> Build(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var users = new List<FakeGraphUser>(count);
        if (count == 0)
        {
            return users;
        }

        users.Add(Person(0, "Executive", "Chief Executive Officer", managerIndex: null));
        var departments = Math.Clamp((count - 1) / 50, 1, Departments.Length);
        for (var d = 0; d < departments && users.Count < count; d++)
        {
            users.Add(Person(users.Count, Departments[d].Name, "Head of " + Departments[d].Name, managerIndex: 0));
        }

        // The rest are dealt to departments in turn; in each, every tenth is a team lead under the department's head
        // and the nine after report to that lead.
        var firstMember = users.Count;
        for (var r = 0; users.Count < count; r++)
        {
            var d = r % departments;
            var position = r / departments;
            var isLead = position % TeamSize == 0;
            var leadIndex = firstMember + (position - position % TeamSize) * departments + d;
            var titles = Departments[d].Titles;
            users.Add(Person(
                users.Count,
                Departments[d].Name,
                isLead ? "Team Lead, " + Departments[d].Name : titles[position % titles.Length],
                managerIndex: isLead ? 1 + d : leadIndex));
        }

        return users;
    }

    private static FakeGraphUser Person(int index, string department, string jobTitle, int? managerIndex)
    {
        var given = GivenNames[index % GivenNames.Length];
        var surname = Surnames[index / GivenNames.Length % Surnames.Length];
        var upn = string.Create(CultureInfo.InvariantCulture, $"{given}.{Ascii(surname)}.{index}@{Domain}").ToLowerInvariant();
        return new FakeGraphUser(
            Id(index),
            $"{given} {surname}",
            department,
            jobTitle,
            Mail: index > 0 && index % 100 == 0 ? null : upn,
            UserPrincipalName: upn,
            ManagerId: managerIndex is { } m ? Id(m) : null,
            AccountEnabled: index == 0 || index % 40 != 0);
    }

    private static string Id(int index) => string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-8000-{index + 1:x12}");

    private static string Ascii(string name) => name.Replace("ü", "ue", StringComparison.Ordinal);
}
