using TalkBot.Domain.Audit;
using TalkBot.Domain.People;

namespace TalkBot.Domain.Tests;

/// <summary>The approvers of 002 §四2 as an administrator writes them, and the audit line's shape.</summary>
public class ApproverRoleTermsTests
{
    [Theory]
    [InlineData("纪委办(监察处)负责人", Role.DisciplineOfficeHead)]
    [InlineData("纪委办（监察处）负责人", Role.DisciplineOfficeHead)]
    [InlineData(" 纪委办 (监察处) 负责人 ", Role.DisciplineOfficeHead)]
    [InlineData("纪委办负责人", Role.DisciplineOfficeHead)]
    [InlineData("监察处负责人", Role.DisciplineOfficeHead)]
    [InlineData("DisciplineOfficeHead", Role.DisciplineOfficeHead)]
    [InlineData("组织部负责人", Role.OrganizationDeptHead)]
    [InlineData("组织部门负责人", Role.OrganizationDeptHead)]
    [InlineData("organizationdepthead", Role.OrganizationDeptHead)]
    [InlineData("纪委办(监察处)", Role.DisciplineOffice)]
    [InlineData("纪委办", Role.DisciplineOffice)]
    [InlineData("组织部门", Role.OrganizationDept)]
    [InlineData("分管干部的党委副书记", Role.CadreDeputySecretary)]
    [InlineData("纪委书记", Role.DisciplineSecretary)]
    public void Term_ParsesToTheRole(string term, Role role)
    {
        Assert.True(RoleTerms.TryParseRole(term, out var parsed));
        Assert.Equal(role, parsed);
    }

    [Theory]
    [InlineData("负责人")]
    [InlineData("组织部")]
    [InlineData("15")]
    public void Term_NotOfSpec_IsNotARole(string term) => Assert.False(RoleTerms.TryParseRole(term, out _));

    [Fact]
    public void AuditEntry_NamesTheSubject_NeverAReporter()
    {
        Assert.Equal(
            ["At", "Actor", "Action", "Object", "ObjectId", "Subject"],
            typeof(AuditEntry).GetProperties().Select(p => p.Name));

        var at = At.Shanghai(2026, 3, 10);
        var refused = new AuditEntry(at, new PersonId("head"), AuditAction.ApprovalRefused, AuditObject.Admonishment, "c-1", new PersonId("cadre"));
        Assert.Equal(refused, new AuditEntry(at, new PersonId("head"), AuditAction.ApprovalRefused, AuditObject.Admonishment, "c-1", new PersonId("cadre")));
        Assert.NotEqual(refused, refused with { Action = AuditAction.View });
    }
}
