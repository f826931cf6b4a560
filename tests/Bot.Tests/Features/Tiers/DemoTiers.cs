using TalkBot.Bot.Tests.Support;

namespace TalkBot.Bot.Tests.Features.Tiers;

/// <summary>
/// The demo organisation (demo/org.json), whose tiers have every line of 000 §二: 张建国 (tier 1, assisted by 王正清),
/// 王正清 (tier 2: 周海涛 and 何建平, assisted by 赵明, may invite 李卫东), 周海涛 (tier 3: 吴志刚, 郑晓燕, 马文斌, assisted
/// by 吴志刚), 吴志刚 (tier 4: 黄磊, may invite 郑晓燕).
/// </summary>
public static class DemoTiers
{
    private static string Id(int n) => $"3f1c2a10-5b6d-4e7f-8a90-1b2c3d4e5f{n:D2}";

    public static Person Secretary { get; } = new(Id(1), "29:zhang", "张建国");
    public static Person Member { get; } = new(Id(2), "29:li", "李卫东");
    public static Person Leader { get; } = new(Id(3), "29:wang", "王正清");
    public static Person Deputy { get; } = new(Id(4), "29:zhao", "赵明");
    public static Person Office { get; } = new(Id(5), "29:chen", "陈静");
    public static Person Recorder { get; } = new(Id(6), "29:liu", "刘芳");
    public static Person EastSecretary { get; } = new(Id(8), "29:zhou", "周海涛");
    public static Person Stationed { get; } = new(Id(9), "29:wu", "吴志刚");
    public static Person EastMember { get; } = new(Id(10), "29:zheng", "郑晓燕");
    public static Person StationHead { get; } = new(Id(11), "29:huang", "黄磊");

    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    public static async Task<BotUnderTest> StartAsync(AzuriteFixture azurite, DateTimeOffset now, bool plans = false)
    {
        var bot = new BotUnderTest(azurite, now, settings: new Dictionary<string, string>
        {
            ["Directory:OrgFile"] = Path.Combine(RepoRoot.Path, "demo", "org.json"),
            ["Plans:Enabled"] = plans ? "true" : "false",
        });
        _ = bot.Server;
        foreach (var person in new[] { Secretary, Member, Leader, Deputy, Office, Recorder, EastSecretary, Stationed, EastMember, StationHead })
        {
            await bot.InstallAsync(person);
        }

        return bot;
    }

    /// <summary>A 新建谈话 submit: one talkee, the talkers in order, and whom it invites (the plan form's 邀请共同谈话).</summary>
    public static Dictionary<string, string> Talk(string form, Person talkee, Person[] talkers, params Person[] joint)
    {
        var data = new Dictionary<string, string>
        {
            [Cards.DataKeys.FormId] = form, ["talkees"] = talkee.AadObjectId, ["talkers"] = string.Join(',', talkers.Select(t => t.AadObjectId)),
            ["recorder"] = Recorder.AadObjectId, ["kind"] = "Routine", ["date"] = "2026-03-05", ["time"] = "09:30", ["place"] = "第二会议室",
            ["contentDate"] = "2026-03-02",
        };
        if (joint.Length > 0)
        {
            data["joint"] = string.Join(',', joint.Select(j => j.AadObjectId));
        }

        return data;
    }
}
