using System.Globalization;
using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using TalkBot.Domain.People;
using TalkBot.Domain.Plans;
using static TalkBot.Cards.Builders.CardParts;

namespace TalkBot.Cards.Builders;

/// <summary>Keys of a plan action's data.</summary>
public static class PlanKeys
{
    public const string Month = "month";
    public const string Talkee = "talkee";
    public const string Tier = "tier";

    /// <summary>Who recused from the talk the office assigns (the plan the item is on).</summary>
    public const string Talker = "talker";

    /// <summary>The delegate chosen on one line: <c>delegate.{talkee}.{tier}</c>.</summary>
    public static string Delegate(string talkee, Tier tier) => $"delegate.{talkee}.{(int)tier}";

    /// <summary>The talker the office names on one line of its desk: <c>assign.{talker}.{talkee}.{tier}</c>.</summary>
    public static string Assign(string talker, string talkee, Tier tier) => $"assign.{talker}.{talkee}.{(int)tier}";
}

/// <summary>One talkee on the plan card.</summary>
/// <param name="Scheduled">The talk's local time when one is scheduled with the talkee this month.</param>
/// <param name="HandedToName">For a delegated or recused talk, who holds it now (null: the discipline office assigns).</param>
/// <param name="Delegates">Whom the talk may be delegated to (000 §二); empty when none.</param>
/// <param name="AssignedByName">For a talk the discipline office named the holder for after a recusal, who named them.</param>
public sealed record PlanLineView(
    string TalkeeId, string TalkeeName, Tier Tier, TalkeeLine Line, string? UnitName, PlanItemStatus Status,
    DateTimeOffset? Scheduled, string? HandedToName, string? HandedFromName, IReadOnlyList<PersonChoice> Delegates, string? AssignedByName = null);

/// <summary>
/// A talk of a plan whose talker recused with nobody on the tier to take it (000 §二4, §四(五)3), as the discipline
/// office's desk lists it until the office names a talker from <paramref name="Candidates"/>.
/// </summary>
public sealed record RecusedTalkLine(
    int Year, int Month, string TalkerId, string TalkerName, string TalkeeId, string TalkeeName, string? UnitName, Tier Tier, TalkeeLine Line,
    IReadOnlyList<PersonChoice> Candidates)
{
    public string MonthKey => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}

/// <summary>A talker's plan for one month.</summary>
public sealed record PlanView(int Year, int Month, string TalkerName, IReadOnlyList<PlanLineView> Lines, string? Message = null, IReadOnlyList<string>? Errors = null)
{
    public string MonthKey => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}

/// <summary>A person's place in the organisation (组织架构).</summary>
public sealed record OrgView(
    string Name, string? JobTitle, string? UnitName, string? ManagerName, IReadOnlyList<Role> Roles, Rank Rank,
    DateTimeOffset? LastSync = null, int? PeopleCount = null, UnitWhyView? UnitWhy = null);

/// <summary>The monthly plan card (000 §三1, 000 §二) and the organisation card.</summary>
public static class PlanCards
{
    public static AdaptiveCard Plan(PlanView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = locale.Pick($"{view.Year}年{view.Month}月廉政谈话计划", $"Integrity talk plan, {view.MonthKey}");
        var card = NewCard($"{title}: {view.TalkerName}");
        card.Body.Add(Heading(title));
        var open = view.Lines.Count(l => l.Status == PlanItemStatus.Planned);
        var scheduled = view.Lines.Count(l => l.Status == PlanItemStatus.Planned && l.Scheduled is not null);
        card.Body.Add(Paragraph(locale.Pick(
            $"谈话人：{view.TalkerName}。谈话原则上安排在每月最后一周（000 §三1）。已安排 {scheduled} / {open}。",
            $"Talker: {view.TalkerName}. Talks are held in the last week of the month (000 §三1). Scheduled: {scheduled} of {open}.")));
        if (view.Errors is { Count: > 0 } errors)
        {
            card.Body.Add(Attention(errors));
        }

        if (view.Message is { } message)
        {
            card.Body.Add(Status(message, AdaptiveContainerStyle.Good, AdaptiveTextColor.Good));
        }

        foreach (var line in view.Lines)
        {
            card.Body.Add(Line(view, line, locale));
        }

        return card;
    }

    public static AdaptiveCard Org(OrgView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = locale.Pick("我的组织信息", "My place in the organisation");
        var card = NewCard(title);
        card.Body.Add(Heading(title));
        var none = locale.Pick("无", "none");
        card.Body.Add(Facts(
            (locale.Pick("姓名", "Name"), view.Name),
            (locale.Pick("职务", "Job title"), view.JobTitle ?? none),
            (locale.Pick("单位", "Unit"), view.UnitName ?? none),
            (locale.Pick("上级", "Manager"), view.ManagerName ?? none),
            (locale.Pick("角色", "Roles"), view.Roles.Count == 0 ? none : string.Join(locale.Pick("、", ", "), view.Roles.Select(r => Labels.Of(r, locale)))),
            (locale.Pick("职级", "Rank"), Labels.Of(view.Rank, locale))));
        if (view.UnitWhy is { } why)
        {
            card.Body.Add(Paragraph(UnitCards.Why(why, locale)));
        }

        card.Body.Add(Subtle(locale.Pick("上下级与单位来自组织目录；角色与职级由管理员分配（SPEC §1）。", "Reporting lines and units come from the directory; roles and rank are assigned by an administrator (SPEC §1).")));
        if (view.LastSync is { } sync)
        {
            card.Body.Add(Subtle(locale.Pick(
                $"最近一次组织同步：{DateText.DateTime(sync, locale)}，{view.PeopleCount} 人。",
                $"Last directory sync: {DateText.DateTime(sync, locale)}, {view.PeopleCount} people.")));
        }

        return card;
    }

    public static string TierText(Tier tier, Locale locale) => tier switch
    {
        Tier.BureauSecretary => locale.Pick("第一层级：局党委书记谈话（000 §二1）", "Tier 1: the bureau secretary's talks (000 §二1)"),
        Tier.DisciplineGroupLeader => locale.Pick("第二层级：纪检监察组组长谈话（000 §二2）", "Tier 2: the discipline group leader's talks (000 §二2)"),
        Tier.UnitSecretary => locale.Pick("第三层级：基层党委（党总支、党支部）书记谈话（000 §二3）", "Tier 3: the grassroots secretary's talks (000 §二3)"),
        _ => locale.Pick("第四层级：派驻纪检监察组组长谈话（000 §二4）", "Tier 4: the stationed discipline leader's talks (000 §二4)"),
    };

    /// <summary>The tier and the line that put a talkee on a plan, as one line of text.</summary>
    public static string TierLineText(Tier tier, TalkeeLine line, Locale locale) =>
        locale.Pick($"{TierText(tier, locale)}；{LineText(line, locale)}", $"{TierText(tier, locale)}; {LineText(line, locale)}");

    /// <summary>Which line of 000 §二 put a talkee on the talk, and who assists on it (配合).</summary>
    public static string TalkLineText(TalkLineView line, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(line);
        var assisted = line.AssistantNames.Count > 0
            ? locale.Pick($"，{Names(line.AssistantNames, locale)}配合", $", assisted by {Names(line.AssistantNames, locale)}")
            : "";
        var tierLine = TierLineText(line.Tier, line.Line, locale);
        return locale.Pick($"{line.TalkeeName}：{tierLine}{assisted}。", $"{line.TalkeeName}: {tierLine}{assisted}.");
    }

    public static string LineText(TalkeeLine line, Locale locale) => line switch
    {
        TalkeeLine.BureauCommitteeMember => locale.Pick("局党委班子其他成员", "another member of the bureau committee"),
        TalkeeLine.NextLevelSecretary => locale.Pick("下一级党委（党总支、党支部）书记", "secretary of a party organisation one level down"),
        TalkeeLine.SubordinateUnitHead => locale.Pick("所属单位主要领导", "main leader of a unit under the bureau"),
        TalkeeLine.UnitCommitteeMember => locale.Pick("本级党委（党总支、党支部）班子其他成员", "another member of the unit's committee"),
        TalkeeLine.BranchSecretary => locale.Pick("下级党支部书记", "secretary of a branch below"),
        _ => locale.Pick("基层下属单位主要领导", "main leader of a subordinate unit"),
    };

    /// <summary>One recused talk on the office's desk: tier, line, month, talkee, who recused, and the talker to name.</summary>
    public static AdaptiveContainer Recused(RecusedTalkLine line, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(line);
        var container = new AdaptiveContainer { Separator = true, Spacing = AdaptiveSpacing.Medium };
        var talkee = line.UnitName is null ? line.TalkeeName : $"{line.TalkeeName}（{line.UnitName}）";
        container.Items.Add(new AdaptiveTextBlock(locale.Pick($"{line.Year}年{line.Month}月 · {talkee}", $"{line.MonthKey} · {talkee}"))
        {
            Wrap = true,
            Weight = AdaptiveTextWeight.Bolder,
        });
        container.Items.Add(Subtle(TierLineText(line.Tier, line.Line, locale)));
        container.Items.Add(Paragraph(locale.Pick(
            $"{line.TalkerName}已回避（000 §四(五)3），本层级无可委托的人员（000 §二4），待纪委办指定谈话人。",
            $"{line.TalkerName} recused (000 §四(五)3); the tier names nobody to take the talk (000 §二4): name a talker.")));
        if (line.Candidates.Count == 0)
        {
            container.Items.Add(Subtle(locale.Pick("该单位没有可指定的班子成员、派驻纪检监察组组长或纪委办人员。",
                "The unit has no committee member, stationed discipline leader or office member to name.")));
            return container;
        }

        container.Items.Add(new AdaptiveChoiceSetInput
        {
            Id = PlanKeys.Assign(line.TalkerId, line.TalkeeId, line.Tier),
            Label = locale.Pick("指定谈话人", "Talker"),
            Choices = [.. line.Candidates.Select(c => new AdaptiveChoice(c.Title, c.Id.Value))],
            Placeholder = locale.Pick("请选择", "Choose"),
        });
        var ids = new Dictionary<string, string>
        {
            [PlanKeys.Month] = line.MonthKey, [PlanKeys.Talker] = line.TalkerId, [PlanKeys.Talkee] = line.TalkeeId,
            [PlanKeys.Tier] = ((int)line.Tier).ToString(CultureInfo.InvariantCulture),
        };
        container.Items.Add(CardActions.Set(CardActions.Execute(Verbs.PlanAssign, locale.Pick("指定并通知谈话人", "Name and tell the talker"), ids,
            AdaptiveActionStyle.Positive, AdaptiveAssociatedInputs.Auto, $"do-assign.{line.TalkerId}.{line.TalkeeId}.{(int)line.Tier}")));
        return container;
    }

    private static AdaptiveContainer Line(PlanView view, PlanLineView line, Locale locale)
    {
        var container = new AdaptiveContainer { Separator = true, Spacing = AdaptiveSpacing.Medium };
        container.Items.Add(SubHeading(line.UnitName is null ? line.TalkeeName : $"{line.TalkeeName}（{line.UnitName}）"));
        container.Items.Add(Subtle(TierLineText(line.Tier, line.Line, locale)));
        if (line is { HandedFromName: { } recused, AssignedByName: { } by })
        {
            container.Items.Add(Subtle(locale.Pick($"{recused}回避，纪委办{by}指定您谈话（000 §四(五)3）。",
                $"{recused} recused; {by} of the discipline office named you to hold the talk (000 §四(五)3).")));
        }
        else if (line.HandedFromName is { } from)
        {
            container.Items.Add(Subtle(locale.Pick($"由{from}委托或因回避转来。", $"Handed over by {from}.")));
        }

        container.Items.Add(Paragraph(StatusText(line, locale)));
        if (line.Status != PlanItemStatus.Planned || line.Scheduled is not null)
        {
            return container;
        }

        var ids = new Dictionary<string, string> { [PlanKeys.Month] = view.MonthKey, [PlanKeys.Talkee] = line.TalkeeId, [PlanKeys.Tier] = ((int)line.Tier).ToString(CultureInfo.InvariantCulture) };
        var suffix = $"{line.TalkeeId}.{(int)line.Tier}";
        var actions = new List<AdaptiveAction>
        {
            CardActions.Execute(Verbs.PlanSchedule, locale.Pick("安排谈话", "Schedule"), ids, AdaptiveActionStyle.Positive, AdaptiveAssociatedInputs.None, $"schedule.{suffix}"),
        };
        if (line.Delegates.Count > 0)
        {
            container.Items.Add(new AdaptiveChoiceSetInput
            {
                Id = PlanKeys.Delegate(line.TalkeeId, line.Tier),
                Label = locale.Pick("委托给（000 §二）", "Delegate to (000 §二)"),
                Choices = [.. line.Delegates.Select(d => new AdaptiveChoice(d.DisplayName, d.Id.Value))],
                Placeholder = locale.Pick("请选择", "Choose"),
            });
            actions.Add(CardActions.Execute(Verbs.PlanDelegate, locale.Pick("委托", "Delegate"), ids, AdaptiveActionStyle.Default, AdaptiveAssociatedInputs.Auto, $"do-delegate.{suffix}"));
        }

        actions.Add(CardActions.Execute(Verbs.PlanRecuse, locale.Pick("回避", "Recuse"), ids, AdaptiveActionStyle.Default, AdaptiveAssociatedInputs.None, $"recuse.{suffix}"));
        container.Items.Add(CardActions.Set([.. actions]));
        return container;
    }

    private static string StatusText(PlanLineView line, Locale locale) => line switch
    {
        { Status: PlanItemStatus.Delegated } => locale.Pick($"已委托{line.HandedToName}谈话。", $"Delegated to {line.HandedToName}."),
        { Status: PlanItemStatus.Recused, HandedToName: { } to } => locale.Pick($"已回避，改由{to}谈话（000 §四(五)3）。", $"Recused; {to} holds the talk now (000 §四(五)3)."),
        { Status: PlanItemStatus.Recused } => locale.Pick("已回避，由纪委办另行安排谈话人（000 §四(五)3）。", "Recused; the discipline office assigns another talker (000 §四(五)3)."),
        { Scheduled: { } at } => locale.Pick($"已安排：{DateText.DateTime(at, locale)}。", $"Scheduled: {DateText.DateTime(at, locale)}."),
        _ => locale.Pick("待安排。", "To be scheduled."),
    };
}
