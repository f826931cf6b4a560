using TalkBot.Domain.People;

namespace TalkBot.Domain.Tests;

/// <summary>The discipline office of a level (000 §四(一); SPEC §6).</summary>
public class DisciplineOfficesTests
{
    private static readonly Person[] People =
    [
        A.Person().Id("do-bureau").In("bureau").With(Role.DisciplineOffice),
        A.Person().Id("do-branch").In("branch").With(Role.DisciplineOffice),
        A.Person().Id("do-branch-2").In("branch").With(Role.DisciplineOffice, Role.Recorder),
        A.Person().Id("do-branch-gone").In("branch").With(Role.DisciplineOffice).Inactive(),
        A.Person().Id("head-branch").In("branch").With(Role.DisciplineOfficeHead),
        A.Person().Id("cadre").In("branch"),
        A.Person().Id("do-old").In("old").With(Role.DisciplineOffice).Inactive(),
    ];

    private static PersonId[] Ids(params string[] ids) => [.. ids.Select(i => new PersonId(i))];

    [Fact]
    public void Office_OfAUnit_IsItsActiveDisciplineOfficeMembers() =>
        Assert.Equal(Ids("do-branch", "do-branch-2"), DisciplineOffices.Of(new UnitId("branch"), People));

    [Fact]
    public void Office_OfAUnitWithoutOne_IsEveryActiveDisciplineOfficeMember()
    {
        Assert.Equal(Ids("do-bureau", "do-branch", "do-branch-2"), DisciplineOffices.Of(new UnitId("station"), People));
        Assert.Equal(Ids("do-bureau", "do-branch", "do-branch-2"), DisciplineOffices.Of(new UnitId("old"), People));
    }

    [Fact]
    public void Office_OfNoUnit_IsTheMembersWithoutAUnit_OrElseEveryOne()
    {
        Person unitless = A.Person().Id("do-none").With(Role.DisciplineOffice).Build() with { UnitId = null };

        Assert.Equal(Ids("do-none"), DisciplineOffices.Of(null, [.. People, unitless]));
        Assert.Equal(Ids("do-bureau", "do-branch", "do-branch-2"), DisciplineOffices.Of(null, People));
    }

    [Fact]
    public void Office_WhenNobodyHoldsTheRole_IsEmpty() =>
        Assert.Empty(DisciplineOffices.Of(new UnitId("branch"), [A.Person().Id("cadre").In("branch")]));
}
