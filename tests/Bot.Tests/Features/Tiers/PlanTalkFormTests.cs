using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;
using TalkBot.Cards.Builders;
using TalkBot.Domain;
using TalkBot.Domain.Plans;
using static TalkBot.Bot.Tests.Features.Tiers.DemoTiers;

namespace TalkBot.Bot.Tests.Features.Tiers;

/// <summary>
/// 安排谈话 from the monthly plan (000 §二): the form says who assists and, on tiers 2 and 4, offers 邀请共同谈话 with its
/// typeahead limited to whom the tier lets its talker invite; after 委托 the delegate holds the talk and the assistant is
/// not added twice.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PlanTalkFormTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private const string Form = "0195a0b2c3d47e8f9a0b1c2d3e4f7b01";

    private static Dictionary<string, string> Item(Person talkee, Tier tier) => new()
    {
        [PlanKeys.Month] = "2026-03", [PlanKeys.Talkee] = talkee.AadObjectId, [PlanKeys.Tier] = ((int)tier).ToString(CultureInfo.InvariantCulture),
    };

    // The plan goes out at 08:30 on Wednesday 25 March, the first working day of the month's last week (000 §三1).
    private async Task<BotUnderTest> PlanDayAsync()
    {
        var bot = await StartAsync(azurite, new DateTimeOffset(2026, 3, 2, 10, 0, 0, Cst), plans: true);
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 25, 8, 31, 0, Cst));
        await bot.RunSchedulerAsync();
        return bot;
    }

    // The people the form's 邀请共同谈话 field offers.
    private static List<string> JointChoices(JsonElement card)
    {
        static IEnumerable<JsonElement> All(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Object => e.EnumerateObject().SelectMany(p => All(p.Value)).Prepend(e),
            JsonValueKind.Array => e.EnumerateArray().SelectMany(All),
            _ => [],
        };

        var field = All(card).Single(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("id", out var id) && id.GetString() == "joint");
        return [.. field.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()!)];
    }

    // A talk of the plan: content determined on the plan day, held within 5 days (000 §四(一)2).
    private static Dictionary<string, string> OnPlanDay(Dictionary<string, string> talk)
    {
        talk["date"] = "2026-03-30";
        talk["contentDate"] = "2026-03-25";
        return talk;
    }

    private static async Task<List<string>> SearchAsync(BotUnderTest bot, Person person, Person talkee)
    {
        var activity = person.Activity("invoke");
        activity["name"] = "application/search";
        activity["value"] = new JsonObject { ["queryText"] = "", ["dataset"] = Datasets.About(Datasets.JointTalkers, talkee.AadObjectId) };
        using var response = await bot.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. body.RootElement.GetProperty("value").GetProperty("results").EnumerateArray().Select(r => r.GetProperty("value").GetString()!)];
    }

    [Fact]
    public async Task TheGroupLeadersPlanForm_NamesHisAssistant_AndOffersToInviteTheBureauCommitteeOnly()
    {
        await using var bot = await PlanDayAsync();

        var form = await bot.ExecuteAsync(Leader, Verbs.PlanSchedule, Item(EastSecretary, Tier.DisciplineGroupLeader));
        var tier2 = CardText.Of(form);
        var tier1 = CardText.Of(await bot.ExecuteAsync(Secretary, Verbs.PlanSchedule, Item(EastSecretary, Tier.BureauSecretary)));

        Assert.Contains("第二层级", tier2, StringComparison.Ordinal);
        Assert.Contains("赵明配合谈话，将一并列为谈话人并收到通知（000 §二2）", tier2, StringComparison.Ordinal);
        Assert.Contains("邀请共同谈话", tier2, StringComparison.Ordinal);
        Assert.Equal([Member.AadObjectId], JointChoices(form));
        Assert.Contains("王正清配合谈话", tier1, StringComparison.Ordinal);
        Assert.DoesNotContain("邀请共同谈话", tier1, StringComparison.Ordinal); // 000 §二1 names no joint talk
    }

    [Fact]
    public async Task AssistingTheSecretarysTalk_DoesNotCountAsTheGroupLeadersOwnTalkWithTheSameCadre()
    {
        await using var bot = await PlanDayAsync();
        static Dictionary<string, string> March() => new() { [PlanKeys.Month] = "2026-03" };

        await bot.ExecuteAsync(Office, Verbs.TalkCreate, OnPlanDay(Talk(Form, EastSecretary, [Secretary])));

        Assert.Equal([Secretary.AadObjectId, Leader.AadObjectId], (await bot.Services.GetRequiredService<TalkStore>().GetAsync(new TalkId(Form), default))!.Talkers.Select(t => t.Value));
        Assert.Contains("已安排 1 / 4", CardText.Of(await bot.ExecuteAsync(Secretary, Verbs.PlanShow, March())), StringComparison.Ordinal);
        Assert.Contains("已安排 0 / 2", CardText.Of(await bot.ExecuteAsync(Leader, Verbs.PlanShow, March())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheJointTypeahead_FindsWhomTheCallersTierMayInvite_AndNobodyForOthers()
    {
        await using var bot = await StartAsync(azurite, Monday);

        Assert.Equal([Member.AadObjectId], await SearchAsync(bot, Leader, EastSecretary));
        Assert.Equal([EastMember.AadObjectId], await SearchAsync(bot, Stationed, StationHead));
        Assert.Empty(await SearchAsync(bot, Secretary, EastSecretary)); // tier 1 invites nobody
        Assert.Empty(await SearchAsync(bot, EastMember, EastSecretary)); // on no line of the talkee
    }

    [Fact]
    public async Task AfterDelegation_TheDeputyHoldsTheTalk_AndIsNotAddedAgainAsItsAssistant()
    {
        await using var bot = await PlanDayAsync();
        var delegated = new Dictionary<string, string>(Item(EastSecretary, Tier.DisciplineGroupLeader))
        {
            [PlanKeys.Delegate(EastSecretary.AadObjectId, Tier.DisciplineGroupLeader)] = Deputy.AadObjectId,
        };
        await bot.ExecuteAsync(Leader, Verbs.PlanDelegate, delegated);
        var handed = OnPlanDay(Talk(Form, EastSecretary, [Deputy]));
        foreach (var (key, value) in Item(EastSecretary, Tier.DisciplineGroupLeader))
        {
            handed[key] = value;
        }

        var created = CardText.Of(await bot.ExecuteAsync(Deputy, Verbs.PlanTalkCreate, handed));
        var byLeader = CardText.Of(await bot.ExecuteAsync(Office, Verbs.TalkCreate, OnPlanDay(Talk("0195a0b2c3d47e8f9a0b1c2d3e4f7b02", EastSecretary, [Leader]))));

        Assert.Contains("谈话已创建", created, StringComparison.Ordinal);
        Assert.Equal([Deputy.AadObjectId], (await bot.Services.GetRequiredService<TalkStore>().GetAsync(new TalkId(Form), default))!.Talkers.Select(t => t.Value));
        // The leader handed the line over: the office cannot arrange it for him any more (000 §二).
        Assert.Contains("与周海涛的日常廉政谈话已由王正清委托他人或因回避转出", byLeader, StringComparison.Ordinal);
    }
}
