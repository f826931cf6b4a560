using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Domain;
using TalkBot.Domain.People;
using static TalkBot.Cards.Builders.CardParts;

namespace TalkBot.Cards.Builders;

/// <summary>Why a unit sits where it does, with the names the explanation needs.</summary>
/// <param name="CorrectedAt">In the site's time zone.</param>
public sealed record UnitWhyView(
    UnitOrigin Origin, string? ParentName, string? HeadName, string? HeadManagerName, string? DerivedParentName, string? CorrectedByName, DateTimeOffset? CorrectedAt);

/// <summary>One unit of the organisation, as 单位管理 lists it.</summary>
public sealed record UnitLineView(UnitId Id, string Name, UnitLevel Level, UnitId? ParentId, string? ParentName, UnitWhyView? Why, int People);

/// <summary>单位管理: every unit, or one unit to correct.</summary>
public sealed record UnitListView(IReadOnlyList<UnitLineView> Units, UnitLineView? Selected = null, string? Message = null, IReadOnlyList<string>? Errors = null);

/// <summary>
/// The administrator's units card (000 §二 needs each unit's level and parent): the units the directory gave, why each sits
/// where it does, and a form to correct a unit's level or parent, which every later sync keeps.
/// </summary>
public static class UnitCards
{
    public const string UnitInput = "unit";
    public const string LevelInput = "level";
    public const string ParentInput = "parent";

    /// <summary>The choice that keeps what the directory says.</summary>
    public const string Derived = "derived";

    /// <summary>The parent choice for a unit without parent.</summary>
    public const string NoParent = "none";

    public static AdaptiveCard List(UnitListView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = locale.Pick("单位管理", "Units");
        var card = NewCard(title);
        card.Body.Add(Heading(title));
        if (view.Errors is { Count: > 0 } errors)
        {
            card.Body.Add(Attention(errors));
        }

        if (view.Message is { } message)
        {
            card.Body.Add(Status(message, AdaptiveContainerStyle.Good, AdaptiveTextColor.Good));
        }

        card.Body.Add(Subtle(locale.Pick(
            "单位及其上级、级别由组织目录的汇报关系和部门推导（000 §二 的四个层级据此确定）；管理员的更正在每次同步后保留，并记入审计日志。",
            "Units, their parents and levels are derived from the directory's reporting lines and departments (the four tiers of 000 §二 follow from them); an administrator's correction is kept across every sync and written to the audit log.")));
        card.Body.Add(Paragraph(view.Units.Count == 0
            ? locale.Pick("组织目录中还没有单位，请先同步组织。", "The directory has no units yet: synchronise it first.")
            : string.Join(locale.Pick("；", "; "), view.Units.GroupBy(u => u.Level).OrderBy(g => g.Key)
                .Select(g => locale.Pick($"{LevelText(g.Key, locale)} {g.Count()} 个", $"{LevelText(g.Key, locale)}: {g.Count()}")))));
        if (view.Units.Count > 0)
        {
            card.Body.Add(new AdaptiveChoiceSetInput
            {
                Id = UnitInput,
                Label = locale.Pick("单位", "Unit"),
                Style = AdaptiveChoiceInputStyle.Filtered,
                Placeholder = locale.Pick("输入单位名称查找", "Type a unit's name to find"),
                Choices = [.. view.Units.Select(u => new AdaptiveChoice(Title(u, locale), u.Id.Value))],
                Value = view.Selected?.Id.Value,
            });
            card.Body.Add(CardActions.Set(CardActions.Execute(Verbs.UnitsShow, locale.Pick("查看并更正", "Show and correct"))));
        }

        if (view.Selected is { } unit)
        {
            AddEditor(card, unit, view.Units, locale);
        }

        return card;
    }

    public static string LevelText(UnitLevel level, Locale locale) => level switch
    {
        UnitLevel.Bureau => locale.Pick("局", "bureau"),
        UnitLevel.PartyCommittee => locale.Pick("基层党委", "party committee"),
        UnitLevel.GeneralBranch => locale.Pick("党总支", "general branch"),
        UnitLevel.Branch => locale.Pick("党支部", "branch"),
        _ => locale.Pick("部门（无党组织）", "department (no party organisation)"),
    };

    /// <summary>Why the unit has its level and its parent, in a sentence or two.</summary>
    public static string Why(UnitWhyView why, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(why);
        var o = why.Origin;
        var level = o.LevelBasis switch
        {
            LevelBasis.Root => locale.Pick("级别为局：其负责人是组织中没有上级、下属最多的人。", "Level bureau: its head has no manager and the most people under them."),
            LevelBasis.Name => locale.Pick("级别依据单位名称的结尾。", "Level from the end of its name."),
            LevelBasis.Depth => locale.Pick($"级别依据其在局下的第 {o.Depth} 层（设置 Directory:LevelsByDepth）。", $"Level from its depth {o.Depth} below the bureau (setting Directory:LevelsByDepth)."),
            LevelBasis.Corrected => locale.Pick(
                $"级别由 {why.CorrectedByName} 于 {Moment(why.CorrectedAt, locale)} 更正（目录推导为{LevelText(o.DerivedLevel ?? UnitLevel.Department, locale)}）。",
                $"Level corrected by {why.CorrectedByName} on {Moment(why.CorrectedAt, locale)} (the directory gave {LevelText(o.DerivedLevel ?? UnitLevel.Department, locale)})."),
            LevelBasis.File => locale.Pick("级别来自组织文件。", "Level from the organisation file."),
            _ => locale.Pick("名称未表明党组织，视为部门。", "Its name names no party organisation: a department."),
        };
        var parent = o.ParentBasis switch
        {
            ParentBasis.Root => locale.Pick("组织的最高单位。", "The top of the organisation."),
            ParentBasis.ReportingLine => locale.Pick(
                $"设在“{why.ParentName}”之下：本单位负责人 {why.HeadName} 的上级 {why.HeadManagerName} 在该单位。",
                $"Under “{why.ParentName}”: the unit's head {why.HeadName} reports to {why.HeadManagerName}, who is there."),
            ParentBasis.NoReportingLine => locale.Pick(
                $"没有上级单位：{why.HeadName} 在目录中没有上级。", $"No parent: {why.HeadName} has no manager in the directory."),
            ParentBasis.Corrected => locale.Pick(
                $"上级单位由 {why.CorrectedByName} 于 {Moment(why.CorrectedAt, locale)} 更正为“{why.ParentName ?? "无"}”（目录推导为“{why.DerivedParentName ?? "无"}”）。",
                $"Parent corrected by {why.CorrectedByName} on {Moment(why.CorrectedAt, locale)} to “{why.ParentName ?? "none"}” (the directory gave “{why.DerivedParentName ?? "none"}”)."),
            _ => locale.Pick("上级单位来自组织文件。", "Parent from the organisation file."),
        };
        return level + parent;
    }

    private static void AddEditor(AdaptiveCard card, UnitLineView unit, IReadOnlyList<UnitLineView> units, Locale locale)
    {
        card.Body.Add(SubHeading(unit.Name));
        card.Body.Add(Facts(
            (locale.Pick("级别", "Level"), LevelText(unit.Level, locale)),
            (locale.Pick("上级单位", "Parent"), unit.ParentName ?? locale.Pick("无", "none")),
            (locale.Pick("人数", "People"), unit.People.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        if (unit.Why is { } why)
        {
            card.Body.Add(Paragraph(Why(why, locale)));
        }

        var corrected = unit.Why?.Origin;
        card.Body.Add(new AdaptiveChoiceSetInput
        {
            Id = LevelInput,
            Label = locale.Pick("更正级别", "Correct the level"),
            Choices = [new(locale.Pick("按目录", "as the directory says"), Derived), .. Enum.GetValues<UnitLevel>().Select(l => new AdaptiveChoice(LevelText(l, locale), l.ToString()))],
            Value = corrected?.LevelBasis == LevelBasis.Corrected ? unit.Level.ToString() : Derived,
        });
        card.Body.Add(new AdaptiveChoiceSetInput
        {
            Id = ParentInput,
            Label = locale.Pick("更正上级单位", "Correct the parent"),
            Style = AdaptiveChoiceInputStyle.Filtered,
            Choices =
            [
                new(locale.Pick("按目录", "as the directory says"), Derived), new(locale.Pick("无上级单位", "no parent"), NoParent),
                .. units.Where(u => u.Id != unit.Id).Select(u => new AdaptiveChoice(Title(u, locale), u.Id.Value)),
            ],
            Value = corrected?.ParentBasis == ParentBasis.Corrected
                ? unit.ParentId?.Value ?? NoParent
                : Derived,
        });
        card.Body.Add(CardActions.Set(CardActions.Execute(Verbs.UnitsCorrect, locale.Pick("保存更正", "Save the correction"),
            new Dictionary<string, string> { [UnitInput] = unit.Id.Value }, AdaptiveActionStyle.Positive)));
    }

    private static string Title(UnitLineView unit, Locale locale) =>
        unit.ParentName is { } parent ? $"{unit.Name}（{LevelText(unit.Level, locale)}，{parent}）" : $"{unit.Name}（{LevelText(unit.Level, locale)}）";

    private static string Moment(DateTimeOffset? at, Locale locale) => at is { } value ? DateText.DateTime(value, locale) : "";
}
