using Microsoft.Extensions.Time.Testing;
using TalkBot.Domain.People;
using TalkBot.Domain.Records;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;
using static TalkBot.Domain.Tests.At;

namespace TalkBot.Domain.Tests;

public class TalkRecordTests
{
    private static readonly PersonId Talker = new("talker");
    private static readonly PersonId Recorder = new("recorder");
    private static readonly PersonId A1 = new("talkee-1");
    private static readonly PersonId A2 = new("talkee-2");
    private readonly FakeTimeProvider _clock = Clock(Shanghai(2026, 3, 11, 16));

    private static Talk TalkOf(TalkKind kind, params PersonId[] talkees) => Talk.Restore(
        new TalkId("t-1"), kind, talkees.Length == 0 ? [A1] : talkees, [Talker, new PersonId("joint")], Recorder, new PersonId("organiser"),
        Shanghai(2026, 3, 11, 10), "三楼会议室", D(2026, 3, 9), null, Shanghai(2026, 3, 9), TalkStatus.Scheduled);

    private static RecordContent Content(Talk talk, Action<ContentBuilder>? change = null)
    {
        var builder = new ContentBuilder(talk);
        change?.Invoke(builder);
        return builder.Build();
    }

    private sealed class ContentBuilder(Talk talk)
    {
        public DateTimeOffset? Start = Shanghai(2026, 3, 11, 10);
        public DateTimeOffset? End = Shanghai(2026, 3, 11, 11);
        public string? Place = "三楼会议室";
        public TalkFormat Format = TalkFormat.Individual;
        public PersonId? Lead = Talker;
        public List<PersonId> Joint = [];
        public PersonId? DelegatedBy;
        public PersonId? RecorderId = Recorder;
        public HashSet<int> Checklist = [.. Enumerable.Range(1, ContentChecklist.Count(talk.Kind))];
        public Func<PersonId, TalkeePart> Part = t => new TalkeePart(t, "公务接待超标准", "已认识到问题", "立即整改", false, []);

        public RecordContent Build() => new(Start, End, Place, Format, Lead, Joint, DelegatedBy, RecorderId, Checklist, [.. talk.Talkees.Select(Part)]);
    }

    private static RuleCode[] Codes(Action action) =>
        [.. Assert.Throws<DomainRuleException>(action).Violations.Select(v => v.Code)];

    [Fact]
    public void Log_FirstVersion_AwaitsVerification()
    {
        var talk = TalkOf(TalkKind.Routine);

        var record = TalkRecord.Log(talk, Content(talk), Recorder, "form-1", _clock);

        Assert.Equal(1, record.Current.Number);
        Assert.Equal(RecordStatus.AwaitingVerification, record.Status);
        Assert.Equal(Recorder, record.Current.Author);
        Assert.Equal(Shanghai(2026, 3, 11, 16), record.Current.At);
        Assert.Empty(record.Current.ChangedFields);
    }

    [Fact]
    public void Log_WithMissingFields_NamesEachOne()
    {
        var talk = TalkOf(TalkKind.Routine);

        var e = Assert.Throws<DomainRuleException>(() => TalkRecord.Log(talk, Content(talk, c =>
        {
            c.Start = null;
            c.End = null;
            c.Place = " ";
            c.Lead = null;
            c.RecorderId = null;
        }), Recorder, null, _clock));

        Assert.Equal(
            [RecordContent.Fields.StartedAt, RecordContent.Fields.EndedAt, RecordContent.Fields.Place, RecordContent.Fields.LeadTalker, RecordContent.Fields.Recorder],
            e.Violations.Where(v => v.Code == RuleCode.Required).Select(v => v.Argument("field")));
    }

    [Fact]
    public void Log_EndBeforeStart_IsRefused()
    {
        var talk = TalkOf(TalkKind.Routine);

        Assert.Contains(RuleCode.RecordEndBeforeStart, Codes(() => TalkRecord.Log(talk, Content(talk, c => c.End = c.Start!.Value.AddMinutes(-5)), Recorder, null, _clock)));
    }

    [Fact]
    public void Log_ATalkThatHasNotEnded_IsRefused()
    {
        var talk = TalkOf(TalkKind.Routine);
        var duringTheTalk = Clock(Shanghai(2026, 3, 11, 10, 30));

        Assert.Equal([RuleCode.RecordInFuture], Codes(() => TalkRecord.Log(talk, Content(talk), Recorder, null, duringTheTalk)));
    }

    [Fact]
    public void Log_RoutineTalk_NeedsAtLeastOneContentItem_ButNoProblems()
    {
        var talk = TalkOf(TalkKind.Routine);

        Assert.Equal([RuleCode.ChecklistEmpty], Codes(() => TalkRecord.Log(talk, Content(talk, c => c.Checklist = []), Recorder, null, _clock)));
        var record = TalkRecord.Log(talk, Content(talk, c =>
        {
            c.Checklist = [3];
            c.Part = t => new TalkeePart(t, null, null, null, false, []);
        }), Recorder, null, _clock);
        Assert.Equal(RecordStatus.AwaitingVerification, record.Status);
    }

    [Theory]
    [InlineData(TalkKind.Reminder, "2,3", RuleSources.ReminderContent)]
    [InlineData(TalkKind.Admonishment, "2,4", RuleSources.AdmonishmentContent)]
    public void Log_ReminderAndAdmonishment_NeedEveryStep(TalkKind kind, string missing, string source)
    {
        var talk = TalkOf(kind);

        var e = Assert.Throws<DomainRuleException>(() => TalkRecord.Log(talk, Content(talk, c => c.Checklist = kind == TalkKind.Reminder ? [1] : [1, 3]), Recorder, null, _clock));

        var violation = Assert.Single(e.Violations);
        Assert.Equal(RuleCode.ChecklistIncomplete, violation.Code);
        Assert.Equal(missing, violation.Argument("items"));
        Assert.Equal(source, violation.Source);
    }

    [Fact]
    public void Log_ChecklistItemTheKindDoesNotHave_IsRefused()
    {
        var talk = TalkOf(TalkKind.Reminder);

        Assert.Contains(RuleCode.ChecklistUnknownItem, Codes(() => TalkRecord.Log(talk, Content(talk, c => c.Checklist = [1, 2, 3, 11]), Recorder, null, _clock)));
    }

    [Fact]
    public void Log_ReminderTalk_NeedsProblemsExplanationAndRequirementsForEachTalkee()
    {
        var talk = TalkOf(TalkKind.Reminder, A1, A2);

        var e = Assert.Throws<DomainRuleException>(() => TalkRecord.Log(talk, Content(talk, c =>
            c.Part = t => t == A2 ? new TalkeePart(t, "问题", null, "要求", false, []) : new TalkeePart(t, "问题", "说明", "要求", false, [])), Recorder, null, _clock));

        var violation = Assert.Single(e.Violations);
        Assert.Equal(RuleCode.PartFieldRequired, violation.Code);
        Assert.Equal(RecordContent.Fields.Explanation, violation.Argument("field"));
        Assert.Equal(A2.Value, violation.Argument("person"));
    }

    [Fact]
    public void Log_RectificationWithoutItems_IsRefused()
    {
        var talk = TalkOf(TalkKind.Routine);

        var e = Assert.Throws<DomainRuleException>(() => TalkRecord.Log(talk, Content(talk, c => c.Part = t => new TalkeePart(t, null, null, null, true, [" "])), Recorder, null, _clock));

        Assert.Equal(RuleSources.Rectification, Assert.Single(e.Violations).Source);
    }

    [Fact]
    public void Log_CollectiveWithOneTalkee_AndBadDelegation_AndTalkeeAsTalker_AreRefused()
    {
        var talk = TalkOf(TalkKind.Routine);

        var codes = Codes(() => TalkRecord.Log(talk, Content(talk, c =>
        {
            c.Format = TalkFormat.Collective;
            c.DelegatedBy = new PersonId("stranger");
            c.Joint = [A1];
        }), Recorder, null, _clock));

        Assert.Contains(RuleCode.CollectiveNeedsSeveralTalkees, codes);
        Assert.Contains(RuleCode.DelegationInvalid, codes);
        Assert.Contains(RuleCode.TalkeeIsTalker, codes);
    }

    [Fact]
    public void Log_DelegatedByAPlannedTalker_IsAccepted()
    {
        var talk = TalkOf(TalkKind.Routine);

        var record = TalkRecord.Log(talk, Content(talk, c =>
        {
            c.Lead = new PersonId("deputy");
            c.DelegatedBy = Talker;
        }), Recorder, null, _clock);

        Assert.Equal(Talker, record.Current.Content.DelegatedBy);
    }

    [Fact]
    public void Log_CancelledTalk_IsRefused()
    {
        var talk = TalkOf(TalkKind.Routine);
        talk.Cancel(OrganiserOf.Talk(talk), [], "会议冲突", _clock);

        Assert.Equal([RuleCode.TalkCancelled], Codes(() => TalkRecord.Log(talk, Content(talk), Recorder, null, _clock)));
    }

    [Fact]
    public void RecordForm_OfACancelledTalk_IsTalkCancelled_AndOfAScheduledOrHeldTalkIsOpen()
    {
        var cancelled = TalkOf(TalkKind.Reminder);
        cancelled.Cancel(OrganiserOf.Talk(cancelled), [], "会议冲突", _clock);
        var held = TalkOf(TalkKind.Routine);
        held.MarkHeld();

        var violation = RecordRules.CheckTalkOpenForRecord(cancelled);

        Assert.NotNull(violation);
        Assert.Equal((RuleCode.TalkCancelled, "000 §四(一)4"), (violation.Code, violation.Source));
        Assert.Null(RecordRules.CheckTalkOpenForRecord(TalkOf(TalkKind.Routine)));
        Assert.Null(RecordRules.CheckTalkOpenForRecord(held));
    }

    [Fact]
    public void CollectiveTalk_IsVerifiedOnlyWhenEveryTalkeeConfirms()
    {
        var talk = TalkOf(TalkKind.Routine, A1, A2);
        var record = TalkRecord.Log(talk, Content(talk, c => c.Format = TalkFormat.Collective), Recorder, null, _clock);

        Assert.True(record.Verify(A1, 1, VerificationDecision.Confirmed, null, _clock));
        Assert.Equal(RecordStatus.AwaitingVerification, record.Status);
        Assert.True(record.Verify(A2, 1, VerificationDecision.Confirmed, null, _clock));

        Assert.Equal(RecordStatus.Verified, record.Status);
    }

    [Fact]
    public void Confirm_Twice_RecordsOnce_AndChangingTheAnswerIsRefused()
    {
        var talk = TalkOf(TalkKind.Routine);
        var record = TalkRecord.Log(talk, Content(talk), Recorder, null, _clock);

        Assert.True(record.Verify(A1, 1, VerificationDecision.Confirmed, null, _clock));
        Assert.False(record.Verify(A1, 1, VerificationDecision.Confirmed, null, _clock));
        Assert.Equal([RuleCode.AlreadyVerified], Codes(() => record.Verify(A1, 1, VerificationDecision.Disputed, "不对", _clock)));

        Assert.Single(record.Current.Verifications);
    }

    [Fact]
    public void Dispute_NeedsAComment()
    {
        var talk = TalkOf(TalkKind.Routine);
        var record = TalkRecord.Log(talk, Content(talk), Recorder, null, _clock);

        Assert.Equal([RuleCode.DisputeCommentRequired], Codes(() => record.Verify(A1, 1, VerificationDecision.Disputed, "  ", _clock)));
        Assert.Empty(record.Current.Verifications);
    }

    [Fact]
    public void Verify_BySomeoneWhoIsNotATalkee_IsNotPermitted()
    {
        var talk = TalkOf(TalkKind.Routine);
        var record = TalkRecord.Log(talk, Content(talk), Recorder, null, _clock);

        Assert.Equal([RuleCode.NotPermitted], Codes(() => record.Verify(Talker, 1, VerificationDecision.Confirmed, null, _clock)));
    }

    [Fact]
    public void Dispute_ThenRevise_MakesANewVersionToVerify_AndKeepsTheOld()
    {
        var talk = TalkOf(TalkKind.Routine);
        var record = TalkRecord.Log(talk, Content(talk), Recorder, "form-1", _clock);
        record.Verify(A1, 1, VerificationDecision.Disputed, "结束时间有误", _clock);
        Assert.Equal(RecordStatus.Disputed, record.Status);
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.True(record.Revise(talk, Content(talk, c => c.End = Shanghai(2026, 3, 11, 11, 30)), Recorder, "form-2", _clock));

        Assert.Equal(2, record.Versions.Count);
        Assert.Equal(RecordStatus.AwaitingVerification, record.Status);
        Assert.Equal([RecordContent.Fields.EndedAt], record.Current.ChangedFields);
        Assert.Equal(Shanghai(2026, 3, 11, 11), record.Versions[0].Content.EndedAt);
        Assert.Equal("结束时间有误", record.Versions[0].VerificationBy(A1)!.Comment);
        Assert.Equal([RuleCode.RecordSuperseded], Codes(() => record.Verify(A1, 1, VerificationDecision.Confirmed, null, _clock)));
        Assert.True(record.Verify(A1, 2, VerificationDecision.Confirmed, null, _clock));
        Assert.Equal(RecordStatus.Verified, record.Status);
    }

    [Fact]
    public void Revise_FromTheSameFormTwice_AddsOneVersion()
    {
        var talk = TalkOf(TalkKind.Routine);
        var record = TalkRecord.Log(talk, Content(talk), Recorder, "form-1", _clock);
        var revised = Content(talk, c => c.Place = "二楼会议室");

        Assert.False(record.Revise(talk, revised, Recorder, "form-1", _clock));
        Assert.True(record.Revise(talk, revised, Recorder, "form-2", _clock));
        Assert.False(record.Revise(talk, revised, Recorder, "form-2", _clock));

        Assert.Equal(2, record.Versions.Count);
    }

    [Fact]
    public void Verified_Record_IsCorrectedByANewVersion_TheVerifiedOneStaysAsItWas()
    {
        var talk = TalkOf(TalkKind.Routine);
        var record = TalkRecord.Log(talk, Content(talk), Recorder, "form-1", _clock);
        record.Verify(A1, 1, VerificationDecision.Confirmed, null, _clock);
        var verified = record.Current;

        Assert.False(record.Revise(talk, Content(talk), Recorder, "form-2", _clock));
        Assert.True(record.Revise(talk, Content(talk, c => c.Part = t => new TalkeePart(t, "更正后的问题", "已认识到问题", "立即整改", false, [])), Recorder, "form-3", _clock));

        Assert.Equal(RecordStatus.AwaitingVerification, record.Status);
        Assert.Same(verified, record.Versions[0]);
        Assert.Equal("公务接待超标准", verified.Content.Parts[0].Problems);
        Assert.Equal(VerificationDecision.Confirmed, verified.VerificationBy(A1)!.Decision);
        Assert.Equal([RecordContent.Fields.Problems], record.Current.ChangedFields);
    }

    [Fact]
    public void Revise_WithABrokenRule_AddsNothing()
    {
        var talk = TalkOf(TalkKind.Routine);
        var record = TalkRecord.Log(talk, Content(talk), Recorder, "form-1", _clock);

        Assert.Throws<DomainRuleException>(() => record.Revise(talk, Content(talk, c => c.Place = null), Recorder, "form-2", _clock));

        Assert.Single(record.Versions);
    }

    [Fact]
    public void Log_TrimsText_AndDropsEmptyRectificationItems()
    {
        var talk = TalkOf(TalkKind.Routine);

        var record = TalkRecord.Log(talk, Content(talk, c => c.Part = t => new TalkeePart(t, "  问题 ", "", null, true, ["退还费用 ", "", " 书面说明"])), Recorder, null, _clock);

        var part = record.Current.Content.Parts[0];
        Assert.Equal("问题", part.Problems);
        Assert.Null(part.Explanation);
        Assert.Equal(["退还费用", "书面说明"], part.RectificationItems);
    }
}

public class RecordAccessTests
{
    private static readonly Person Organiser = new(new PersonId("organiser"), "陈静", new UnitId("office"), null, Rank.SectionAndBelow, new HashSet<Role> { Role.DisciplineOffice }, null);

    private static readonly Talk TheTalk = Talk.Restore(
        new TalkId("t-1"), TalkKind.Routine, [new PersonId("talkee")], [new PersonId("talker")], new PersonId("recorder"), Organiser.Id,
        Shanghai(2026, 3, 11, 10), "room", D(2026, 3, 9), null, Shanghai(2026, 3, 9), TalkStatus.Scheduled);

    private static Person P(string id, string unit = "elsewhere", params Role[] roles) =>
        new(new PersonId(id), id, new UnitId(unit), null, Rank.SectionAndBelow, roles.ToHashSet(), null);

    [Theory]
    [InlineData("talker", true)]
    [InlineData("talkee", true)]
    [InlineData("recorder", true)]
    [InlineData("organiser", true)]
    [InlineData("stranger", false)]
    public void CanView_TalkersRecorderTalkeeAndOfficeOnly(string id, bool expected) =>
        Assert.Equal(expected, RecordAccess.CanView(P(id), TheTalk, Organiser, null));

    [Fact]
    public void DisciplineOffice_OfTheSameLevelMaySee_ButNotOfAnotherUnit()
    {
        Assert.True(RecordAccess.CanView(P("colleague", "office", Role.DisciplineOffice), TheTalk, Organiser, null));
        Assert.False(RecordAccess.CanView(P("other-office", "branch", Role.DisciplineOffice), TheTalk, Organiser, null));
        Assert.False(RecordAccess.CanView(P("recorder-elsewhere", "office", Role.Recorder), TheTalk, Organiser, null));
    }

    [Theory]
    [InlineData("recorder", true)]
    [InlineData("organiser", true)]
    [InlineData("talker", false)]
    [InlineData("talkee", false)]
    public void CanLog_RecorderAndOfficeOnly(string id, bool expected) =>
        Assert.Equal(expected, RecordAccess.CanLog(id == "organiser" ? Organiser : P(id), TheTalk, Organiser));
}

/// <summary>The organiser of a talk as a person, to cancel it in a test.</summary>
internal static class OrganiserOf
{
    public static TalkBot.Domain.People.Person Talk(Talk talk) =>
        new(talk.Organiser, "组织者", null, null, TalkBot.Domain.People.Rank.SectionAndBelow, new HashSet<TalkBot.Domain.People.Role>(), null);
}
