using TalkBot.Bot.Features.Talks;
using TalkBot.Domain.Plans;

namespace TalkBot.Bot.Features.Plans;

/// <summary>
/// A talker's monthly plan as the card shows it: built from the tiers of 000 §二, stored per talker, shown with each
/// talkee's reason and progress. Whether a talk is scheduled is read from the talker's rows of the talks they talk in
/// (<c>TalksByPerson</c>, which name the talkees), so a talk made with 新建谈话 counts as well as one made from the plan,
/// and a plan of any length costs two queries.
/// </summary>
public sealed class PlanViews(
    PlanStore plans,
    PeopleDirectory directory,
    TalkStore talks,
    MonthlyPlanRules rules,
    TimeProvider time)
{
    /// <summary>The directory held and its tiers.</summary>
    public async Task<PlanDirectory> DirectoryAsync(CancellationToken cancellationToken) =>
        PlanDirectory.Of(await directory.CurrentAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>The month whose plan a person looks at now: the current month.</summary>
    public PlanMonth CurrentMonth()
    {
        var today = rules.Calendar.LocalDate(time.GetUtcNow());
        return new PlanMonth(today.Year, today.Month);
    }

    /// <param name="directory">The directory the caller has read already, if any.</param>
    public async Task<AdaptiveCard> ShowAsync(
        Person actor, Locale locale, PlanMonth month, CancellationToken cancellationToken, string? message = null, IReadOnlyList<string>? errors = null, PlanDirectory? directory = null)
    {
        var view = await ViewAsync(actor, month, cancellationToken, directory).ConfigureAwait(false);
        if (view is null)
        {
            var title = locale.Pick($"{month.Year}年{month.Month}月没有您的谈话计划", $"No talk plan of yours for {month}");
            return ErrorCard.Build(title, errors ?? [locale.Pick(
                "按照 000 §二 的层级，您本月没有谈话对象；计划在每月最后一周的第一个工作日生成（000 §三1）。",
                "By the tiers of 000 §二 you have no talkee this month; plans are made on the first working day of the month's last week (000 §三1).")], locale);
        }

        return PlanCards.Plan(view with { Message = message, Errors = errors }, locale);
    }

    /// <summary>The plan as the card shows it, or null when the person has none for the month.</summary>
    /// <param name="directory">The directory the caller has read already, if any.</param>
    public async Task<PlanView?> ViewAsync(Person talker, PlanMonth month, CancellationToken cancellationToken, PlanDirectory? directory = null)
    {
        var items = await plans.ListAsync(month, talker.Id, cancellationToken).ConfigureAwait(false);
        if (items.Count == 0)
        {
            return null;
        }

        var (lookup, units, assignments) = directory ?? await DirectoryAsync(cancellationToken).ConfigureAwait(false);
        var scheduled = await ScheduledTalkeesAsync(talker.Id, month, cancellationToken).ConfigureAwait(false);
        var lines = items.Select(s => s.Item).Select(item =>
        {
            var assignment = assignments.FirstOrDefault(a => a.Talkee == item.Talkee && a.Tier == item.Tier && a.Talker == (item.HandedFrom ?? talker.Id));
            var delegates = item.HandedFrom is null && assignment is not null
                ? assignment.DelegateTo.Where(d => d != item.Talkee).Select(d => new PersonChoice(d, lookup.Name(d))).ToList()
                : [];
            return new PlanLineView(
                item.Talkee.Value, lookup.Name(item.Talkee), item.Tier, item.Line, item.Unit is { } u ? units.FirstOrDefault(x => x.Id == u)?.Name : null,
                item.Status, scheduled.TryGetValue(item.Talkee, out var at) ? at : null, item.HandedTo is { } to ? lookup.Name(to) : null,
                item.HandedFrom is { } from ? lookup.Name(from) : null, delegates, item.AssignedBy is { } by ? lookup.Name(by) : null);
        }).OrderBy(l => l.Tier).ThenBy(l => l.TalkeeName, StringComparer.Ordinal).ToList();
        return new PlanView(month.Year, month.Month, talker.DisplayName, lines);
    }

    /// <summary>Talkees of the month still without a talk (open items only).</summary>
    public async Task<IReadOnlyList<PersonId>> UnscheduledAsync(PersonId talker, PlanMonth month, CancellationToken cancellationToken)
    {
        var items = await plans.ListAsync(month, talker, cancellationToken).ConfigureAwait(false);
        var scheduled = await ScheduledTalkeesAsync(talker, month, cancellationToken).ConfigureAwait(false);
        return [.. items.Select(s => s.Item).Where(i => i.IsOpen && !scheduled.ContainsKey(i.Talkee)).Select(i => i.Talkee).Distinct()];
    }

    public static string Refusal(PlanRefusal refusal, Locale locale) => refusal switch
    {
        PlanRefusal.NotADelegate => locale.Pick("只能委托给本层级规定的配合人员（000 §二）。", "A talk may only be delegated to the assistant named for this tier (000 §二)."),
        PlanRefusal.AlreadyHandedOver => locale.Pick("这次谈话已委托或回避，不能再更改（000 §二）。", "This talk has already been delegated or recused from (000 §二)."),
        PlanRefusal.NotTheOffice => locale.Pick("只有回避人所在层级的纪委办可以指定谈话人（000 §四(一)、§四(五)3）。",
            "Only the discipline office of the recused talker's level may name another talker (000 §四(一), §四(五)3)."),
        PlanRefusal.NotAssignable => locale.Pick(
            "只能指定回避人所在单位的书记、班子成员、派驻纪检监察组组长或纪委办人员，且不能是回避人或谈话对象本人（000 §二4、§四(五)3）。",
            "Only the secretary, a committee member, the stationed discipline leader or an office member of the recused talker's unit may be named, and neither the recused talker nor the talkee (000 §二4, §四(五)3)."),
        PlanRefusal.NotWaitingForOffice => locale.Pick("这次谈话不在等待纪委办指定谈话人，或已指定了其他谈话人（000 §四(五)3）。",
            "This talk is not waiting for the office to name a talker, or another talker was named already (000 §四(五)3)."),
        _ => locale.Pick("这次谈话不在您的本月计划中（000 §二）。", "This talk is not on your plan for the month (000 §二)."),
    };

    /// <summary>Days into the next month whose talks still count for a plan: the plan pushed them there (the notice takes 2 working days).</summary>
    private const int SpillDays = 10;

    /// <summary>The months whose plans a talk on <paramref name="day"/> can stand for: its own, and the one before within <see cref="SpillDays"/>.</summary>
    public static IReadOnlyList<PlanMonth> MonthsOf(DateOnly day)
    {
        var own = new PlanMonth(day.Year, day.Month);
        var before = new DateOnly(day.Year, day.Month, 1).AddMonths(-1);
        return day.Day <= SpillDays ? [own, new PlanMonth(before.Year, before.Month)] : [own];
    }

    /// <summary>Talks of the plan's month in which the talker talks to the talkee: when each is, by talkee; one query of the talker's rows.</summary>
    public async Task<Dictionary<PersonId, DateTimeOffset>> ScheduledTalkeesAsync(PersonId talker, PlanMonth month, CancellationToken cancellationToken)
    {
        var result = new Dictionary<PersonId, DateTimeOffset>();
        var first = new DateOnly(month.Year, month.Month, 1);
        var (from, until) = (rules.Calendar.ToInstant(first, TimeOnly.MinValue), rules.Calendar.ToInstant(first.AddMonths(1).AddDays(SpillDays), TimeOnly.MinValue));
        foreach (var (_, scheduledAt, talkees) in await talks.ListTalksAsTalkerAsync(talker, from, until, cancellationToken).ConfigureAwait(false))
        {
            foreach (var talkee in talkees)
            {
                result.TryAdd(talkee, rules.Calendar.ToLocal(scheduledAt));
            }
        }

        return result;
    }
}

/// <summary>The directory as the plans need it: people (with a name lookup), units, and the tiers derived from them.</summary>
public sealed record PlanDirectory(PeopleLookup Lookup, IReadOnlyList<Unit> Units, IReadOnlyList<TierAssignment> Assignments)
{
    public static PlanDirectory Of(PeopleLookup people)
    {
        ArgumentNullException.ThrowIfNull(people);
        return new(people, people.Units, people.Tiers);
    }

    public static PlanDirectory Of(IReadOnlyList<Person> people, IReadOnlyList<Unit> units) => Of(new PeopleLookup(people, units));

    /// <summary>Every talker's items for the month (000 §二); talkers without a talkee have none.</summary>
    public IReadOnlyDictionary<PersonId, IReadOnlyList<PlanItem>> ItemsByTalker() =>
        Assignments.GroupBy(a => a.Talker).ToDictionary(g => g.Key, g => (IReadOnlyList<PlanItem>)[.. g.Select(PlanItem.From)]);
}
