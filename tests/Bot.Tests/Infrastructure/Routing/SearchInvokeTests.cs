using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using TalkBot.Bot.Infrastructure.Connector;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;

namespace TalkBot.Bot.Tests.Infrastructure.Routing;

/// <summary>
/// Teams' dynamic typeahead through the whole bot: an <c>application/search</c> invoke is answered with the people the
/// caller may choose in that field (msteams-docs dynamic-search.md: HTTP 200, a searchResponse with results of title and
/// value); anything malformed or unknown is a 4xx in the body, never a server error.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SearchInvokeTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    private const string TalkForm = "0195a0b2c3d47e8f9a0b1c2d3e4f2001";

    private static JsonObject Search(string dataset, string query, int skip = 0, int top = 15) => new()
    {
        ["queryText"] = query,
        ["dataset"] = dataset,
        ["queryOptions"] = new JsonObject { ["skip"] = skip, ["top"] = top },
    };

    private static async Task<(HttpStatusCode Status, JsonElement Body)> InvokeAsync(BotUnderTest bot, Person person, JsonNode? value)
    {
        var activity = person.Activity("invoke");
        activity["name"] = "application/search";
        activity["value"] = value;
        using var response = await bot.PostAsync(activity);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.Clone());
    }

    private static List<(string Title, string Value)> Results(JsonElement body)
    {
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.search.searchResponse", body.GetProperty("type").GetString());
        return [.. body.GetProperty("value").GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("title").GetString()!, r.GetProperty("value").GetString()!))];
    }

    private static void AssertBadRequest((HttpStatusCode Status, JsonElement Body) answer, int code = 400)
    {
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(code, answer.Body.GetProperty("statusCode").GetInt32());
        Assert.Equal(InvokeResponse.ErrorContentType, answer.Body.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(answer.Body.GetProperty("value").GetProperty("message").GetString()));
    }

    [Fact]
    public async Task TheOffice_FindsTalkees_ByNameOrUnit_TitledWithUnitAndPost_NeverItself()
    {
        await using var bot = new BotUnderTest(azurite, Monday);

        var (status, body) = await InvokeAsync(bot, Person.Office, Search(Datasets.Talkees, "干部"));
        var byUnit = Results((await InvokeAsync(bot, Person.Office, Search(Datasets.Talkees, "纪委办"))).Body);
        var english = Results((await InvokeAsync(bot, Person.Office with { Locale = "en-US" }, Search(Datasets.Talkees, "first party"))).Body);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            [("李干部 · 第一基层党委 · 第一基层党委主要领导", Person.Cadre1.AadObjectId), ("王干部 · 第一基层党委 · 第一基层党委委员", Person.Cadre2.AadObjectId)],
            Results(body).OrderBy(r => r.Value).ToList());
        Assert.Equal([Person.Recorder.AadObjectId, "00000000-0000-0000-0000-00000000a006"], byUnit.Select(r => r.Value).Order());
        Assert.Contains(("李干部 · First Party Committee · 第一基层党委主要领导", Person.Cadre1.AadObjectId), english);
    }

    [Fact]
    public async Task ACadre_FindsNobody_WhereTheyMayChooseNobody()
    {
        await using var bot = new BotUnderTest(azurite, Monday);

        foreach (var dataset in new[] { Datasets.Talkees, Datasets.Talkers, Datasets.Recorders, Datasets.LeadSubjects, Datasets.CaseSubjects, Datasets.ArchiveSubjects, Datasets.RoleHolders })
        {
            var (status, body) = await InvokeAsync(bot, Person.Cadre2, Search(dataset, ""));

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Empty(Results(body));
        }
    }

    [Fact]
    public async Task ARecordsPeople_AreForWhoeverLogsThatTalk_AndNeverItsTalkees()
    {
        await using var bot = new BotUnderTest(azurite, Monday);
        await bot.ExecuteAsync(Person.Office, Verbs.TalkCreate, new Dictionary<string, string>
        {
            [DataKeys.FormId] = TalkForm, ["talkees"] = Person.Cadre1.AadObjectId, ["talkers"] = Person.Leader.AadObjectId,
            ["recorder"] = Person.Recorder.AadObjectId, ["kind"] = "Routine", ["date"] = "2026-03-04", ["time"] = "09:30", ["place"] = "第三会议室",
        });
        var dataset = Datasets.About(Datasets.RecordTalkers, TalkForm);

        var talkers = Results((await InvokeAsync(bot, Person.Recorder, Search(dataset, ""))).Body);
        var byTalkee = Results((await InvokeAsync(bot, Person.Cadre1, Search(dataset, ""))).Body);
        var noSuchTalk = Results((await InvokeAsync(bot, Person.Recorder, Search(Datasets.About(Datasets.RecordTalkers, "0195a0b2c3d47e8f9a0b1c2d3e4f2999"), ""))).Body);
        var recorders = Results((await InvokeAsync(bot, Person.Recorder, Search(Datasets.About(Datasets.RecordRecorders, TalkForm), ""))).Body);

        Assert.Equal(Person.Leader.AadObjectId, talkers[0].Value); // the talker the talk was notified with comes first
        Assert.DoesNotContain(talkers, r => r.Value == Person.Cadre1.AadObjectId);
        Assert.Contains(talkers, r => r.Value == Person.Cadre2.AadObjectId);
        Assert.Empty(byTalkee);
        Assert.Empty(noSuchTalk);
        Assert.Equal([Person.Office.AadObjectId, Person.Recorder.AadObjectId], recorders.Select(r => r.Value).Order());
    }

    [Fact]
    public async Task PagesOfTheSearch_FollowOn()
    {
        await using var bot = new BotUnderTest(azurite, Monday);

        var all = Results((await InvokeAsync(bot, Person.Office, Search(Datasets.ArchiveSubjects, "", top: 25))).Body);
        var first = Results((await InvokeAsync(bot, Person.Office, Search(Datasets.ArchiveSubjects, "", skip: 0, top: 2))).Body);
        var second = Results((await InvokeAsync(bot, Person.Office, Search(Datasets.ArchiveSubjects, "", skip: 2, top: 2))).Body);

        Assert.Equal(7, all.Count);
        Assert.Equal(all.Take(4), [.. first, .. second]);
    }

    [Theory]
    [InlineData("""{"queryText":"李","dataset":"people.nobody"}""")]
    [InlineData("""{"queryText":"李"}""")]
    [InlineData("""{"queryText":7,"dataset":"people.talkee"}""")]
    [InlineData("""{"queryText":"李","dataset":"people.talkee","queryOptions":{"skip":-1,"top":15}}""")]
    [InlineData("""{"queryText":"李","dataset":"people.talkee","queryOptions":{"skip":0,"top":"15"}}""")]
    [InlineData("""{"queryText":"李","dataset":"people.talkee","queryOptions":[0,15]}""")]
    [InlineData("""["people.talkee"]""")]
    [InlineData("null")]
    public async Task AMalformedSearch_OrAnUnknownDataset_IsABadRequestInTheBody(string value)
    {
        await using var bot = new BotUnderTest(azurite, Monday);

        AssertBadRequest(await InvokeAsync(bot, Person.Office, JsonNode.Parse(value)));
    }

    [Fact]
    public async Task SomeoneOutsideTheDirectory_IsRefused_InTheBody()
    {
        await using var bot = new BotUnderTest(azurite, Monday);

        AssertBadRequest(await InvokeAsync(bot, Person.Stranger, Search(Datasets.Talkees, "李")), code: 403);
    }
}
