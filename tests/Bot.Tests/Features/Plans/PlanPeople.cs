using TalkBot.Bot.Tests.Support;

namespace TalkBot.Bot.Tests.Features.Plans;

/// <summary>The people of TestData/org-plans.json and org-tier4.json, one declaration for every plan test.</summary>
internal static class PlanPeople
{
    public static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    public static readonly Person Secretary = new("00000000-0000-0000-0000-00000000b001", "29:secretary", "张书记");
    public static readonly Person Leader = new("00000000-0000-0000-0000-00000000b002", "29:leader", "钱组长");
    public static readonly Person Deputy = new("00000000-0000-0000-0000-00000000b003", "29:deputy", "赵副组长");
    public static readonly Person EastSecretary = new("00000000-0000-0000-0000-00000000b004", "29:east", "周书记");
    public static readonly Person Member = new("00000000-0000-0000-0000-00000000b005", "29:member", "郑委员");
    public static readonly Person Office = new("00000000-0000-0000-0000-00000000b006", "29:office", "陈纪办");
    public static readonly Person Stationed = new("00000000-0000-0000-0000-00000000b008", "29:stationed", "吴组长");
    public static readonly Person StationHead = new("00000000-0000-0000-0000-00000000b009", "29:stationhead", "孙所长");
}
