using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Features.Quiz;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;
using TalkBot.Domain.Quiz;

namespace TalkBot.Bot.Tests.Features.Statistics;

/// <summary>A month of talks in known states, made through the product's own handlers (crafted invokes), and the statistics API.</summary>
internal static class StatisticsSetup
{
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset AfterTheTalks = new(2026, 3, 5, 16, 0, 0, TimeSpan.FromHours(8));
    public const string HeldTalk = "0195a0b2c3d47e8f9a0b1c2d3e4f5b01";
    public const string PendingTalk = "0195a0b2c3d47e8f9a0b1c2d3e4f5b02";
    public const string LeadForm = "0195a0b2c3d47e8f9a0b1c2d3e4f5b03";

    public static async Task<BotUnderTest> StartAsync(AzuriteFixture azurite, DateTimeOffset? now = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var bot = new BotUnderTest(azurite, now ?? Monday, settings: settings) { Replace = TabSignIn.Add };
        _ = bot.Server;
        foreach (var person in new[] { Person.Office, Person.Leader, Person.Recorder, Person.Cadre1, Person.Cadre2, Person.Cadre3 })
        {
            Assert.Equal(HttpStatusCode.OK, await bot.InstallAsync(person));
        }

        return bot;
    }

    public static Task<JsonElement> CreateTalkAsync(BotUnderTest bot, string form, Person talkee, string time, string date = "2026-03-05",
        string contentDate = "2026-03-02") =>
        bot.ExecuteAsync(Person.Office, Verbs.TalkCreate, new Dictionary<string, string>
        {
            [DataKeys.FormId] = form, ["talkees"] = talkee.AadObjectId, ["talkers"] = Person.Leader.AadObjectId,
            ["recorder"] = Person.Recorder.AadObjectId, ["kind"] = "Routine", ["date"] = date, ["time"] = time,
            ["place"] = "第三会议室", ["contentDate"] = contentDate,
        });

    /// <summary>The talk of <see cref="HeldTalk"/> held and recorded, with a rectification to report.</summary>
    public static Task<JsonElement> RecordAsync(BotUnderTest bot) => bot.ExecuteAsync(Person.Recorder, Verbs.RecordSubmit, new Dictionary<string, string>
    {
        [DataKeys.TalkId] = HeldTalk, [DataKeys.FormId] = "form-r", ["date"] = "2026-03-05", ["start"] = "09:30", ["end"] = "10:30",
        ["place"] = "第三会议室", ["lead"] = Person.Leader.AadObjectId, ["recorder"] = Person.Recorder.AadObjectId, ["checklist"] = "3",
        ["p1.problems"] = "公务接待超标准", ["p1.rectification"] = "true", ["p1.items"] = "退还超标费用\n提交书面说明",
    });

    /// <summary>
    /// The month: two routine talks led by 钱组长 with 李干部 and 赵局长 (both main leaders in 第一基层党委, on his tier
    /// line, 000 §二2); 李干部 acknowledges, takes the quiz with every answer right, is talked to, reports the rectification
    /// on time and verifies the record; 赵局长's notice is delivered and nothing more; the office registers one lead about
    /// 王干部 (信访举报, 廉洁纪律).
    /// </summary>
    public static async Task<BotUnderTest> MonthAsync(AzuriteFixture azurite, IReadOnlyDictionary<string, string>? settings = null)
    {
        var bot = await StartAsync(azurite, settings: settings);
        await CreateTalkAsync(bot, HeldTalk, Person.Cadre1, "09:30");
        await CreateTalkAsync(bot, PendingTalk, Person.Cadre3, "14:30");
        await bot.ExecuteAsync(Person.Cadre1, Verbs.NoticeAcknowledge, new { talkId = HeldTalk });
        await bot.ExecuteAsync(Person.Cadre1, Verbs.QuizStart, new Dictionary<string, string> { [DataKeys.TalkId] = HeldTalk });
        await bot.ExecuteAsync(Person.Cadre1, Verbs.QuizSubmit, Answers(bot));
        await bot.ExecuteAsync(Person.Office, Verbs.LeadCreate, new Dictionary<string, string>
        {
            [DataKeys.FormId] = LeadForm, [CaseFields.Subject] = Person.Cadre2.AadObjectId, [CaseFields.Source] = "Petition",
            [CaseFields.Category] = "Integrity", [CaseFields.Summary] = "反映其在公务接待中超标准用餐", [CaseFields.ReporterName] = "赵举报",
        });
        bot.Clock.SetUtcNow(AfterTheTalks);
        await RecordAsync(bot);
        await bot.ExecuteAsync(Person.Cadre1, Verbs.RectificationSubmit, new Dictionary<string, string>
        {
            [DataKeys.TalkId] = HeldTalk, [DataKeys.FormId] = "f1",
            ["m1.measure"] = "已全额退还", ["m1.status"] = "Done", ["m1.date"] = "2026-03-05", ["m2.measure"] = "已提交说明", ["m2.status"] = "InProgress",
        });
        await bot.ExecuteAsync(Person.Cadre1, Verbs.RecordConfirm, new Dictionary<string, string> { [DataKeys.TalkId] = HeldTalk, [DataKeys.Version] = "1" });
        return bot;
    }

    /// <summary>Every question of the quiz last sent to 李干部, answered right (or each with a wrong option), as attempt <paramref name="attempt"/>.</summary>
    public static Dictionary<string, string> Answers(BotUnderTest bot, int attempt = 1, bool correct = true)
    {
        var card = bot.Connector.Sent.Where(s => s.ConversationId == Person.Cadre1.ConversationId).SelectMany(s => s.Activity.Attachments ?? [])
            .Select(a => JsonSerializer.SerializeToElement(a.Content)).Last(c => CardText.Of(c).Contains(Verbs.QuizSubmit, StringComparison.Ordinal));
        var bank = bot.Services.GetRequiredService<QuestionBank>();
        var data = new Dictionary<string, string> { [DataKeys.TalkId] = HeldTalk, [DataKeys.Attempt] = attempt.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var id in card.GetProperty("body").EnumerateArray()
            .Where(e => e.TryGetProperty("id", out var id) && id.GetString()!.StartsWith(DataKeys.QuizAnswerPrefix, StringComparison.Ordinal))
            .Select(e => e.GetProperty("id").GetString()![DataKeys.QuizAnswerPrefix.Length..]))
        {
            var question = bank.Find(id)!;
            data[DataKeys.QuizAnswerPrefix + id] = correct
                ? string.Join(',', question.Answer.Order(StringComparer.Ordinal))
                : question.Options.First(o => !question.Answer.Contains(o.Key)).Key;
        }

        return data;
    }

    /// <summary>GET /api/tab/statistics as <paramref name="person"/>: the status and the body.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(BotUnderTest bot, Person? person, string query = "month=2026-03")
    {
        using var client = TabSignIn.ClientAs(bot, person);
        using var response = await client.GetAsync("/api/tab/statistics?" + query);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Opens a figure's link in its ledger as the client signed in: how many lines it shows, and their ids.</summary>
    public static async Task<(int Total, List<string> Ids)> OpenAsync(HttpClient client, JsonElement link)
    {
        var query = string.Join('&', link.GetProperty("filters").EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String)
            .Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value.GetString()!)}"));
        using var response = await client.GetAsync($"/api/tab/ledgers/{link.GetProperty("ledger").GetString()}?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (body.GetProperty("total").GetInt32(), [.. body.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)]);
    }

    /// <summary>The figures of a body, by key.</summary>
    public static Dictionary<string, long> Figures(JsonElement body) =>
        body.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!, f => f.GetProperty("value").GetInt64());

    public static JsonElement Figure(JsonElement body, string key) =>
        body.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == key);
}
