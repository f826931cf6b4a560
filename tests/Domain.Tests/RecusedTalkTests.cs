using TalkBot.Domain.People;
using TalkBot.Domain.Plans;

namespace TalkBot.Domain.Tests;

/// <summary>
/// 回避 on tier 4 (000 §二4 names no delegate; 000 §四(五)3): the discipline office of the talker's level names another
/// talker from the grassroots unit's leadership, once.
/// </summary>
public class RecusedTalkTests
{
    private static readonly Person Stationed = A.Person().Id("stationed").In("east").With(Role.StationedDisciplineLeader);
    private static readonly Person Member = A.Person().Id("member").In("east").With(Role.UnitCommitteeMember);
    private static readonly Person Secretary = A.Person().Id("secretary").In("east").With(Role.UnitSecretary);
    private static readonly Person EastOffice = A.Person().Id("office-east").In("east").With(Role.DisciplineOffice);
    private static readonly Person BureauOffice = A.Person().Id("office-bureau").In("bureau").With(Role.DisciplineOffice);
    private static readonly Person Head = A.Person().Id("head").In("station").With(Role.UnitHead, Role.UnitCommitteeMember);
    private static readonly Person[] Offices = [EastOffice, BureauOffice];

    private static readonly PlanItem Waiting =
        new(Head.Id, Tier.StationedDisciplineLeader, TalkeeLine.GrassrootsUnitHead, new UnitId("station"), PlanItemStatus.Recused);

    [Fact]
    public void TheOfficeOfTheLevel_NamesAMemberOfTheUnitsLeadership_AndTheTalkIsHis()
    {
        var (item, refusal) = Waiting.AssignByOffice(EastOffice, Stationed, Member, Offices);

        Assert.Null(refusal);
        Assert.Equal((PlanItemStatus.Recused, Member.Id, EastOffice.Id), (item!.Status, item.HandedTo, item.AssignedBy));
        Assert.False(item.WaitsForOffice);
    }

    [Fact]
    public void NamingTheSamePersonAgain_ChangesNothing_AndNamingAnotherAfterwards_IsRefused()
    {
        var (named, _) = Waiting.AssignByOffice(EastOffice, Stationed, Member, Offices);

        Assert.Same(named, named!.AssignByOffice(EastOffice, Stationed, Member, Offices).Item);
        Assert.Equal(PlanRefusal.NotWaitingForOffice, named.AssignByOffice(EastOffice, Stationed, Secretary, Offices).Refusal);
    }

    [Fact]
    public void SomeoneOutsideTheOfficeOfThatLevel_CannotName()
    {
        Assert.Equal(PlanRefusal.NotTheOffice, Waiting.AssignByOffice(Member, Stationed, Secretary, Offices).Refusal);
        // The talker's unit has an office of its own: the bureau's office is not that level's.
        Assert.Equal(PlanRefusal.NotTheOffice, Waiting.AssignByOffice(BureauOffice, Stationed, Secretary, Offices).Refusal);
        Person gone = A.Person().Id("office-gone").In("east").With(Role.DisciplineOffice).Inactive();
        Assert.Equal(PlanRefusal.NotTheOffice, Waiting.AssignByOffice(gone, Stationed, Secretary, [.. Offices, gone]).Refusal);
    }

    [Fact]
    public void AUnitWithoutAnOfficeOfItsOwn_IsAssignedByTheOfficeItFallsTo()
    {
        Assert.Null(Waiting.AssignByOffice(BureauOffice, Stationed, Secretary, [BureauOffice]).Refusal);
    }

    [Fact]
    public void TheRecusedTalker_TheTalkee_SomeoneOfAnotherUnit_OrWithoutALeadershipRole_CannotBeNamed()
    {
        Person cadre = A.Person().Id("cadre").In("east");
        Person elsewhere = A.Person().Id("elsewhere").In("west").With(Role.UnitSecretary);
        Person left = A.Person().Id("left").In("east").With(Role.UnitCommitteeMember).Inactive();

        foreach (var person in new[] { Stationed, Head with { UnitId = new UnitId("east") }, cadre, elsewhere, left })
        {
            Assert.Equal(PlanRefusal.NotAssignable, Waiting.AssignByOffice(EastOffice, Stationed, person, Offices).Refusal);
        }

        Assert.Equal(PlanRefusal.NotAssignable, Waiting.AssignByOffice(EastOffice, Stationed, null, Offices).Refusal);
    }

    [Fact]
    public void ATalkNotWaitingForTheOffice_CannotBeAssigned()
    {
        var open = Waiting with { Status = PlanItemStatus.Planned };
        var handedOn = Waiting with { HandedTo = Member.Id };

        Assert.Equal(PlanRefusal.NotWaitingForOffice, open.AssignByOffice(EastOffice, Stationed, Secretary, Offices).Refusal);
        Assert.Equal(PlanRefusal.NotWaitingForOffice, handedOn.AssignByOffice(EastOffice, Stationed, Secretary, Offices).Refusal);
    }

    [Fact]
    public void Candidates_AreTheUnitsLeadershipAndOffice_WithoutTheRecusedTalkerOrTheTalkee()
    {
        var candidates = RecusedTalks.Candidates(Stationed, Head.Id, [Stationed, Member, Secretary, EastOffice, BureauOffice, Head, Member]);

        Assert.Equal([Member.Id, Secretary.Id, EastOffice.Id], candidates.Select(c => c.Id));
    }
}
