using System.Text.Json;
using Azure.Data.Tables;
using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;
using TalkBot.FakeConnector;

namespace TalkBot.Bot.Tests.Features.Records;

/// <summary>
/// What follows a record's save survives a crash: the bot (a real process) is killed with SIGKILL right after the save,
/// before anything that follows it has run; the bot started again on the same storage sends the talkee's verification
/// request and opens the rectification with its report form, each exactly once.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CrashAfterSaveTests(AzuriteFixture azurite)
{
    private const string TalkForm = "0195a0b2c3d47e8f9a0b1c2d3e4f5a6d";

    [Fact]
    public async Task KilledRightAfterARecordIsSaved_TheRestartedBotSendsTheVerificationAndOpensTheRectification_ExactlyOnce()
    {
        await using var teams = await FakeConnectorServer.StartAsync(new FakeConnectorOptions());
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var talkDay = WorkingDaysAfter(today, 3);
        var afterTheTalk = TimeSpan.FromDays(talkDay.DayNumber - today.DayNumber + 1);
        var prefix = "k" + Guid.NewGuid().ToString("N")[..12];
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings:Tables"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Directory:OrgFile"] = Path.Combine(AppContext.BaseDirectory, "TestData", "org.json"),
            ["MicrosoftAppId"] = "",
            ["TestClock:Enabled"] = "true",
            ["Plans:Enabled"] = "false",
            ["Scheduler:PollInterval"] = "00:00:01",
            ["Scheduler:FollowUpGrace"] = "00:00:02",
            ["Sender:PollInterval"] = "00:00:00.500",
            ["Sender:CoalesceWindow"] = "00:00:00",
        };

        // The first process saves and runs nothing that follows a save: as if killed in the instant after the save.
        var first = await BotProcess.StartAsync(new Dictionary<string, string>(settings)
        {
            ["Scheduler:Enabled"] = "false",
            ["Scheduler:RunFollowUpsAfterSave"] = "false",
        });
        await using (first)
        {
            foreach (var person in new[] { Person.Office, Person.Leader, Person.Recorder, Person.Cadre1 })
            {
                await first.InstallAsync(person, teams.ServiceUrl);
            }

            var created = await first.ExecuteAsync(Person.Office, teams.ServiceUrl, Verbs.TalkCreate, new Dictionary<string, string>
            {
                [DataKeys.FormId] = TalkForm, ["talkees"] = Person.Cadre1.AadObjectId, ["talkers"] = Person.Leader.AadObjectId,
                ["recorder"] = Person.Recorder.AadObjectId, ["kind"] = "Routine", ["date"] = Text(talkDay), ["time"] = "09:30",
                ["place"] = "第三会议室", ["contentDate"] = Text(WorkingDaysAfter(today, 0)),
            });
            Assert.Contains("谈话已创建", created, StringComparison.Ordinal);
            await first.AdvanceClockAsync(afterTheTalk);
            var logged = await first.ExecuteAsync(Person.Recorder, teams.ServiceUrl, Verbs.RecordSubmit, new Dictionary<string, string>
            {
                [DataKeys.TalkId] = TalkForm, [DataKeys.FormId] = "form-crash", ["date"] = Text(talkDay), ["start"] = "09:30", ["end"] = "10:30",
                ["place"] = "第三会议室", ["lead"] = Person.Leader.AadObjectId, ["recorder"] = Person.Recorder.AadObjectId, ["checklist"] = "3",
                ["p1.problems"] = "公务接待超标准", ["p1.rectification"] = "true", ["p1.items"] = "退还超标费用\n提交书面说明",
            });
            Assert.Contains("记录已提交", logged, StringComparison.Ordinal);
            first.Kill();
        }

        var talks = new TableServiceClient(azurite.ConnectionString).GetTableClient(prefix + TalkRows.Talks);
        Assert.Empty(Verifications(teams));
        Assert.Equal(0, await RectificationRowsAsync(talks));

        var second = await BotProcess.StartAsync(new Dictionary<string, string>(settings) { ["Scheduler:Enabled"] = "true" });
        await using (second)
        {
            await second.AdvanceClockAsync(afterTheTalk);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((Verifications(teams).Count == 0 || ReportForms(teams).Count == 0) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }

            // Whatever else was still due has had its chance to run twice by now.
            await Task.Delay(TimeSpan.FromSeconds(4));
            Assert.True(Verifications(teams).Count == 1, $"verification requests: {Verifications(teams).Count}\n{second.Output}");
            Assert.Single(ReportForms(teams));
            Assert.Equal(1, await RectificationRowsAsync(talks));
        }
    }

    // A working day (Monday to Friday) at least this many working days after today; today itself when it is one and 0.
    private static DateOnly WorkingDaysAfter(DateOnly today, int days)
    {
        var date = today;
        var added = 0;
        while (added < days || date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                added++;
            }
        }

        return date;
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> CardsTo(FakeConnectorServer teams, Person person) =>
        [.. teams.Activities(person.ConversationId).Select(a =>
        {
            using var json = JsonDocument.Parse(a.Json);
            return CardText.Of(json.RootElement);
        })];

    private static List<string> Verifications(FakeConnectorServer teams) =>
        [.. CardsTo(teams, Person.Cadre1).Where(t => t.Contains(Verbs.RecordConfirm, StringComparison.Ordinal))];

    private static List<string> ReportForms(FakeConnectorServer teams) =>
        [.. CardsTo(teams, Person.Cadre1).Where(t => t.Contains(Verbs.RectificationSubmit, StringComparison.Ordinal))];

    private static async Task<int> RectificationRowsAsync(TableClient talks)
    {
        var count = 0;
        await foreach (var _ in talks.QueryAsync<TableEntity>($"PartitionKey eq '{TalkForm}' and RowKey ge '{TalkRows.RectificationRowPrefix}' and RowKey lt 'rect}}'"))
        {
            count++;
        }

        return count;
    }
}
