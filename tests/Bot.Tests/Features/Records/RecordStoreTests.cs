using Microsoft.Extensions.DependencyInjection;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using TalkBot.Bot.Features.Quiz;
using TalkBot.Bot.Features.Records;
using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Infrastructure.Scheduling;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Bot.Tests.Support;
using TalkBot.Domain;
using TalkBot.Domain.Quiz;
using TalkBot.Domain.Records;
using TalkBot.Domain.Talks;

namespace TalkBot.Bot.Tests.Features.Records;

/// <summary>Records and quizzes in real Table Storage (Azurite): round trips, ETag guards, insert-only versions.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RecordRepositoryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly PersonId A1 = new("talkee-1");
    private static readonly PersonId A2 = new("talkee-2");
    private static readonly PersonId Recorder = new("recorder");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 5, 15, 0, 0, Shanghai));
    private TableSet tables = null!;
    private TalkStore talks = null!;
    private RecordStore records = null!;

    public async Task InitializeAsync()
    {
        tables = TableSet.For(new TableServiceClient(azurite.ConnectionString), "r" + Guid.NewGuid().ToString("N")[..12], TalkRows.Talks, TalkRows.TalksByPerson, TalkRows.NoticesByPerson,
            MatterIndex.Table, TalkBot.Bot.Features.Tab.TalkLedgerTables.LiveTable, ScheduleStore.Table, TalkBot.Bot.Infrastructure.People.PeopleStore.Table);
        await tables.EnsureCreatedAsync(default);
        talks = new TalkStore(tables);
        var index = new MatterIndex(tables);
        var directory = new TalkBot.Bot.Infrastructure.People.PeopleDirectory(new TalkBot.Bot.Infrastructure.People.PeopleStore(tables),
            new TalkBot.Bot.Infrastructure.People.PeopleDirectoryOptions(), clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<TalkBot.Bot.Infrastructure.People.PeopleDirectory>.Instance);
        records = new RecordStore(tables, index, new Listings(new ScheduleStore(tables), new SchedulerOptions(), clock, new ServiceCollection().BuildServiceProvider(), Microsoft.Extensions.Logging.Abstractions.NullLogger<Listings>.Instance),
            new TalkBot.Bot.Features.Tab.TalkLedgerRows(talks, new TalkBot.Bot.Features.Tab.TalkLedgerTables(index, tables), tables, directory, new TalkBot.Bot.Features.Rectifications.RectificationStore(tables),
                new QuizStore(tables), TalkBot.Domain.Calendar.WorkingCalendar.WeekendsOnly(TimeZoneInfo.FindSystemTimeZoneById(TalkBot.Domain.Calendar.WorkingCalendar.DefaultTimeZoneId))));
    }

    public async Task DisposeAsync()
    {
        foreach (var name in tables.Names)
        {
            await tables[name].DeleteAsync();
        }
    }

    private async Task<Talk> StoredTalkAsync()
    {
        var talk = Talk.Restore(new TalkId(Guid.NewGuid().ToString("N")), TalkKind.Routine, [A1, A2], [new PersonId("talker")], Recorder,
            new PersonId("organiser"), new DateTimeOffset(2026, 3, 5, 9, 30, 0, Shanghai), "第三会议室", new DateOnly(2026, 3, 2), null,
            new DateTimeOffset(2026, 3, 2, 10, 0, 0, Shanghai), TalkStatus.Scheduled);
        Assert.True(await talks.CreateAsync(talk, Notice.For(talk, clock), null, default));
        return talk;
    }

    private static RecordContent Content(Talk talk, string problems = "问题") => new(
        new DateTimeOffset(2026, 3, 5, 9, 30, 0, Shanghai), new DateTimeOffset(2026, 3, 5, 10, 30, 0, Shanghai), "第三会议室",
        TalkFormat.Collective, new PersonId("talker"), [new PersonId("joint")], null, Recorder, new HashSet<int> { 1, 10 },
        [new TalkeePart(A1, problems, "说明", "要求", true, ["一", "二"]), new TalkeePart(A2, null, null, null, false, [])]);

    [Fact]
    public async Task Record_RoundTrips_WithVersionsPartsAndVerifications()
    {
        var talk = await StoredTalkAsync();
        var record = TalkRecord.Log(talk, Content(talk), Recorder, "form-1", clock);
        talk.MarkHeld();
        Assert.True(await records.CreateAsync(talk, record, default));
        var stored = (await records.GetAsync(talk, default))!;
        stored.Record.Verify(A1, 1, VerificationDecision.Disputed, "时间不对", clock);
        Assert.True(await records.SaveAsync(stored, 1, [A1], "activity-1", default));
        stored = (await records.GetAsync(talk, default))!;
        stored.Record.Revise(talk, Content(talk, "更正后的问题"), Recorder, "form-2", clock);
        Assert.True(await records.SaveAsync(stored, 1, [], null, default));

        var read = (await records.GetAsync(talk, default))!.Record;

        Assert.Equal(2, read.Versions.Count);
        Assert.Equal(RecordStatus.AwaitingVerification, read.Status);
        Assert.True(read.Versions[0].Content.SameAs(Content(talk)));
        Assert.Equal(["一", "二"], read.Versions[0].Content.Parts[0].RectificationItems);
        Assert.Equal("时间不对", read.Versions[0].VerificationBy(A1)!.Comment);
        Assert.Equal("更正后的问题", read.Current.Content.PartOf(A1)!.Problems);
        Assert.Equal([RecordContent.Fields.Problems], read.Current.ChangedFields);
        Assert.Equal("form-2", read.Current.FormId);
        Assert.Equal(TalkStatus.Held, (await talks.GetAsync(talk.Id, default))!.Status);
    }

    [Fact]
    public async Task Create_Twice_StoresTheFirstOnly()
    {
        var talk = await StoredTalkAsync();

        Assert.True(await records.CreateAsync(talk, TalkRecord.Log(talk, Content(talk), Recorder, "form-1", clock), default));
        Assert.False(await records.CreateAsync(talk, TalkRecord.Log(talk, Content(talk, "另一份"), Recorder, "form-2", clock), default));

        var read = (await records.GetAsync(talk, default))!.Record;
        Assert.Equal("问题", Assert.Single(read.Versions).Content.PartOf(A1)!.Problems);
    }

    [Fact]
    public async Task Save_FromAStaleRead_IsRefused_AndWritesNothing()
    {
        var talk = await StoredTalkAsync();
        await records.CreateAsync(talk, TalkRecord.Log(talk, Content(talk), Recorder, "form-1", clock), default);
        var first = (await records.GetAsync(talk, default))!;
        var second = (await records.GetAsync(talk, default))!;
        first.Record.Verify(A1, 1, VerificationDecision.Confirmed, null, clock);
        second.Record.Verify(A2, 1, VerificationDecision.Confirmed, null, clock);

        Assert.True(await records.SaveAsync(first, 1, [A1], null, default));
        Assert.False(await records.SaveAsync(second, 1, [A2], null, default));

        var read = (await records.GetAsync(talk, default))!.Record;
        Assert.Equal([A1], read.Current.Verifications.Select(v => v.Talkee));
    }

    [Fact]
    public async Task Quiz_ConcurrentStarts_StoreOneAttempt_AndASubmitFromAStaleReadIsRefused()
    {
        var talk = await StoredTalkAsync();
        var bank = QuestionBank.Of([.. Enumerable.Range(1, 5).Select(i => new QuizQuestion(
            $"q{i}", QuizSource.FourForms, QuestionType.Single, "题", [new("A", "甲"), new("B", "乙")], new HashSet<string> { "A" }, null))]);
        var quizzes = new QuizStore(tables);
        var one = await quizzes.GetAsync(talk.Id, A1, default);
        var two = await quizzes.GetAsync(talk.Id, A1, default);
        var early = new FakeTimeProvider(new DateTimeOffset(2026, 3, 3, 9, 0, 0, Shanghai));

        Assert.True(await quizzes.StartAsync(one, one.Track.StartAttempt(talk, bank, 3, new Random(1), early), default));
        Assert.False(await quizzes.StartAsync(two, two.Track.StartAttempt(talk, bank, 3, new Random(2), early), default));

        var a = await quizzes.GetAsync(talk.Id, A1, default);
        var b = await quizzes.GetAsync(talk.Id, A1, default);
        var all = a.Latest!.QuestionIds.ToDictionary(id => id, _ => (IReadOnlySet<string>)new HashSet<string> { "A" });
        a.Latest.Submit(A1, all, bank, early);
        b.Latest!.Submit(A1, all.ToDictionary(p => p.Key, _ => (IReadOnlySet<string>)new HashSet<string> { "B" }), bank, early);
        Assert.True(await quizzes.SubmitAsync(a, null, default));
        Assert.False(await quizzes.SubmitAsync(b, null, default));

        var attempt = Assert.Single(await quizzes.ListAttemptsAsync(talk.Id, A1, default));
        Assert.Equal(3, attempt.Score);
        Assert.Equal(all.Keys.Order(), attempt.Answers.Keys.Order());
    }
}
