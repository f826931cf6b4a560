using TalkBot.Domain.People;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;
using static TalkBot.Domain.Tests.At;

namespace TalkBot.Domain.Tests;

public class PersonScopesTests
{
    private static readonly Person Office = A.Person().Id("office").In("office").With(Role.DisciplineOffice);
    private static readonly Person Secretary = A.Person().Id("secretary").With(Role.UnitSecretary);
    private static readonly Person OrgDept = A.Person().Id("orgdept").With(Role.OrganizationDept);
    private static readonly Person Admin = A.Person().Id("admin").With(Role.Administrator);
    private static readonly Person Recorder = A.Person().Id("recorder").With(Role.Recorder);
    private static readonly Person Cadre = A.Person().Id("cadre");
    private static readonly Person Talkee = A.Person().Id("talkee");
    private static readonly Person Left = A.Person().Id("left").With(Role.Recorder).Inactive();

    private static readonly Talk TheTalk = Talk.Restore(
        new TalkId("t-1"), TalkKind.Routine, [Talkee.Id], [Secretary.Id], Recorder.Id, Office.Id,
        Shanghai(2026, 3, 11, 10), "三楼会议室", D(2026, 3, 9), null, Shanghai(2026, 3, 9), TalkStatus.Scheduled);

    private static IEnumerable<Person> Everyone => [Office, Secretary, OrgDept, Admin, Recorder, Cadre, Talkee, Left];

    private static string[] Chosen(PersonScope scope) => [.. Everyone.Where(scope.Includes).Select(p => p.Id.Value).Order()];

    [Fact]
    public void Talkees_AreActiveOthers_ForWhoeverMayCreateTalks()
    {
        Assert.Equal(["admin", "cadre", "office", "orgdept", "recorder", "talkee"], Chosen(PersonScopes.Talkees(Secretary)));
        Assert.DoesNotContain("office", Chosen(PersonScopes.Talkees(Office)));
        Assert.Empty(Chosen(PersonScopes.Talkees(Cadre)));
    }

    [Fact]
    public void Talkers_AreAnyoneActive_TheTiersTalkersFirst()
    {
        var scope = PersonScopes.Talkers(Office);

        Assert.Equal(["admin", "cadre", "office", "orgdept", "recorder", "secretary", "talkee"], Chosen(scope));
        Assert.True(scope.Prefers(Secretary));
        Assert.False(scope.Prefers(Cadre));
    }

    [Fact]
    public void Recorders_AreRecordersAndTheDisciplineOffice_000_四一4()
    {
        var scope = PersonScopes.Recorders(Secretary);

        Assert.Equal(["office", "recorder"], Chosen(scope));
        Assert.Equal("000 §四(一)4", scope.Source);
    }

    [Fact]
    public void ARecord_NamesNoTalkeeAsTalkerOrRecorder_AndOnlyWhoeverLogsTheTalkMayNameAnyone()
    {
        Assert.DoesNotContain("talkee", Chosen(PersonScopes.RecordTalkers(Recorder, TheTalk, Office)));
        Assert.Contains("cadre", Chosen(PersonScopes.RecordTalkers(Recorder, TheTalk, Office)));
        Assert.True(PersonScopes.RecordTalkers(Recorder, TheTalk, Office).Prefers(Secretary));
        Assert.Equal(["office", "recorder"], Chosen(PersonScopes.RecordRecorders(Recorder, TheTalk, Office)));
        // 000 §四(一)4: the talk's talker may not log it (its recorder and its office do), so may name nobody in it.
        Assert.Empty(Chosen(PersonScopes.RecordTalkers(Secretary, TheTalk, Office)));
        Assert.Empty(Chosen(PersonScopes.RecordRecorders(Cadre, TheTalk, Office)));
    }

    [Fact]
    public void Subjects_AreOthers_ForTheOfficeOrTheOrganisationDepartment()
    {
        Assert.DoesNotContain("office", Chosen(PersonScopes.LeadSubjects(Office)));
        Assert.Contains("cadre", Chosen(PersonScopes.LeadSubjects(Office)));
        Assert.Empty(Chosen(PersonScopes.LeadSubjects(OrgDept)));
        Assert.Contains("cadre", Chosen(PersonScopes.CaseSubjects(OrgDept)));
        Assert.DoesNotContain("orgdept", Chosen(PersonScopes.CaseSubjects(OrgDept)));
        Assert.Empty(Chosen(PersonScopes.CaseSubjects(Secretary)));
    }

    [Fact]
    public void Archives_AreTheOffices_AndRoles_TheAdministrators()
    {
        Assert.Contains("office", Chosen(PersonScopes.ArchiveSubjects(Office)));
        Assert.Empty(Chosen(PersonScopes.ArchiveSubjects(Admin)));
        Assert.Contains("admin", Chosen(PersonScopes.RoleHolders(Admin)));
        Assert.Empty(Chosen(PersonScopes.RoleHolders(Office)));
    }

    [Fact]
    public void Check_NamesThePersonAndTheField_AndSaysWhenTheDirectoryLacksThem()
    {
        var scope = PersonScopes.Recorders(Office);

        Assert.Null(scope.Check(Recorder.Id, Recorder));
        var outside = scope.Check(Cadre.Id, Cadre);
        var unknown = scope.Check(new PersonId("nobody"), null);
        var left = scope.Check(Left.Id, Left);

        Assert.Equal(RuleCode.PersonNotChoosable, outside?.Code);
        Assert.Equal("000 §四(一)4", outside?.Source);
        Assert.Equal(("cadre", "Recorder", null), (outside?.Argument("person"), outside?.Argument("field"), outside?.Argument("unknown")));
        Assert.Equal(("nobody", "true"), (unknown?.Argument("person"), unknown?.Argument("unknown")));
        Assert.Equal(RuleCode.PersonNotChoosable, left?.Code);
    }
}
