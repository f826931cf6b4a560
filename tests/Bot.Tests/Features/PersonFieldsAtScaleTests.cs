using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TalkBot.Bot.Infrastructure.Connector;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;
using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Roles;
using Xunit.Abstractions;
using Person = TalkBot.Bot.Tests.Support.Person;

namespace TalkBot.Bot.Tests.Features;

/// <summary>
/// One bot over a generated organisation of 10,000 people (org file → Table Storage → the directory held), on an Azurite of
/// its own, so that its 10,000 rows leave with it.
/// </summary>
public sealed class TenThousandPeople : IAsyncLifetime
{
    public const int Size = 10_000;

    // Monday 2 March 2026, 10:00 in Shanghai: the earliest valid talk date is Wednesday 4 March.
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly AzuriteFixture azurite = new();
    private string orgFile = "";

    public GeneratedOrganisation Org { get; } = GeneratedOrganisation.Of(Size);

    public BotUnderTest Bot { get; private set; } = null!;

    public Person Office => GeneratedOrganisation.InTeams(Org.OfficeHead);

    public Person Admin => GeneratedOrganisation.InTeams(Org.Administrator);

    public Person Recorder => GeneratedOrganisation.InTeams(Org.Recorder);

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        orgFile = Org.WriteOrgFile();
        Bot = new BotUnderTest(azurite, Monday, settings: new Dictionary<string, string> { ["Directory:OrgFile"] = orgFile });
        _ = Bot.Server; // start-up reads the org file into Table Storage
        foreach (var person in new[] { Office, Admin, Recorder })
        {
            Assert.Equal(HttpStatusCode.OK, await Bot.InstallAsync(person));
        }
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await azurite.DisposeAsync();
        File.Delete(orgFile);
    }
}

/// <summary>
/// Issue 12, point 6: every form with a person field, built for a directory of 10,000 people, stays under Teams' limit
/// for a message with a card (about 28 KB), as sent and as shown again with errors; each still passes the adaptivecards
/// check; and a typeahead search answers with at most 25 people the caller may choose.
/// </summary>
public sealed class PersonFieldsAtScaleTests(TenThousandPeople scale, ITestOutputHelper output) : IClassFixture<TenThousandPeople>
{
    /// <summary>Teams' size limit for a message with a card, in UTF-8 bytes of the card's JSON.</summary>
    private const int Limit = 28 * 1024;

    private const string TalkForm = "0195a0b2c3d47e8f9a0b1c2d3e4f1001";
    private const string LeadForm = "0195a0b2c3d47e8f9a0b1c2d3e4f1002";

    private BotUnderTest Bot => scale.Bot;

    private GeneratedOrganisation Org => scale.Org;

    [Fact]
    public async Task EveryFormWithAPersonField_StaysUnderTeamsLimit_SentAndShownAgainWithErrors_AndPassesTheRendererCheck()
    {
        var cadres = Org.People.Skip(5000).Take(3).Select(p => p.Id.Value).ToList();
        var cards = new Dictionary<string, JsonNode>
        {
            ["talk form"] = await CommandAsync(scale.Office, "新建谈话"),
            // Talkees with the organiser among them, and a recorder who is no recorder: refused, shown again, nothing stored.
            ["talk form, errors"] = await ExecuteAsync(scale.Office, Verbs.TalkCreate, new()
            {
                [DataKeys.FormId] = TalkForm, ["talkees"] = string.Join(',', [.. cadres, Org.OfficeHead.Id.Value]), ["talkers"] = Org.Secretary.Id.Value,
                ["recorder"] = Org.People[6000].Id.Value, ["kind"] = "Routine", ["date"] = "2026-03-04", ["time"] = "09:30", ["place"] = "第三会议室",
            }),
            ["lead form"] = await CommandAsync(scale.Office, "登记线索"),
            ["lead form, errors"] = await ExecuteAsync(scale.Office, Verbs.LeadCreate, new() { [DataKeys.FormId] = LeadForm, [CaseFields.Subject] = cadres[0] }),
            ["proposal form"] = await CommandAsync(scale.Office, "诫勉建议"),
            ["proposal form, errors"] = await ExecuteAsync(scale.Office, Verbs.CasePropose, new() { [DataKeys.FormId] = LeadForm, [CaseFields.Subject] = cadres[1] }),
            ["archive picker"] = await CommandAsync(scale.Office, "廉政档案"),
            ["archive of one person"] = await ExecuteAsync(scale.Office, Verbs.ArchiveShow, new() { [CaseFields.Person] = cadres[2] }),
            ["roles"] = await CommandAsync(scale.Admin, "角色管理"),
            ["roles, errors"] = await ExecuteAsync(scale.Admin, Verbs.RolesLoad, new() { [RoleFields.Person] = "nobody@bureau.example" }),
        };

        // A talk to record: its recorder opens the record form, and submits it half filled. The bureau secretary talks to
        // the secretary of a party committee below (000 §二1).
        var committeeSecretary = Org.People.First(p => p.UnitId == new TalkBot.Domain.UnitId("c1") && p.Has(TalkBot.Domain.People.Role.UnitSecretary)).Id.Value;
        var created = CardText.Of(await Bot.ExecuteAsync(scale.Office, Verbs.TalkCreate, new Dictionary<string, string>
        {
            [DataKeys.FormId] = TalkForm, ["talkees"] = committeeSecretary, ["talkers"] = Org.Secretary.Id.Value, ["recorder"] = Org.Recorder.Id.Value,
            ["kind"] = "Routine", ["date"] = "2026-03-04", ["time"] = "09:30", ["place"] = "第三会议室",
        }));
        Assert.Contains("谈话已创建", created, StringComparison.Ordinal);
        cards["record form"] = await ExecuteAsync(scale.Recorder, Verbs.RecordNew, new() { [DataKeys.TalkId] = TalkForm });
        cards["record form, errors"] = await ExecuteAsync(scale.Recorder, Verbs.RecordSubmit, new()
        {
            [DataKeys.TalkId] = TalkForm, [DataKeys.FormId] = LeadForm, ["date"] = "2026-03-04", ["start"] = "09:30", ["end"] = "10:30",
            ["place"] = "第三会议室", ["format"] = "Individual", ["lead"] = Org.People[7000].Id.Value, ["joint"] = cadres[1], ["recorder"] = cadres[2],
            ["checklist"] = "1", ["p1.rectification"] = "false",
        });

        foreach (var (name, card) in cards)
        {
            var bytes = Encoding.UTF8.GetByteCount(card.ToJsonString(CardSerializer.Options));
            output.WriteLine($"{name}: {bytes:N0} bytes ({bytes * 100.0 / Limit:F0}% of {Limit:N0})");
            Assert.True(bytes < Limit, $"{name}: {bytes} bytes");
        }

        // Each form names few people and asks Teams to search for the others; the errors name what was refused.
        Assert.All(cards, c => Assert.Contains("\"choices.data\"", c.Value.ToJsonString(), StringComparison.Ordinal));
        var talkErrors = CardText.Of(JsonSerializer.SerializeToElement(cards["talk form, errors"]));
        Assert.Contains($"“{Org.OfficeHead.DisplayName}”不能选作谈话对象", talkErrors, StringComparison.Ordinal);
        Assert.Contains($"“{Org.People[6000].DisplayName}”不能选作记录人", talkErrors, StringComparison.Ordinal);
        Assert.Contains($"“{Org.People[5002].DisplayName}”不能选作记录人", CardText.Of(JsonSerializer.SerializeToElement(cards["record form, errors"])), StringComparison.Ordinal);
        Assert.Contains("组织名录中没有“nobody@bureau.example”", CardText.Of(JsonSerializer.SerializeToElement(cards["roles, errors"])), StringComparison.Ordinal);
        RendererCheck(cards);
    }

    [Fact]
    public async Task ASearch_ReturnsAtMost25_OfThoseTheCallerMayChoose_WhateverIsAsked()
    {
        await SearchAsync(scale.Office, Datasets.Talkers, "", top: 15); // the first one also reads the directory into memory
        await SearchAsync(scale.Office, Datasets.Talkers, "", top: 15); // everyone in scope ranked: the costliest search
        var (status, body) = await SearchAsync(scale.Office, Datasets.Talkers, "王", top: 1000);

        Assert.Equal(HttpStatusCode.OK, status);
        var results = body.GetProperty("value").GetProperty("results");
        Assert.Equal(25, results.GetArrayLength());
        Assert.All(results.EnumerateArray(), r => Assert.StartsWith("王", r.GetProperty("title").GetString(), StringComparison.Ordinal));

        var (_, recorders) = await SearchAsync(scale.Office, Datasets.Recorders, "", top: 25);
        var recorderIds = Org.People.Where(p => p.HasAny(Domain.People.Role.Recorder, Domain.People.Role.DisciplineOffice)).Select(p => p.Id.Value).ToHashSet();
        Assert.All(recorders.GetProperty("value").GetProperty("results").EnumerateArray(), r => Assert.Contains(r.GetProperty("value").GetString()!, recorderIds));
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SearchAsync(Person person, string dataset, string query, int top)
    {
        var activity = person.Activity("invoke");
        activity["name"] = "application/search";
        activity["value"] = new JsonObject
        {
            ["queryText"] = query, ["dataset"] = dataset, ["queryOptions"] = new JsonObject { ["skip"] = 0, ["top"] = top },
        };
        var watch = Stopwatch.StartNew();
        using var response = await Bot.PostAsync(activity);
        output.WriteLine($"search {dataset} '{query}': {watch.ElapsedMilliseconds} ms");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.Clone());
    }

    /// <summary>The card a typed command is answered with, as sent into the person's chat.</summary>
    private async Task<JsonNode> CommandAsync(Person person, string text)
    {
        var before = Bot.Connector.Sent.Count;
        Assert.Equal(HttpStatusCode.OK, await Bot.SendAsync(person, "message", a => a["text"] = text));
        var (_, reply) = Bot.Connector.Sent.Skip(before).Last(s => s.ConversationId == person.ConversationId);
        var wire = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(reply, ConnectorJson.Options));
        output.WriteLine($"'{text}' reply activity as sent to the Connector: {wire:N0} bytes");
        return reply.Attachments![0].Content!;
    }

    private async Task<JsonNode> ExecuteAsync(Person person, string verb, Dictionary<string, string> data) =>
        JsonNode.Parse((await Bot.ExecuteAsync(person, verb, data)).GetRawText())!;

    private void RendererCheck(Dictionary<string, JsonNode> cards)
    {
        var folder = Path.Combine(Path.GetTempPath(), "talkbot-cards-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        try
        {
            var n = 0;
            foreach (var card in cards.Values)
            {
                File.WriteAllText(Path.Combine(folder, $"card{n++}.json"), card.ToJsonString(CardSerializer.Options));
            }

            var start = new ProcessStartInfo("node") { WorkingDirectory = RepoRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(RepoRoot.Path, "tools", "cardcheck", "check.js"));
            start.ArgumentList.Add(folder);
            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "cardcheck did not finish");
            Assert.True(process.ExitCode == 0, text);
            Assert.Contains($"{cards.Count} card(s), 0 with problems", text, StringComparison.Ordinal);
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }
}
