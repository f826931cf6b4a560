using TalkBot.Domain.Admonishments;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Leads;
using TalkBot.Domain.Ledgers;
using TalkBot.Domain.People;
using static TalkBot.Domain.Tests.At;

namespace TalkBot.Domain.Tests;

/// <summary>Who sees which ledger lines: the office of a level and below, a talker their talks, a cadre their own items.</summary>
public class LedgerAccessTests
{
    private static readonly Unit[] Units =
    [
        new(new UnitId("bureau"), "局", null, UnitLevel.Bureau),
        new(new UnitId("office"), "纪委办", null, UnitLevel.Department, new UnitId("bureau")),
        new(new UnitId("east"), "东城分局党委", null, UnitLevel.PartyCommittee, new UnitId("bureau")),
        new(new UnitId("east-branch"), "东城党支部", null, UnitLevel.Branch, new UnitId("east")),
        new(new UnitId("west"), "西城分局党委", null, UnitLevel.PartyCommittee, new UnitId("bureau")),
    ];

    private static readonly Person BureauOffice = A.Person().Id("bo").In("office").With(Role.DisciplineOffice);
    private static readonly Person EastOffice = A.Person().Id("eo").In("east").With(Role.DisciplineOffice);
    private static readonly Person Talker = A.Person().Id("talker").In("east").With(Role.UnitSecretary);
    private static readonly Person Cadre = A.Person().Id("cadre").In("east-branch");
    private static readonly Person Other = A.Person().Id("other").In("west");

    private static HashSet<UnitId> U(params string[] ids) => [.. ids.Select(i => new UnitId(i))];

    [Fact]
    public void OfficeUnits_OfTheBureausOffice_AreTheWholeBureau_ItsDepartmentBelongingToTheLevelAbove() =>
        Assert.Equal(U("bureau", "office", "east", "east-branch", "west"), LedgerAccess.OfficeUnits(BureauOffice, Units));

    [Fact]
    public void OfficeUnits_OfAUnitsOffice_AreThatUnitAndBelow() =>
        Assert.Equal(U("east", "east-branch"), LedgerAccess.OfficeUnits(EastOffice, Units));

    [Fact]
    public void OfficeUnits_OfSomeoneOutsideTheOffice_AreNone() => Assert.Empty(LedgerAccess.OfficeUnits(Talker, Units));

    [Fact]
    public void Talk_IsSeenByTheOfficeAboveItsTalkee_ItsTalkerAndItsTalkee_NotByOthers()
    {
        bool Sees(Person p) => LedgerAccess.CanSeeTalk(p, LedgerAccess.OfficeUnits(p, Units), [new UnitId("east-branch")], [Talker.Id], null, [Cadre.Id]);

        Assert.True(Sees(BureauOffice));
        Assert.True(Sees(EastOffice));
        Assert.True(Sees(Talker));
        Assert.True(Sees(Cadre));
        Assert.False(Sees(Other));
        Assert.False(Sees(A.Person().Id("wo").In("west").With(Role.DisciplineOffice)));
    }

    [Fact]
    public void Lead_IsSeenByTheOfficeOfItsLevelOrAbove_NeverByTheCadreItIsAbout()
    {
        var lead = new LeadListing(new LeadId("l1"), Cadre.Id, LeadSource.Petition, DisciplineCategory.Political, "问题", LeadStatus.Registered, Shanghai(2026, 3, 2), []);
        var aboutAnOfficer = lead with { Subject = EastOffice.Id };

        Assert.True(LedgerAccess.CanSeeLead(BureauOffice, LedgerAccess.OfficeUnits(BureauOffice, Units), new UnitId("east"), lead));
        Assert.True(LedgerAccess.CanSeeLead(EastOffice, LedgerAccess.OfficeUnits(EastOffice, Units), new UnitId("east"), lead));
        Assert.False(LedgerAccess.CanSeeLead(EastOffice, LedgerAccess.OfficeUnits(EastOffice, Units), new UnitId("office"), lead));
        Assert.False(LedgerAccess.CanSeeLead(EastOffice, LedgerAccess.OfficeUnits(EastOffice, Units), new UnitId("east"), aboutAnOfficer));
        Assert.False(LedgerAccess.CanSeeLead(Cadre, LedgerAccess.OfficeUnits(Cadre, Units), new UnitId("east"), lead));
    }

    [Fact]
    public void Task_IsSeenByItsAssigneeAndItsSubject_AndTheOffice_NotByOthers()
    {
        var task = new TaskListing(new CaseTaskId("l1-WrittenReply-1"), CaseTaskKind.WrittenReply, Cadre.Id, Cadre.Id, [Talker.Id], D(2026, 3, 9), CaseTaskStatus.Open);

        Assert.True(LedgerAccess.CanSeeTask(Cadre, LedgerAccess.OfficeUnits(Cadre, Units), new UnitId("east"), task));
        Assert.True(LedgerAccess.CanSeeTask(Talker, LedgerAccess.OfficeUnits(Talker, Units), new UnitId("east"), task));
        Assert.True(LedgerAccess.CanSeeTask(EastOffice, LedgerAccess.OfficeUnits(EastOffice, Units), new UnitId("east"), task));
        Assert.False(LedgerAccess.CanSeeTask(Other, LedgerAccess.OfficeUnits(Other, Units), new UnitId("east"), task));
    }

    [Fact]
    public void Case_IsSeenByTheCadreItIsAbout_AndItsOffice_NotByAnotherCadre()
    {
        var listing = new CaseListing(new CaseId("c1"), Cadre.Id, Rank.SectionAndBelow, EastOffice.Id, AdmonishmentSituation.PoliticalDiscipline, CaseStatus.Approved,
            false, Shanghai(2026, 3, 2), null, []);

        Assert.True(LedgerAccess.CanSeeCase(Cadre, LedgerAccess.OfficeUnits(Cadre, Units), new UnitId("east"), listing));
        Assert.True(LedgerAccess.CanSeeCase(EastOffice, LedgerAccess.OfficeUnits(EastOffice, Units), new UnitId("east"), listing));
        Assert.False(LedgerAccess.CanSeeCase(Other, LedgerAccess.OfficeUnits(Other, Units), new UnitId("east"), listing));
    }
}
