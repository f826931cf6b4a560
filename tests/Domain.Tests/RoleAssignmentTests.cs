using Microsoft.Extensions.Time.Testing;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;

namespace TalkBot.Domain.Tests;

/// <summary>SPEC §1: roles and ranks are assigned by an active administrator, to people in the directory only.</summary>
public class RoleAssignmentTests
{
    private static readonly Person Admin = A.Person().Id("admin").Named("吴管理").With(Role.Administrator);
    private static readonly Person Cadre = A.Person().Id("cadre").Named("李干部").With(Role.UnitHead).Build() with { UserPrincipalName = "li@test.local" };
    private static readonly Person Clerk = A.Person().Id("clerk").Named("王干事");
    private static readonly Person Gone = A.Person().Id("gone").Named("赵离职").Inactive();
    private static readonly Person[] Directory = [Admin, Cadre, Clerk, Gone];

    private static RoleAssignmentRequest Row(string? person, string roles, string? rank, int line = 0) =>
        new(person, roles.Split(';', StringSplitOptions.RemoveEmptyEntries), rank, line);

    private static RoleAssignmentCheck Check(params RoleAssignmentRequest[] rows) => RoleAssignmentRules.Check(Admin, Directory, rows);

    [Fact]
    public void Assign_ByAnActiveAdministrator_WithNamesAndChineseTerms_IsAccepted()
    {
        var check = Check(Row("cadre", "Recorder;纪委办（监察处）;  基层党委(党总支、党支部)书记 ", "副处级"));

        Assert.True(check.IsValid);
        var assignment = Assert.Single(check.Assignments);
        Assert.Equal(new PersonId("cadre"), assignment.Person);
        Assert.Equal(new HashSet<Role> { Role.Recorder, Role.DisciplineOffice, Role.UnitSecretary }, assignment.Roles);
        Assert.Equal(Rank.DeputyDivision, assignment.Rank);
    }

    [Theory]
    [InlineData("SectionAndBelow", Rank.SectionAndBelow)]
    [InlineData("科级及以下", Rank.SectionAndBelow)]
    [InlineData("deputydivision", Rank.DeputyDivision)]
    [InlineData("副处级", Rank.DeputyDivision)]
    [InlineData("Division", Rank.Division)]
    [InlineData(" 正处级 ", Rank.Division)]
    public void Rank_IsReadAsNameOrChineseLabel(string text, Rank expected)
    {
        Assert.True(RoleTerms.TryParseRank(text, out var rank));
        Assert.Equal(expected, rank);
    }

    [Fact]
    public void Person_MayBeNamedByUserPrincipalName_InAnyCase()
    {
        var check = Check(Row("LI@test.local", "", "Division"));

        Assert.Equal(new PersonId("cadre"), Assert.Single(check.Assignments).Person);
        Assert.Empty(check.Assignments[0].Roles);
    }

    [Theory]
    [InlineData("nobody")]
    [InlineData("gone")] // left the directory: kept for history, no longer given roles
    public void UnknownOrInactivePerson_IsRefused_NamingThem(string person)
    {
        var check = Check(Row(person, "Recorder", "Division"));

        var problem = Assert.Single(check.Problems).Violation;
        Assert.Equal(RuleCode.PersonNotInDirectory, problem.Code);
        Assert.Equal(person, problem.Argument("person"));
        Assert.Equal(RuleSources.Roles, problem.Source);
        Assert.Empty(check.Assignments);
    }

    [Fact]
    public void UnknownRole_IsRefused_NamingIt()
    {
        var check = Check(Row("cadre", "Recorder;Chairman", "Division"));

        var problem = Assert.Single(check.Problems).Violation;
        Assert.Equal(RuleCode.RoleUnknown, problem.Code);
        Assert.Equal("Chairman", problem.Argument("role"));
        Assert.Empty(check.Assignments);
    }

    [Theory]
    [InlineData("Colonel")]
    [InlineData("1")] // an enum's number is not a rank
    [InlineData("处级")]
    public void BadRank_IsRefused_NamingIt(string rank)
    {
        var problem = Assert.Single(Check(Row("cadre", "Recorder", rank)).Problems).Violation;

        Assert.Equal(RuleCode.RankUnknown, problem.Code);
        Assert.Equal(rank, problem.Argument("rank"));
    }

    [Fact]
    public void MissingRank_IsRequired()
    {
        var problem = Assert.Single(Check(Row("cadre", "Recorder", " ")).Problems).Violation;

        Assert.Equal(RuleCode.Required, problem.Code);
        Assert.Equal("rank", problem.Argument("field"));
    }

    [Theory]
    [InlineData(false, Role.DisciplineOffice)] // not an administrator
    [InlineData(true, Role.Administrator)] // an administrator no longer in the directory
    public void OnlyAnActiveAdministrator_MayAssign(bool inactive, Role role)
    {
        var builder = A.Person().With(role);
        Person actor = inactive ? builder.Inactive() : builder;

        var check = RoleAssignmentRules.Check(actor, Directory, [Row("cadre", "Recorder", "Division")]);

        Assert.False(RoleAssignmentRules.MayAssign(actor));
        var problem = Assert.Single(check.Problems).Violation;
        Assert.Equal(RuleCode.NotPermitted, problem.Code);
        Assert.Equal("SPEC §1", problem.Source);
        Assert.Empty(check.Assignments);
    }

    [Fact]
    public void OneBadRow_RefusesAll_AndReportsEveryProblemWithItsLine()
    {
        var check = Check(
            Row("cadre", "Recorder", "Division", line: 2),
            Row("clerk", "Recorder;Boss", "Captain", line: 3),
            Row("li@test.local", "UnitHead", "Division", line: 4));

        Assert.Empty(check.Assignments);
        Assert.Equal(
            [(3, RuleCode.RoleUnknown), (3, RuleCode.RankUnknown), (4, RuleCode.PersonListedTwice)],
            check.Problems.Select(p => (p.Line, p.Violation.Code)));
        Assert.Equal("2", check.Problems[2].Violation.Argument("line"));
    }

    [Fact]
    public void TheLastAdministrator_KeepsTheRole()
    {
        var check = Check(Row("admin", "Recorder", "SectionAndBelow", line: 2));

        Assert.Equal(RuleCode.LastAdministrator, Assert.Single(check.Problems).Violation.Code);
        Assert.True(Check(Row("admin", "Recorder", "SectionAndBelow", 2), Row("clerk", "Administrator", "SectionAndBelow", 3)).IsValid);
    }

    [Fact]
    public void SameAssignmentAgain_IsNoChange_AndAChangeRecordsBeforeAndAfter()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8)));
        var assignment = new RoleAssignment(Cadre.Id, new HashSet<Role> { Role.UnitHead }, Rank.SectionAndBelow);

        Assert.Null(assignment.ChangeFrom(Cadre.Roles, Cadre.Rank, Admin.Id, AssignmentSource.Card, time));

        var change = new RoleAssignment(Cadre.Id, new HashSet<Role> { Role.Recorder }, Rank.Division)
            .ChangeFrom(Cadre.Roles, Cadre.Rank, Admin.Id, AssignmentSource.Csv, time);
        Assert.NotNull(change);
        Assert.Equal([Role.UnitHead], change.RolesBefore);
        Assert.Equal([Role.Recorder], change.RolesAfter);
        Assert.Equal((Rank.SectionAndBelow, Rank.Division), (change.RankBefore, change.RankAfter));
        Assert.Equal((Admin.Id, AssignmentSource.Csv, time.GetUtcNow()), (change.By, change.Source, change.At));
    }

    [Fact]
    public void EveryRole_IsReadByItsName()
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            Assert.True(RoleTerms.TryParseRole(role.ToString().ToUpperInvariant(), out var read));
            Assert.Equal(role, read);
        }
    }

    [Fact]
    public void PersonNotInDirectory_NamesThePersonAsGiven_Trimmed()
    {
        var problem = RoleAssignmentRules.PersonNotInDirectory("  zhao@test.local ");

        Assert.Equal((RuleCode.PersonNotInDirectory, "SPEC §1", "zhao@test.local"), (problem.Code, problem.Source, problem.Argument("person")));
    }
}
