using TalkBot.Domain.People;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;

namespace TalkBot.Domain.Tests;

public class PermissionsTests
{
    [Theory]
    [InlineData(Role.DisciplineOffice, TalkKind.Routine, true)]
    [InlineData(Role.DisciplineOffice, TalkKind.Reminder, true)]
    [InlineData(Role.DisciplineOffice, TalkKind.Admonishment, true)]
    [InlineData(Role.BureauSecretary, TalkKind.Routine, true)]
    [InlineData(Role.DisciplineGroupLeader, TalkKind.Routine, true)]
    [InlineData(Role.UnitSecretary, TalkKind.Routine, true)]
    [InlineData(Role.StationedDisciplineLeader, TalkKind.Routine, true)]
    [InlineData(Role.UnitSecretary, TalkKind.Reminder, false)]
    [InlineData(Role.BureauSecretary, TalkKind.Admonishment, false)]
    [InlineData(Role.OrganizationDept, TalkKind.Admonishment, true)]
    [InlineData(Role.OrganizationDept, TalkKind.Routine, false)]
    [InlineData(Role.UnitHead, TalkKind.Routine, false)]
    [InlineData(Role.Recorder, TalkKind.Routine, false)]
    [InlineData(Role.Administrator, TalkKind.Routine, false)]
    [InlineData(Role.BureauCommitteeMember, TalkKind.Routine, false)]
    public void CanCreate_FollowsTheRoles(Role role, TalkKind kind, bool allowed)
    {
        Person person = A.Person().With(role);

        Assert.Equal(allowed, Permissions.CanCreate(person, kind));
        var refusal = Permissions.CheckCreate(person, kind);
        Assert.Equal(allowed, refusal is null);
        if (refusal is not null)
        {
            Assert.Equal(RuleCode.NotPermitted, refusal.Code);
            Assert.False(string.IsNullOrWhiteSpace(refusal.Source));
        }
    }

    [Fact]
    public void CanCreateTalks_ShowsTheButtonOnlyToThoseWhoMayCreateSomething()
    {
        Assert.True(Permissions.CanCreateTalks(A.Person().With(Role.UnitSecretary)));
        Assert.True(Permissions.CanCreateTalks(A.Person().With(Role.OrganizationDept)));
        Assert.False(Permissions.CanCreateTalks(A.Person().With(Role.UnitHead, Role.Recorder)));
        Assert.False(Permissions.CanCreateTalks(A.Person()));
    }

    [Fact]
    public void CreatableKinds_ForOrganisationDepartment_IsAdmonishmentOnly() =>
        Assert.Equal([TalkKind.Admonishment], Permissions.CreatableKinds(A.Person().With(Role.OrganizationDept)));

    [Fact]
    public void InactivePerson_MayNotCreateTalks_NorBeATalkee()
    {
        Person inactive = A.Person().With(Role.DisciplineOffice).Inactive();

        Assert.False(Permissions.CanCreateTalks(inactive));
        Assert.Equal(RuleCode.TalkeeInactive, Permissions.CheckTalkee(inactive)?.Code);
        Assert.Null(Permissions.CheckTalkee(A.Person()));
    }
}
