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

    /// <summary>The delegate chosen on one line: <c>delegate.{talkee}.{tier}</c>.</summary>
    public static string Delegate(string talkee, Tier tier) => $"delegate.{talkee}.{(int)tier}";
}

/// <summary>One talkee on the plan card.</summary>
/// <param name="Scheduled">The talk's local time when one is scheduled with the talkee this month.</param>
/// <param name="HandedToName">For a delegated or recused talk, who holds it now (null: the discipline office assigns).</param>
/// <param name="Delegates">Whom the talk may be delegated to (000 §二); empty when none.</param>
public sealed record PlanLineView(
    string TalkeeId, string TalkeeName, Tier Tier, TalkeeLine Line, string? UnitName, PlanItemStatus Status,
    DateTimeOffset? Scheduled, string? HandedToName, string? HandedFromName, IReadOnlyList<PersonChoice> Delegates);

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

    /// <summary>Which line of 000 §二 put a talkee on the talk, and who assists on it (配合).</summary>
    public static string TalkLineText(TalkLineView line, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(line);
        var assisted = line.AssistantNames.Count > 0
            ? locale.Pick($"，{Names(line.AssistantNames, locale)}配合", $", assisted by {Names(line.AssistantNames, locale)}")
            : "";
        return locale.Pick($"{line.TalkeeName}：{TierText(line.Tier, locale)}；{LineText(line.Line, locale)}{assisted}。",
            $"{line.TalkeeName}: {TierText(line.Tier, locale)}; {LineText(line.Line, locale)}{assisted}.");
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

    private static AdaptiveContainer Line(PlanView view, PlanLineView line, Locale locale)
    {
        var container = new AdaptiveContainer { Separator = true, Spacing = AdaptiveSpacing.Medium };
        container.Items.Add(SubHeading(line.UnitName is null ? line.TalkeeName : $"{line.TalkeeName}（{line.UnitName}）"));
        container.Items.Add(Subtle(locale.Pick($"{TierText(line.Tier, locale)}；{LineText(line.Line, locale)}", $"{TierText(line.Tier, locale)}; {LineText(line.Line, locale)}")));
        if (line.HandedFromName is { } from)
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
