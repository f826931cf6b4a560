using TalkBot.Domain.Rules;

namespace TalkBot.Domain.People;

/// <summary>Where an assignment was made: the role card or a CSV import, as the audit trail records it.</summary>
public enum AssignmentSource
{
    Card,
    Csv,
}

/// <summary>The Party and discipline roles and the rank an administrator gives one person (SPEC §1).</summary>
public sealed record RoleAssignment(PersonId Person, IReadOnlySet<Role> Roles, Rank Rank)
{
    public bool SameAs(IReadOnlySet<Role> roles, Rank rank)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return Rank == rank && Roles.SetEquals(roles);
    }

    /// <summary>
    /// The change from what the person holds now, or null when they hold exactly this already: assigning the same
    /// roles again (a double click, a Teams retry, an import run twice) changes nothing and is audited once.
    /// </summary>
    public RoleChange? ChangeFrom(IReadOnlySet<Role> roles, Rank rank, PersonId by, AssignmentSource source, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return SameAs(roles, rank) ? null : new RoleChange(Person, roles, rank, Roles, Rank, by, time.GetUtcNow(), source);
    }
}

/// <summary>One audited change of a person's roles or rank: who, when, from where, before and after.</summary>
public sealed record RoleChange(
    PersonId Person,
    IReadOnlySet<Role> RolesBefore,
    Rank RankBefore,
    IReadOnlySet<Role> RolesAfter,
    Rank RankAfter,
    PersonId By,
    DateTimeOffset At,
    AssignmentSource Source);

/// <summary>
/// An assignment as an administrator entered it, not yet checked: the person (Entra object id or
/// userPrincipalName), role terms and a rank term (<see cref="RoleTerms"/>). <see cref="Line"/> is the CSV line it came
/// from, 0 for the card.
/// </summary>
public sealed record RoleAssignmentRequest(string? Person, IReadOnlyList<string> Roles, string? Rank, int Line = 0);

/// <summary>A broken rule of one request; <see cref="Line"/> is its CSV line (0 for the card or the whole import).</summary>
public sealed record LineViolation(int Line, RuleViolation Violation);

/// <summary>
/// What a set of requests comes to: the assignments when every request is valid, otherwise every problem and no
/// assignment at all, so that an import with one bad row changes nothing.
/// </summary>
public sealed record RoleAssignmentCheck(IReadOnlyList<RoleAssignment> Assignments, IReadOnlyList<LineViolation> Problems)
{
    /// <summary>The line of each assignment's request, by person (each person is named once).</summary>
    public IReadOnlyDictionary<PersonId, int> Lines { get; init; } = new Dictionary<PersonId, int>();

    public bool IsValid => Problems.Count == 0;
}

/// <summary>Who may assign roles, and whether an assignment is one the organisation can hold (SPEC §1).</summary>
public static class RoleAssignmentRules
{
    /// <summary>Null when <paramref name="actor"/> may assign roles and ranks: an active administrator (SPEC §1).</summary>
    public static RuleViolation? CheckAssigner(Person actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Active && actor.Has(Role.Administrator) ? null : new RuleViolation(RuleCode.NotPermitted, RuleSources.Roles);
    }

    public static bool MayAssign(Person actor) => CheckAssigner(actor) is null;

    /// <summary>
    /// SPEC §1: roles are given to active people in the directory only; <paramref name="person"/> names someone who is
    /// not one (argument "person": as given, trimmed).
    /// </summary>
    public static RuleViolation PersonNotInDirectory(string person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return Named(RuleCode.PersonNotInDirectory, "person", person.Trim());
    }

    /// <summary>
    /// Checks every request against the directory: the person must be an active person in it (by object id or
    /// userPrincipalName), each role one of SPEC §1, the rank one of <see cref="Rank"/>, no person named twice, and at
    /// least one active administrator left afterwards. All problems are reported, each with its line.
    /// </summary>
    public static RoleAssignmentCheck Check(Person actor, IReadOnlyCollection<Person> directory, IReadOnlyList<RoleAssignmentRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(requests);
        if (CheckAssigner(actor) is { } refused)
        {
            return new RoleAssignmentCheck([], [new LineViolation(0, refused)]);
        }

        var people = new PersonIndex(directory);
        var problems = new List<LineViolation>();
        var assignments = new List<(RoleAssignment Assignment, int Line)>();
        var firstLine = new Dictionary<PersonId, int>();
        foreach (var request in requests)
        {
            var rowProblems = new List<RuleViolation>();
            var person = people.Resolve(request.Person);
            if (string.IsNullOrWhiteSpace(request.Person))
            {
                rowProblems.Add(RuleViolation.Required("person", RuleSources.Roles));
            }
            else if (person is null)
            {
                rowProblems.Add(PersonNotInDirectory(request.Person));
            }
            else if (!firstLine.TryAdd(person.Id, request.Line))
            {
                rowProblems.Add(new RuleViolation(RuleCode.PersonListedTwice, RuleSources.Roles, Arguments: new Dictionary<string, string>
                {
                    ["person"] = request.Person.Trim(),
                    ["name"] = person.DisplayName,
                    ["line"] = firstLine[person.Id].ToString(System.Globalization.CultureInfo.InvariantCulture),
                }));
            }

            var roles = new HashSet<Role>();
            foreach (var term in request.Roles.Select(r => r.Trim()).Where(r => r.Length > 0))
            {
                if (RoleTerms.TryParseRole(term, out var role))
                {
                    roles.Add(role.Value);
                }
                else
                {
                    rowProblems.Add(Named(RuleCode.RoleUnknown, "role", term));
                }
            }

            Rank? rank = null;
            if (string.IsNullOrWhiteSpace(request.Rank))
            {
                rowProblems.Add(RuleViolation.Required("rank", RuleSources.Roles));
            }
            else if (RoleTerms.TryParseRank(request.Rank, out var parsed))
            {
                rank = parsed;
            }
            else
            {
                rowProblems.Add(Named(RuleCode.RankUnknown, "rank", request.Rank.Trim()));
            }

            problems.AddRange(rowProblems.Select(v => new LineViolation(request.Line, v)));
            if (rowProblems.Count == 0)
            {
                assignments.Add((new RoleAssignment(person!.Id, roles, rank!.Value), request.Line));
            }
        }

        if (problems.Count == 0)
        {
            problems.AddRange(CheckAdministratorsRemain(directory, assignments));
        }

        return problems.Count == 0
            ? new RoleAssignmentCheck([.. assignments.Select(a => a.Assignment)], []) { Lines = assignments.ToDictionary(a => a.Assignment.Person, a => a.Line) }
            : new RoleAssignmentCheck([], problems);
    }

    // SPEC §1: only an administrator assigns roles; taking the role from the last one would leave nobody able to give
    // it back but whoever edits the directory by hand.
    private static IEnumerable<LineViolation> CheckAdministratorsRemain(IReadOnlyCollection<Person> directory, List<(RoleAssignment Assignment, int Line)> assignments)
    {
        var changed = assignments.ToDictionary(a => a.Assignment.Person);
        var remaining = directory.Count(p => p.Active && (changed.TryGetValue(p.Id, out var a) ? a.Assignment.Roles.Contains(Role.Administrator) : p.Has(Role.Administrator)));
        if (remaining > 0)
        {
            return [];
        }

        var byId = directory.ToDictionary(p => p.Id);
        return assignments
            .Where(a => byId[a.Assignment.Person].Has(Role.Administrator))
            .Select(a => new LineViolation(a.Line, new RuleViolation(RuleCode.LastAdministrator, RuleSources.Roles,
                Arguments: new Dictionary<string, string> { ["person"] = a.Assignment.Person.Value, ["name"] = byId[a.Assignment.Person].DisplayName })));
    }

    private static RuleViolation Named(RuleCode code, string key, string value) =>
        new(code, RuleSources.Roles, Arguments: new Dictionary<string, string> { [key] = value });

    /// <summary>Active people by object id and by userPrincipalName, both case-insensitive as Entra treats them.</summary>
    private sealed class PersonIndex
    {
        private readonly Dictionary<string, Person> byKey = new(StringComparer.OrdinalIgnoreCase);

        public PersonIndex(IEnumerable<Person> people)
        {
            foreach (var person in people.Where(p => p.Active))
            {
                byKey.TryAdd(person.Id.Value, person);
                if (!string.IsNullOrWhiteSpace(person.UserPrincipalName))
                {
                    byKey.TryAdd(person.UserPrincipalName.Trim(), person);
                }
            }
        }

        public Person? Resolve(string? text) => string.IsNullOrWhiteSpace(text) ? null : byKey.GetValueOrDefault(text.Trim());
    }
}
