using TalkBot.Domain.Leads;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;
using static TalkBot.Domain.Tests.At;
using static TalkBot.Domain.Tests.Cases;

namespace TalkBot.Domain.Tests;

/// <summary>Who sees a lead and its reporter (SPEC §6; 002 §五1, §五8).</summary>
public class LeadAccessTests
{
    private static readonly Person Office = A.Person().Id("do").In("bureau").With(Role.DisciplineOffice);
    private static readonly Person Colleague = A.Person().Id("do2").In("bureau").With(Role.DisciplineOffice);
    private static readonly Person OtherOffice = A.Person().Id("do-branch").In("branch").With(Role.DisciplineOffice);
    private static readonly Person Subject = A.Person().Id("cadre").In("branch");
    private static readonly Person Talker = A.Person().Id("talker").In("branch").With(Role.UnitSecretary);

    private static Lead NewLead(Person? subject = null) => Lead.Register(new LeadId(Hex),
        new LeadDraft(LeadSource.Petition, DisciplineCategory.Integrity, "收受礼金", new Reporter("王五", "某分局")),
        Office, subject ?? Subject, Shanghai(2026, 3, 2));

    private static (bool View, bool Reporter, bool Briefed, bool Dispose) Access(Person person, Lead lead, params Person[] talkers)
    {
        PersonId[] ids = [.. talkers.Select(t => t.Id)];
        return (LeadAccess.CanView(person, lead), LeadAccess.CanSeeReporter(person, lead), LeadAccess.CanBeBriefed(person, lead, ids),
            LeadAccess.CanDispose(person, lead, ids));
    }

    [Fact]
    public void DisciplineOffice_OfTheLeadsUnit_SeesEverythingIncludingTheReporter()
    {
        var lead = NewLead();

        Assert.Equal((true, true, true, true), Access(Office, lead));
        Assert.Equal((true, true, true, true), Access(Colleague, lead));
    }

    [Fact]
    public void DisciplineOffice_OfAnotherUnit_SeesNeitherTheLeadNorTheReporter() =>
        Assert.Equal((false, false, false, false), Access(OtherOffice, NewLead()));

    [Fact]
    public void Talker_OfTheReminderTalk_IsBriefedButNeverSeesTheReporter()
    {
        var lead = NewLead();

        Assert.Equal((false, false, true, true), Access(Talker, lead, Talker));
        Assert.Equal((false, false, false, false), Access(Talker, lead, A.Person().Id("someone-else")));
    }

    [Fact]
    public void InactiveTalker_IsNotBriefed() =>
        Assert.Equal((false, false, false, false), Access(Talker with { Active = false }, NewLead(), Talker));

    [Fact]
    public void Subject_ListedAsTalker_CanNeitherViewNorBeBriefed() =>
        Assert.Equal((false, false, false, false), Access(Subject, NewLead(), Subject, Talker));

    [Fact]
    public void Subject_WhoWorksInTheDisciplineOfficeOfThatLevel_NeverSeesTheLeadOrTheReporter()
    {
        // SPEC §6: the reporter is never shown to the talkee, even when the talkee is a member of the office itself.
        Person insider = A.Person().Id("insider").In("bureau").With(Role.DisciplineOffice);

        Assert.Equal((false, false, false, false), Access(insider, NewLead(insider), insider));
    }

    [Fact]
    public void InactiveDisciplineOffice_IsRefusedEverything()
    {
        var lead = NewLead();
        var gone = Office with { Active = false };

        Assert.Equal((false, false, false, false), Access(gone, lead));
        Assert.False(LeadAccess.IsDisciplineOffice(gone));
        Assert.False(LeadAccess.CanReadArchive(gone));
    }

    [Fact]
    public void Archive_IsForTheDisciplineOfficeOnly()
    {
        Assert.True(LeadAccess.CanReadArchive(Office));
        Assert.True(LeadAccess.CanReadArchive(OtherOffice));
        Assert.False(LeadAccess.CanReadArchive(Talker));
        Assert.False(LeadAccess.CanReadArchive(A.Person().With(Role.DisciplineOfficeHead)));
    }

    [Fact]
    public void Refusal_CitesConfidentiality()
    {
        Assert.Equal(RuleCode.NotPermitted, LeadAccess.Refusal.Code);
        Assert.Equal("SPEC §6", LeadAccess.Refusal.Source);
    }
}
