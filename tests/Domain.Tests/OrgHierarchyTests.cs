using TalkBot.Domain.People;
using TalkBot.Domain.Rules;

namespace TalkBot.Domain.Tests;

public sealed class OrgHierarchyTests
{
    private static readonly PersonId Head = new("p-head");
    private static readonly PersonId EastHead = new("p-east");
    private static readonly PersonId EastClerk = new("p-east-clerk");
    private static readonly PersonId Branch = new("p-branch");
    private static readonly PersonId Member = new("p-member");
    private static readonly PersonId Office = new("p-office");
    private static readonly PersonId Stray = new("p-stray");

    private static List<DirectoryEntry> Tenant() =>
    [
        new(Head, "局机关", null),
        new(EastHead, "东城分局党委", Head),
        new(EastClerk, "东城分局党委", EastHead),
        new(Branch, "城关派出所党支部", EastHead),
        new(Member, null, Branch),
        new(Office, "办公室", Head),
    ];

    private static DerivedUnit Named(Hierarchy h, string name) => h.Units.Single(u => u.Unit.Name == name);

    [Fact]
    public void Derive_HeadsUnitIsTheBureau_DepartmentsNestAlongReportingLines_LevelsFromNames()
    {
        var h = OrgHierarchy.Derive(Tenant(), HierarchyPolicy.Default);

        var bureau = Named(h, "局机关");
        var east = Named(h, "东城分局党委");
        var branch = Named(h, "城关派出所党支部");
        var office = Named(h, "办公室");
        Assert.Equal((UnitLevel.Bureau, LevelBasis.Root, ParentBasis.Root), (bureau.Unit.Level, bureau.Origin.LevelBasis, bureau.Origin.ParentBasis));
        Assert.Equal(bureau.Unit.Id, east.Unit.ParentId);
        Assert.Equal((UnitLevel.PartyCommittee, LevelBasis.Name), (east.Unit.Level, east.Origin.LevelBasis));
        Assert.Equal((EastHead, Head), (east.Origin.Head, east.Origin.HeadManager));
        Assert.Equal(east.Unit.Id, branch.Unit.ParentId);
        Assert.Equal(UnitLevel.Branch, branch.Unit.Level);
        Assert.Equal(2, branch.Origin.Depth);
        Assert.Equal((UnitLevel.Department, LevelBasis.Default), (office.Unit.Level, office.Origin.LevelBasis));
        Assert.Equal(east.Unit.Id, h.Placement[EastClerk]);
        Assert.Equal(branch.Unit.Id, h.Placement[Member]); // no department: the manager's unit
        Assert.Equal(4, h.Units.Count);
    }

    [Fact]
    public void Derive_TheSameDirectoryTwice_GivesTheSameIds_AndANameAloneGivesTheId()
    {
        var first = OrgHierarchy.Derive(Tenant(), HierarchyPolicy.Default);
        var again = OrgHierarchy.Derive([.. Tenant().AsEnumerable().Reverse()], HierarchyPolicy.Default);

        Assert.Equal(first.Units.Select(u => u.Unit).OrderBy(u => u.Id.Value), again.Units.Select(u => u.Unit).OrderBy(u => u.Id.Value));
        Assert.Equal(OrgHierarchy.DepartmentUnitId("办公室"), Named(first, "办公室").Unit.Id);
    }

    [Fact]
    public void Derive_TwoDepartmentsOfOneNameInTwoPlaces_AreTwoUnits()
    {
        var west = new PersonId("p-west");
        var eastOffice = new PersonId("p-east-office");
        var westOffice = new PersonId("p-west-office");
        var h = OrgHierarchy.Derive(
            [.. Tenant(), new(west, "西城分局党委", Head), new(eastOffice, "综合科", EastHead), new(westOffice, "综合科", west)],
            HierarchyPolicy.Default);

        Assert.NotEqual(h.Placement[eastOffice], h.Placement[westOffice]);
        Assert.Equal(2, h.Units.Count(u => u.Unit.Name == "综合科"));
    }

    [Fact]
    public void Derive_LevelsByDepth_AppliesWhereTheNameSaysNothing()
    {
        var policy = new HierarchyPolicy("本局", [UnitLevel.PartyCommittee, UnitLevel.Branch]);
        var h = OrgHierarchy.Derive([.. Tenant(), new(new PersonId("p-team"), "一中队", Branch)], policy);

        Assert.Equal((UnitLevel.PartyCommittee, LevelBasis.Depth), (Named(h, "办公室").Unit.Level, Named(h, "办公室").Origin.LevelBasis));
        Assert.Equal(UnitLevel.Department, Named(h, "一中队").Unit.Level); // depth 3: beyond the list
        Assert.Equal(LevelBasis.Name, Named(h, "东城分局党委").Origin.LevelBasis); // the name still wins
    }

    [Fact]
    public void Derive_PeopleOutsideTheHeadsTree_JoinTheirDepartmentOrStandAlone_AndACycleEnds()
    {
        var a = new PersonId("p-a");
        var b = new PersonId("p-b");
        var h = OrgHierarchy.Derive(
            [.. Tenant(), new(Stray, "办公室", null), new(a, "车队", b), new(b, "车队", a)],
            HierarchyPolicy.Default);

        Assert.Equal(Named(h, "办公室").Unit.Id, h.Placement[Stray]);
        var fleet = Named(h, "车队");
        Assert.Null(fleet.Unit.ParentId);
        Assert.Equal(ParentBasis.NoReportingLine, fleet.Origin.ParentBasis);
        Assert.Equal(h.Placement[a], h.Placement[b]);
    }

    [Fact]
    public void Derive_AHeadWithoutDepartment_GivesTheOrganisationsName()
    {
        var h = OrgHierarchy.Derive([new(Head, null, null), new(Office, "办公室", Head)], new HierarchyPolicy("测试局", []));

        var root = h.Units.Single(u => u.Unit.Level == UnitLevel.Bureau);
        Assert.Equal(("测试局", OrgHierarchy.RootUnitId), (root.Unit.Name, root.Unit.Id.Value));
        Assert.Equal(root.Unit.Id, h.Placement[Head]);
    }

    [Theory]
    [InlineData("东城分局党委", UnitLevel.PartyCommittee)]
    [InlineData("东城分局党委机关党总支", UnitLevel.GeneralBranch)]
    [InlineData("城关所党支部", UnitLevel.Branch)]
    [InlineData("第一支部", UnitLevel.Branch)]
    [InlineData("办公室", null)]
    public void LevelFromName_ReadsTheSuffix(string name, UnitLevel? expected) => Assert.Equal(expected, OrgHierarchy.LevelFromName(name));

    [Fact]
    public void Corrections_OverrideLevelAndParent_AndSurviveAnotherDerivation()
    {
        var admin = new PersonId("p-admin");
        var h = OrgHierarchy.Derive(Tenant(), HierarchyPolicy.Default);
        var office = Named(h, "办公室").Unit.Id;
        var east = Named(h, "东城分局党委").Unit.Id;
        var at = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        UnitCorrection[] corrections = [new(office, UnitLevel.Branch, true, east, admin, at)];

        var corrected = UnitCorrections.Apply(OrgHierarchy.Derive(Tenant(), HierarchyPolicy.Default).Units, corrections);

        var unit = corrected.Single(u => u.Unit.Id == office);
        Assert.Equal((UnitLevel.Branch, east), (unit.Unit.Level, unit.Unit.ParentId!.Value));
        Assert.Equal((LevelBasis.Corrected, ParentBasis.Corrected, admin), (unit.Origin.LevelBasis, unit.Origin.ParentBasis, unit.Origin.CorrectedBy!.Value));
        Assert.Equal(UnitLevel.Department, unit.Origin.DerivedLevel);
    }

    [Fact]
    public void Corrections_AParentThatMakesACycle_IsRefusedAndNotApplied()
    {
        var admin = new Person(new PersonId("p-admin"), "管理员", null, null, Rank.SectionAndBelow, new HashSet<Role> { Role.Administrator }, null);
        var h = OrgHierarchy.Derive(Tenant(), HierarchyPolicy.Default);
        var east = Named(h, "东城分局党委").Unit.Id;
        var branch = Named(h, "城关派出所党支部").Unit.Id;
        var cycle = new UnitCorrection(east, null, true, branch, admin.Id, DateTimeOffset.UnixEpoch);

        var refused = Assert.Throws<DomainRuleException>(() => UnitCorrections.Check(admin, [.. h.Units.Select(u => u.Unit)], cycle));
        Assert.Equal(RuleCode.UnitParentCycle, refused.Violations.Single().Code);
        Assert.Equal(Named(h, "局机关").Unit.Id, UnitCorrections.Apply(h.Units, [cycle]).Single(u => u.Unit.Id == east).Unit.ParentId);
    }

    [Fact]
    public void Corrections_BySomeoneNotAnAdministrator_AreRefused()
    {
        var clerk = new Person(new PersonId("p-clerk"), "干事", null, null, Rank.SectionAndBelow, new HashSet<Role>(), null);
        var h = OrgHierarchy.Derive(Tenant(), HierarchyPolicy.Default);
        var office = Named(h, "办公室").Unit.Id;

        var refused = Assert.Throws<DomainRuleException>(() => UnitCorrections.Check(clerk, [.. h.Units.Select(u => u.Unit)],
            new UnitCorrection(office, UnitLevel.Branch, false, null, clerk.Id, DateTimeOffset.UnixEpoch)));
        Assert.Equal(RuleCode.NotPermitted, refused.Violations.Single().Code);
    }
}
