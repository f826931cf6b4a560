using TalkBot.Domain.Leads;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;
using static TalkBot.Domain.Tests.At;
using static TalkBot.Domain.Tests.Cases;

namespace TalkBot.Domain.Tests;

/// <summary>Registering a lead (000 §三2–3) and attaching its reminder talks.</summary>
public class LeadRegistrationTests
{
    private static readonly DateTimeOffset Now = Shanghai(2026, 3, 9, 10);
    private static readonly LeadId Id = new(Hex);

    private static readonly Person Office = A.Person().Id("do").In("bureau").With(Role.DisciplineOffice);
    private static readonly Person Cadre = A.Person().Id("cadre").In("branch");

    private static LeadDraft Draft(string? summary = "收受管理服务对象礼金", Reporter? reporter = null) =>
        new(LeadSource.Petition, DisciplineCategory.Integrity, summary, reporter);

    [Fact]
    public void Register_ByActiveDisciplineOffice_RecordsTheLeadAtTheOfficesLevel()
    {
        var lead = Lead.Register(Id, Draft("  收受管理服务对象礼金  "), Office, Cadre, Now);

        Assert.Equal(Id, lead.Id);
        Assert.Equal(new PersonId("cadre"), lead.Subject);
        Assert.Equal(LeadSource.Petition, lead.Source);
        Assert.Equal(DisciplineCategory.Integrity, lead.Category);
        Assert.Equal("收受管理服务对象礼金", lead.Summary);
        Assert.Equal(new UnitId("bureau"), lead.OfficeUnit);
        Assert.Equal(new PersonId("do"), lead.RegisteredBy);
        Assert.Equal(Now, lead.RegisteredAt);
        Assert.Equal(LeadStatus.Registered, lead.Status);
        Assert.Empty(lead.Talks);
        Assert.Empty(lead.Dispositions);
    }

    [Fact]
    public void Listing_IsTheLeadWithoutItsReporter_AndOpenUntilClosedAsUnfounded()
    {
        var lead = Lead.Register(Id, Draft(reporter: new Reporter("赵举报", "第二车间")), Office, Cadre, Now);

        var listing = lead.Listing;

        Assert.Equal((Id, Cadre.Id, "收受管理服务对象礼金", LeadStatus.Registered, Now, true),
            (listing.Id, listing.Subject, listing.Summary, listing.Status, listing.RegisteredAt, listing.IsOpen));
        Assert.DoesNotContain(typeof(LeadListing).GetProperties(), p => p.PropertyType == typeof(Reporter));
        Assert.False((listing with { Status = LeadStatus.Closed }).IsOpen);
    }

    [Theory]
    [InlineData(Role.UnitSecretary)]
    [InlineData(Role.OrganizationDept)]
    [InlineData(Role.DisciplineOfficeHead)]
    [InlineData(Role.DisciplineSecretary)]
    [InlineData(Role.Administrator)]
    public void Register_ByAnyoneButTheDisciplineOffice_IsNotPermitted(Role role)
    {
        Person other = A.Person().In("bureau").With(role);

        var violation = RefusedOnce(() => Lead.Register(Id, Draft(), other, Cadre, Now));

        Assert.Equal(RuleCode.NotPermitted, violation.Code);
        Assert.Equal("000 §三2–3", violation.Source);
    }

    [Fact]
    public void Register_ByInactiveDisciplineOffice_IsNotPermitted() =>
        Assert.Equal(RuleCode.NotPermitted,
            RefusedOnce(() => Lead.Register(Id, Draft(), A.Person().With(Role.DisciplineOffice).Inactive(), Cadre, Now)).Code);

    [Fact]
    public void Register_WithoutSubjectSourceCategoryOrSummary_NamesEveryMissingField()
    {
        var violations = Refused(() => Lead.Register(Id, new LeadDraft(null, null, "   ", null), Office, null, Now));

        Assert.All(violations, v => Assert.Equal(RuleCode.Required, v.Code));
        Assert.All(violations, v => Assert.Equal("000 §三2–3", v.Source));
        Assert.Equal(
            [Lead.Fields.Subject, Lead.Fields.Source, Lead.Fields.Category, Lead.Fields.Summary],
            violations.Select(v => v.Argument("field")));
    }

    [Fact]
    public void Register_WithoutSummaryOnly_NamesTheSummary() =>
        Assert.Equal(Lead.Fields.Summary, RefusedOnce(() => Lead.Register(Id, Draft(summary: null), Office, Cadre, Now)).Argument("field"));

    [Fact]
    public void Register_AboutAnInactiveSubject_IsTalkeeInactive()
    {
        Person gone = A.Person().Id("gone").Inactive();

        var violation = RefusedOnce(() => Lead.Register(Id, Draft(), Office, gone, Now));

        Assert.Equal(RuleCode.TalkeeInactive, violation.Code);
        Assert.Equal("gone", violation.Argument("person"));
    }

    [Fact]
    public void Register_AboutTheRegistrarThemselves_IsSubjectIsActor()
    {
        var violation = RefusedOnce(() => Lead.Register(Id, Draft(), Office, Office, Now));

        Assert.Equal(RuleCode.SubjectIsActor, violation.Code);
        Assert.Equal("000 §三2–3", violation.Source);
    }

    [Fact]
    public void Register_TrimsTheReporter_AndDropsBlankParts()
    {
        var lead = Lead.Register(Id, Draft(reporter: new Reporter("  王五 ", "   ")), Office, Cadre, Now);

        Assert.Equal("王五", lead.Reporter.Name);
        Assert.Null(lead.Reporter.Unit);
        Assert.False(lead.Reporter.IsAnonymous);
    }

    [Fact]
    public void Register_WithoutReporter_IsAnonymous()
    {
        var none = Lead.Register(Id, Draft(reporter: null), Office, Cadre, Now);
        var blank = Lead.Register(Id, Draft(reporter: new Reporter(" ", "")), Office, Cadre, Now);

        Assert.Equal(new Reporter(null, null), none.Reporter);
        Assert.True(none.Reporter.IsAnonymous);
        Assert.Equal(new Reporter(null, null), blank.Reporter);
        Assert.True(blank.Reporter.IsAnonymous);
    }

    [Fact]
    public void Register_ReporterUnitOnly_IsNotAnonymous() =>
        Assert.False(Lead.Register(Id, Draft(reporter: new Reporter(null, " 某分局 ")), Office, Cadre, Now).Reporter.IsAnonymous);

    [Fact]
    public void AttachTalk_First_PutsTheLeadInTalk_AndTheSameTalkAgainChangesNothing()
    {
        var lead = Lead.Register(Id, Draft(), Office, Cadre, Now);

        Assert.True(lead.AttachTalk(new TalkId("t-1")));
        Assert.False(lead.AttachTalk(new TalkId("t-1")));

        Assert.Equal([new TalkId("t-1")], lead.Talks);
        Assert.Equal(LeadStatus.InTalk, lead.Status);
    }
}

/// <summary>What follows the reminder talk (000 §四(四)).</summary>
public class LeadDispositionTests
{
    private static readonly DateTimeOffset Now = Shanghai(2026, 3, 12, 16);
    private static readonly DateOnly Today = D(2026, 3, 12);
    private static readonly DateOnly Due = D(2026, 3, 19);
    private static readonly TalkId FirstTalk = new("t-1");
    private static readonly TalkId SecondTalk = new("t-2");
    private static readonly PersonId By = new("talker");

    private static Lead Registered() => Lead.Register(new LeadId(Hex),
        new LeadDraft(LeadSource.Patrol, DisciplineCategory.Work, "巡察发现工作纪律问题", null),
        A.Person().Id("do").In("bureau").With(Role.DisciplineOffice), A.Person().Id("cadre"), Shanghai(2026, 3, 2));

    private static Lead Talked()
    {
        var lead = Registered();
        lead.AttachTalk(FirstTalk);
        return lead;
    }

    private static IReadOnlyList<Disposition> Dispose(Lead lead, string? formId, params DispositionDraft[] drafts) =>
        lead.Dispose(By, drafts, formId, latestTalkHeld: true, Today, Now);

    private static DispositionDraft Complete(DispositionKind kind) => kind switch
    {
        DispositionKind.WrittenReply => new(kind, "说明资金往来", Due),
        DispositionKind.SuggestionAdopted or DispositionKind.ClosedUnfounded or DispositionKind.Criticism => new(kind, "说明"),
        DispositionKind.SelfExamination or DispositionKind.SecondTalk or DispositionKind.LetterInquiry
            or DispositionKind.PreliminaryVerification => new(kind, DueDate: Due),
        _ => new(kind),
    };

    // What each disposition of 000 §四(四) needs, as read from the seed: a note for 1–4's written content (what to
    // answer, what was adopted, why closed, what the criticism was); a due date for every follow-on that is owed later.
    [Theory]
    [InlineData(DispositionKind.WrittenReply, true, true, true, false)]
    [InlineData(DispositionKind.SuggestionAdopted, true, false, false, false)]
    [InlineData(DispositionKind.ClosedUnfounded, true, false, false, false)]
    [InlineData(DispositionKind.Criticism, true, false, false, false)]
    [InlineData(DispositionKind.SelfExamination, false, true, true, false)]
    [InlineData(DispositionKind.Admonishment, false, false, false, false)]
    [InlineData(DispositionKind.SecondTalk, false, true, false, true)]
    [InlineData(DispositionKind.LetterInquiry, false, true, false, true)]
    [InlineData(DispositionKind.PreliminaryVerification, false, true, false, true)]
    public void Rules_SayWhatEachDispositionNeeds(DispositionKind kind, bool note, bool due, bool talkeeWrites, bool officeTask)
    {
        Assert.Equal(note, DispositionRules.NeedsNote(kind));
        Assert.Equal(due, DispositionRules.NeedsDueDate(kind));
        Assert.Equal(talkeeWrites, DispositionRules.TalkeeWrites(kind));
        Assert.Equal(officeTask, DispositionRules.OfficeTask(kind));
    }

    [Theory]
    [InlineData(DispositionKind.WrittenReply, "说明资金往来", true)]
    [InlineData(DispositionKind.SuggestionAdopted, "采纳关于报销流程的建议", false)]
    [InlineData(DispositionKind.ClosedUnfounded, "反映不实", false)]
    [InlineData(DispositionKind.Criticism, "批评教育", false)]
    [InlineData(DispositionKind.SelfExamination, null, true)]
    [InlineData(DispositionKind.Admonishment, null, false)]
    [InlineData(DispositionKind.SecondTalk, null, true)]
    [InlineData(DispositionKind.LetterInquiry, null, true)]
    [InlineData(DispositionKind.PreliminaryVerification, null, true)]
    public void Dispose_WithWhatTheDispositionNeeds_IsRecordedAfterTheFirstTalk(DispositionKind kind, string? note, bool withDue)
    {
        var lead = Talked();

        var added = Dispose(lead, "f1", new DispositionDraft(kind, note is null ? null : $"  {note} ", withDue ? Due : null));

        var d = Assert.Single(added);
        Assert.Equal(new Disposition(1, kind, note, withDue ? Due : null, 1, By, Now, "f1"), d);
        Assert.Equal([d], lead.Dispositions);
        Assert.Equal(kind == DispositionKind.ClosedUnfounded ? LeadStatus.Closed : LeadStatus.Disposed, lead.Status);
    }

    [Theory]
    [InlineData(DispositionKind.WrittenReply)]
    [InlineData(DispositionKind.SuggestionAdopted)]
    [InlineData(DispositionKind.ClosedUnfounded)]
    [InlineData(DispositionKind.Criticism)]
    public void Dispose_WithoutTheNoteItNeeds_IsRefused(DispositionKind kind)
    {
        var lead = Talked();

        var violation = RefusedOnce(() => Dispose(lead, "f1", Complete(kind) with { Note = "  " }));

        Assert.Equal(RuleCode.DispositionNoteRequired, violation.Code);
        Assert.Equal("000 §四(四)", violation.Source);
        Assert.Equal(kind.ToString(), violation.Argument("kind"));
        Assert.Empty(lead.Dispositions);
        Assert.Equal(LeadStatus.InTalk, lead.Status);
    }

    [Theory]
    [InlineData(DispositionKind.WrittenReply)]
    [InlineData(DispositionKind.SelfExamination)]
    [InlineData(DispositionKind.SecondTalk)]
    [InlineData(DispositionKind.LetterInquiry)]
    [InlineData(DispositionKind.PreliminaryVerification)]
    public void Dispose_WithoutADueDateAfterToday_IsRefused(DispositionKind kind)
    {
        var lead = Talked();

        foreach (DateOnly? due in new DateOnly?[] { null, Today, Today.AddDays(-1) })
        {
            var violation = RefusedOnce(() => Dispose(lead, "f1", Complete(kind) with { DueDate = due }));
            Assert.Equal(RuleCode.DispositionDueDateRequired, violation.Code);
            Assert.Equal(kind.ToString(), violation.Argument("kind"));
        }

        Assert.Single(Dispose(lead, "f1", Complete(kind) with { DueDate = Today.AddDays(1) }));
    }

    [Theory]
    [InlineData(DispositionKind.Criticism)]
    [InlineData(DispositionKind.Admonishment)]
    [InlineData(DispositionKind.SuggestionAdopted)]
    public void Dispose_WithoutAFollowOn_DropsAnyDueDateGiven(DispositionKind kind)
    {
        var d = Assert.Single(Dispose(Talked(), "f1", Complete(kind) with { DueDate = Due }));
        Assert.Null(d.DueDate);
    }

    [Theory]
    [InlineData(DispositionKind.Criticism)]
    [InlineData(DispositionKind.SelfExamination)]
    [InlineData(DispositionKind.Admonishment)]
    [InlineData(DispositionKind.SecondTalk)]
    [InlineData(DispositionKind.LetterInquiry)]
    [InlineData(DispositionKind.PreliminaryVerification)]
    [InlineData(DispositionKind.WrittenReply)]
    public void ClosedUnfounded_WithADispositionThatKeepsTheLeadOpen_Conflicts(DispositionKind other)
    {
        var lead = Talked();

        var violation = RefusedOnce(() => Dispose(lead, "f1", Complete(DispositionKind.ClosedUnfounded), Complete(other)));

        Assert.Equal(RuleCode.DispositionsConflict, violation.Code);
        Assert.Equal("000 §四(四)", violation.Source);
        Assert.Empty(lead.Dispositions);
    }

    [Fact]
    public void ClosedUnfounded_WithSuggestionAdopted_ClosesTheLead()
    {
        var lead = Talked();

        var added = Dispose(lead, "f1", new(DispositionKind.ClosedUnfounded, "反映不实"), new(DispositionKind.SuggestionAdopted, "采纳建议"));

        Assert.Equal([(1, DispositionKind.SuggestionAdopted), (2, DispositionKind.ClosedUnfounded)], added.Select(d => (d.Number, d.Kind)));
        Assert.Equal(LeadStatus.Closed, lead.Status);
    }

    [Fact]
    public void Closed_Lead_TakesNoFurtherTalkOrDisposition()
    {
        var lead = Talked();
        Dispose(lead, "f1", Complete(DispositionKind.ClosedUnfounded));

        var attach = RefusedOnce(() => lead.AttachTalk(SecondTalk));
        Assert.Equal(RuleCode.InvalidState, attach.Code);
        Assert.Equal("Closed", attach.Argument("state"));
        Assert.Equal(RuleCode.DispositionBeforeTalk, RefusedOnce(() => Dispose(lead, "f2", Complete(DispositionKind.Criticism))).Code);
        Assert.Single(lead.Dispositions);
    }

    [Fact]
    public void Dispose_SeveralAtOnce_AreNumberedInOrder_AndOneKindChosenTwiceCountsOnce()
    {
        var lead = Talked();

        var added = Dispose(lead, "f1",
            Complete(DispositionKind.SecondTalk), Complete(DispositionKind.Criticism), Complete(DispositionKind.SelfExamination),
            new DispositionDraft(DispositionKind.Criticism, "另一份"));

        Assert.Equal(
            [(1, DispositionKind.Criticism), (2, DispositionKind.SelfExamination), (3, DispositionKind.SecondTalk)],
            added.Select(d => (d.Number, d.Kind)));
        Assert.Equal("说明", added[0].Note);
        Assert.All(added, d => Assert.Equal(1, d.AfterTalk));
        Assert.Equal(3, lead.Dispositions.Count);
    }

    [Fact]
    public void Dispose_ReportsEveryMissingPart_OfEveryChoice()
    {
        var violations = Refused(() => Dispose(Talked(), "f1", new(DispositionKind.Criticism), new(DispositionKind.WrittenReply)));

        Assert.Equal(
            [(RuleCode.DispositionNoteRequired, "WrittenReply"), (RuleCode.DispositionDueDateRequired, "WrittenReply"),
                (RuleCode.DispositionNoteRequired, "Criticism")],
            violations.Select(v => (v.Code, v.Argument("kind"))));
    }

    [Fact]
    public void Dispose_BeforeAnyTalk_IsRefused()
    {
        var lead = Registered();

        var violation = RefusedOnce(() => Dispose(lead, "f1", Complete(DispositionKind.Criticism)));

        Assert.Equal(RuleCode.DispositionBeforeTalk, violation.Code);
        Assert.Equal("000 §四(四)", violation.Source);
        Assert.Equal(LeadStatus.Registered, lead.Status);
    }

    [Fact]
    public void Dispose_WhileTheLatestTalkIsNotHeld_IsRefused()
    {
        var lead = Talked();

        var violation = RefusedOnce(() => lead.Dispose(By, [Complete(DispositionKind.Criticism)], "f1", latestTalkHeld: false, Today, Now));

        Assert.Equal(RuleCode.DispositionBeforeTalk, violation.Code);
        Assert.Empty(lead.Dispositions);
    }

    [Fact]
    public void Dispose_NothingChosen_IsDispositionRequired()
    {
        var lead = Talked();

        var violation = RefusedOnce(() => Dispose(lead, "f1"));

        Assert.Equal(RuleCode.DispositionRequired, violation.Code);
        Assert.Equal("000 §四(四)", violation.Source);
        Assert.Equal(LeadStatus.InTalk, lead.Status);
    }

    [Fact]
    public void Dispose_SameFormTwice_AddsNothingTheSecondTime()
    {
        var lead = Talked();
        Dispose(lead, "f1", Complete(DispositionKind.Criticism));

        var again = Dispose(lead, "f1", Complete(DispositionKind.Criticism), Complete(DispositionKind.SelfExamination));

        Assert.Empty(again);
        Assert.Equal([DispositionKind.Criticism], lead.Dispositions.Select(d => d.Kind));
    }

    [Fact]
    public void Dispose_ASecondRoundOnTheSameTalk_IsRefused()
    {
        var lead = Talked();
        Dispose(lead, "f1", Complete(DispositionKind.Criticism));

        var violation = RefusedOnce(() => Dispose(lead, "f2", Complete(DispositionKind.SelfExamination)));

        Assert.Equal(RuleCode.DispositionBeforeTalk, violation.Code);
        Assert.Single(lead.Dispositions);
    }

    [Fact]
    public void AttachTalk_ASecondTalk_WithoutSecondTalkDisposition_IsInvalidState()
    {
        var lead = Talked();
        var beforeDisposal = RefusedOnce(() => lead.AttachTalk(SecondTalk));
        Dispose(lead, "f1", Complete(DispositionKind.Criticism), Complete(DispositionKind.LetterInquiry));

        var afterDisposal = RefusedOnce(() => lead.AttachTalk(SecondTalk));

        Assert.Equal((RuleCode.InvalidState, "InTalk"), (beforeDisposal.Code, beforeDisposal.Argument("state")));
        Assert.Equal((RuleCode.InvalidState, "Disposed"), (afterDisposal.Code, afterDisposal.Argument("state")));
        Assert.Equal("000 §三2–3", afterDisposal.Source);
        Assert.Equal([FirstTalk], lead.Talks);
    }

    [Fact]
    public void AfterSecondTalk_ASecondTalkIsAttached_AndDisposedOfAgain()
    {
        var lead = Talked();
        Dispose(lead, "f1", Complete(DispositionKind.Criticism), Complete(DispositionKind.SecondTalk));

        Assert.True(lead.AttachTalk(SecondTalk));
        Assert.Equal([FirstTalk, SecondTalk], lead.Talks);
        Assert.Equal(LeadStatus.InTalk, lead.Status); // the second talk waits for its own dispositions
        Assert.Equal(RuleCode.DispositionBeforeTalk,
            RefusedOnce(() => lead.Dispose(By, [Complete(DispositionKind.PreliminaryVerification)], "f2", latestTalkHeld: false, Today, Now)).Code);

        var second = Dispose(lead, "f2", Complete(DispositionKind.PreliminaryVerification));

        var d = Assert.Single(second);
        Assert.Equal((3, 2, DispositionKind.PreliminaryVerification), (d.Number, d.AfterTalk, d.Kind));
        Assert.Equal([1, 1, 2], lead.Dispositions.Select(x => x.AfterTalk));
        Assert.Equal(LeadStatus.Disposed, lead.Status);
        // No further talk: the second round chose no 再次谈话.
        Assert.Equal(RuleCode.InvalidState, RefusedOnce(() => lead.AttachTalk(new TalkId("t-3"))).Code);
    }

    [Fact]
    public void Check_Empty_IsDispositionRequiredOnly()
    {
        var violation = Assert.Single(DispositionRules.Check([], Today));
        Assert.Equal(RuleCode.DispositionRequired, violation.Code);
    }

    [Fact]
    public void Check_AdmonishmentAlone_NeedsNothingElse() =>
        Assert.Empty(DispositionRules.Check([new DispositionDraft(DispositionKind.Admonishment)], Today));
}
