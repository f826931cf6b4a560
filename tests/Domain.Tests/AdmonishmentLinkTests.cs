using TalkBot.Domain.Admonishments;
using TalkBot.Domain.Leads;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;
using static TalkBot.Domain.Tests.At;
using static TalkBot.Domain.Tests.Cases;

namespace TalkBot.Domain.Tests;

/// <summary>A proposal's links to the lead it follows (000 §四(四)4) and to earlier cases on the same problem (002 §五5).</summary>
public class AdmonishmentLinkTests
{
    private static readonly DateTimeOffset Now = Shanghai(2026, 3, 9, 10);
    private static readonly Person Office = A.Person().Id("do").In("bureau").With(Role.DisciplineOffice);
    private static readonly Person OtherOffice = A.Person().Id("do-branch").In("branch").With(Role.DisciplineOffice);
    private static readonly Person Cadre = A.Person().Id("cadre").In("branch");
    private static readonly Person Colleague = A.Person().Id("colleague").In("branch");

    private static readonly LeadId LeadId = new(Hex);
    private static readonly CaseId FirstCase = new("11111111111111111111111111111111");
    private static readonly CaseId SecondCase = new("22222222222222222222222222222222");

    private static Lead LeadAbout(Person subject, LeadId? id = null) => Lead.Register(id ?? LeadId,
        new LeadDraft(LeadSource.Petition, DisciplineCategory.Integrity, "收受礼金", null), Office, subject, Now);

    private static AdmonishmentCase CaseAbout(Person subject, CaseId id) => AdmonishmentCase.Propose(id,
        new ProposalDraft(AdmonishmentSituation.IntegritySelfDiscipline, "违规接受宴请", false, AdmonishmentOrigin.Petition), Office, subject, Now);

    private static ProposalDraft Draft(LeadId? lead = null, params CaseId[] earlier) =>
        new(AdmonishmentSituation.IntegritySelfDiscipline, "再次违规接受宴请", false, AdmonishmentOrigin.Lead, Lead: lead, Earlier: earlier);

    private static IReadOnlyList<RuleViolation> Check(ProposalDraft draft, Lead? lead, params AdmonishmentCase[] earlier) =>
        AdmonishmentRules.CheckLinks(Office, Cadre.Id, draft, lead, earlier);

    [Fact]
    public void Links_ToTheOfficesLeadAndToEarlierCasesAboutTheSamePerson_Hold() =>
        Assert.Empty(Check(Draft(LeadId, FirstCase, SecondCase), LeadAbout(Cadre), CaseAbout(Cadre, FirstCase), CaseAbout(Cadre, SecondCase)));

    [Fact]
    public void NoLinks_Hold() => Assert.Empty(Check(Draft(), null));

    [Fact]
    public void Lead_AboutSomeoneElse_IsNotTheSamePerson()
    {
        var violation = Assert.Single(Check(Draft(LeadId), LeadAbout(Colleague)));

        Assert.Equal((RuleCode.LinkNotSamePerson, "002 §五5"), (violation.Code, violation.Source));
    }

    [Fact]
    public void Lead_OfAnotherOffice_DoesNotHold() =>
        Assert.Equal(RuleCode.LinkNotSamePerson,
            Assert.Single(AdmonishmentRules.CheckLinks(OtherOffice, Cadre.Id, Draft(LeadId), LeadAbout(Cadre), [])).Code);

    [Fact]
    public void Lead_NamedButNotFound_DoesNotHold() =>
        Assert.Equal(RuleCode.LinkNotSamePerson, Assert.Single(Check(Draft(LeadId), null)).Code);

    [Fact]
    public void Lead_FoundIsNotTheOneNamed_DoesNotHold() =>
        Assert.Equal(RuleCode.LinkNotSamePerson,
            Assert.Single(Check(Draft(LeadId), LeadAbout(Cadre, new LeadId("ffffffffffffffffffffffffffffffff")))).Code);

    [Fact]
    public void Lead_WhileNoSubjectIsChosen_DoesNotHold() =>
        Assert.Single(AdmonishmentRules.CheckLinks(Office, null, Draft(LeadId), LeadAbout(Cadre), []));

    [Fact]
    public void EarlierCases_NotFoundOrAboutSomeoneElse_AreReportedOnce()
    {
        var violation = Assert.Single(Check(Draft(null, FirstCase, SecondCase), null, CaseAbout(Colleague, FirstCase)));

        Assert.Equal((RuleCode.LinkNotSamePerson, "002 §五5"), (violation.Code, violation.Source));
    }

    [Fact]
    public void EarlierCase_FoundButNotNamed_DoesNotStandInForTheOneNamed() =>
        Assert.Single(Check(Draft(null, FirstCase), null, CaseAbout(Cadre, SecondCase)));

    [Fact]
    public void BadLeadAndBadEarlierCases_AreBothReported() =>
        Assert.Equal([RuleCode.LinkNotSamePerson, RuleCode.LinkNotSamePerson],
            Check(Draft(LeadId, FirstCase), LeadAbout(Colleague), CaseAbout(Colleague, FirstCase)).Select(v => v.Code));
}
