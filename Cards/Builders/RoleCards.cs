using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Roles;
using TalkBot.Cards.Views;
using TalkBot.Domain.People;
using static TalkBot.Cards.Builders.CardParts;

namespace TalkBot.Cards.Builders;

/// <summary>
/// The administrator's cards for Party and discipline roles and ranks (SPEC §1): choose a person or paste a CSV,
/// edit one person's roles, and the results. Input ids are <see cref="RoleFields"/>.
/// </summary>
public static class RoleCards
{
    /// <summary>How many changed people an import result lists by name; the rest are counted.</summary>
    public const int MaxListed = 40;

    public static AdaptiveCard Manage(RoleManageView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = locale.Pick("角色管理", "Roles and ranks");
        var card = NewCard(title);
        card.Body.Add(Heading(title));
        if (view.Errors is { Count: > 0 } errors)
        {
            card.Body.Add(Attention(errors));
        }

        card.Body.Add(Subtle(locale.Pick(
            "党内及纪检角色不来自组织名录，由管理员分配；职级用于诫勉谈话的审批（SPEC §1）。每次更改都记录操作人、时间和更改前后的内容。",
            "Party and discipline roles do not come from the directory: an administrator assigns them; the rank routes admonishment approvals (SPEC §1). Every change is recorded with who made it, when, and before and after.")));

        card.Body.Add(SubHeading(locale.Pick("为一名人员分配", "Assign one person")));
        // Not required: the import below submits the same card, and a required chooser would block it.
        card.Body.Add(PersonInput.Build(RoleFields.Person, RoleFields.Label(RoleFields.Person, locale), view.People, view.Person, Datasets.RoleHolders,
            required: false, errorMessage: null, locale));
        if (view.People.Count > 0)
        {
            card.Body.Add(CardActions.Set(CardActions.Execute(Verbs.RolesLoad, locale.Pick("载入当前角色", "Load current roles"))));
        }

        card.Body.Add(SubHeading(locale.Pick("批量导入（CSV）", "Import (CSV)")));
        card.Body.Add(Subtle(locale.Pick(
            "首行为表头 person,roles,rank。person 为 Entra 对象 ID 或登录名（userPrincipalName）；多个角色用分号 ; 分隔，可写角色名称或中文名称；rank 为正处级、副处级或科级及以下（也可写 Division、DeputyDivision、SectionAndBelow）。任何一行有误时不导入任何数据。",
            "The first line is the header person,roles,rank. person is the Entra object id or the userPrincipalName; roles are separated by ; as role names or their Chinese terms; rank is Division, DeputyDivision or SectionAndBelow (or 正处级, 副处级, 科级及以下). If any line is wrong, nothing is imported.")));
        card.Body.Add(new AdaptiveTextInput
        {
            Id = RoleFields.Csv,
            Label = RoleFields.Label(RoleFields.Csv, locale),
            IsMultiline = true,
            MaxLength = RoleCsvParser.MaxLength,
            Placeholder = "person,roles,rank\nli.ming@contoso.com,记录人;纪委办(监察处),科级及以下",
            Value = string.IsNullOrEmpty(view.Csv) ? null : view.Csv,
        });
        card.Body.Add(CardActions.Set(CardActions.Execute(Verbs.RolesImport, locale.Pick("导入", "Import"), style: AdaptiveActionStyle.Positive)));
        return card;
    }

    /// <param name="zone">The time zone in which the history's times are shown.</param>
    public static AdaptiveCard Edit(RoleEditView view, TimeZoneInfo zone, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(zone);
        var title = locale.Pick($"角色管理：{view.DisplayName}", $"Roles and rank: {view.DisplayName}");
        var card = NewCard(title);
        card.Body.Add(Heading(title));
        if (view.Errors is { Count: > 0 } errors)
        {
            card.Body.Add(Attention(errors));
        }

        card.Body.Add(Facts(
            (RoleFields.Label(RoleFields.Person, locale)!, view.Detail is null ? view.DisplayName : $"{view.DisplayName} · {view.Detail}"),
            (locale.Pick("当前角色", "Current roles"), RoleNames(view.Roles, locale)),
            (locale.Pick("当前职级", "Current rank"), Labels.Of(view.Rank, locale))));

        card.Body.Add(new AdaptiveChoiceSetInput
        {
            Id = RoleFields.Roles,
            Label = RoleFields.Label(RoleFields.Roles, locale),
            IsMultiSelect = true,
            Style = AdaptiveChoiceInputStyle.Expanded,
            Wrap = true,
            Choices = [.. Enum.GetValues<Role>().Select(r => new AdaptiveChoice(Labels.Of(r, locale), r.ToString()))],
            Value = (view.RolesValue ?? string.Join(',', view.Roles.Order())) is { Length: > 0 } roles ? roles : null,
        });
        card.Body.Add(new AdaptiveChoiceSetInput
        {
            Id = RoleFields.Rank,
            Label = RoleFields.Label(RoleFields.Rank, locale),
            IsRequired = true,
            ErrorMessage = locale.Pick("请选择职级。", "Please choose the rank."),
            Style = AdaptiveChoiceInputStyle.Expanded,
            // Highest first, as rank lists are read in China.
            Choices = [.. Enum.GetValues<Rank>().Reverse().Select(r => new AdaptiveChoice(Labels.Of(r, locale), r.ToString()))],
            // An entered rank that is not one of them ("") leaves the choice open rather than showing the current one.
            Value = view.RankValue is null ? view.Rank.ToString() : view.RankValue.Length == 0 ? null : view.RankValue,
        });

        var person = new Dictionary<string, string> { [RoleFields.Person] = view.Person.Value };
        card.Body.Add(CardActions.Set(
            CardActions.Execute(Verbs.RolesAssign, locale.Pick("保存", "Save"), person, AdaptiveActionStyle.Positive),
            CardActions.Execute(Verbs.RolesShow, locale.Pick("返回", "Back"), null, associatedInputs: AdaptiveAssociatedInputs.None)));

        card.Body.Add(SubHeading(locale.Pick("变更记录", "Changes")));
        card.Body.Add(view.History.Count == 0
            ? Subtle(locale.Pick("尚无变更记录：当前角色和职级来自组织名录。", "No change yet: the current roles and rank come from the directory."))
            : Bullets(view.History.Select(h => History(h, zone, locale))));
        return card;
    }

    public static AdaptiveCard Saved(RoleSavedView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = view.Changed
            ? locale.Pick("角色已更新", "Roles updated")
            : locale.Pick("角色未变更", "Roles unchanged");
        var card = NewCard($"{title}: {view.DisplayName}");
        card.Body.Add(Heading(title));
        card.Body.Add(view.Changed
            ? Status(locale.Pick("已保存，并已记入变更记录。", "Saved, and recorded in the change history."), AdaptiveContainerStyle.Good, AdaptiveTextColor.Good)
            : Paragraph(locale.Pick("与当前角色和职级相同，未作更改。", "These are the current roles and rank already; nothing changed.")));
        card.Body.Add(Facts(
            (RoleFields.Label(RoleFields.Person, locale)!, view.DisplayName),
            (RoleFields.Label(RoleFields.Roles, locale)!, RoleNames(view.Roles, locale)),
            (RoleFields.Label(RoleFields.Rank, locale)!, Labels.Of(view.Rank, locale))));
        card.Body.Add(CardActions.Set(
            CardActions.Execute(Verbs.RolesLoad, locale.Pick("再次修改", "Change again"), new Dictionary<string, string> { [RoleFields.Person] = view.Person.Value }),
            CardActions.Execute(Verbs.RolesShow, locale.Pick("管理其他人员", "Manage someone else"))));
        return card;
    }

    public static AdaptiveCard Imported(RoleImportedView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = locale.Pick($"导入完成：{view.Updated.Count} 人已更新", $"Import done: {view.Updated.Count} people updated");
        var card = NewCard(title);
        card.Body.Add(Heading(title));
        if (view.Updated.Count > 0)
        {
            card.Body.Add(Status(locale.Pick("每项更改均已记入变更记录。", "Every change is recorded in the change history."), AdaptiveContainerStyle.Good, AdaptiveTextColor.Good));
            card.Body.Add(Bullets(view.Updated.Take(MaxListed).Select(u => locale.Pick(
                $"{u.DisplayName}：{RoleNames(u.Roles, locale)}；{Labels.Of(u.Rank, locale)}",
                $"{u.DisplayName}: {RoleNames(u.Roles, locale)}; {Labels.Of(u.Rank, locale)}"))));
            if (view.Updated.Count > MaxListed)
            {
                card.Body.Add(Subtle(locale.Pick($"……以及其他 {view.Updated.Count - MaxListed} 人。", $"… and {view.Updated.Count - MaxListed} more.")));
            }
        }

        if (view.Unchanged > 0)
        {
            card.Body.Add(Paragraph(locale.Pick(
                $"{view.Unchanged} 人的角色和职级与当前相同，未作更改。",
                $"{view.Unchanged} people already held these roles and rank; nothing changed for them.")));
        }

        card.Body.Add(CardActions.Set(CardActions.Execute(Verbs.RolesShow, locale.Pick("返回角色管理", "Back to roles"))));
        return card;
    }

    /// <summary>The error line of a CSV over <see cref="RoleCsvParser.MaxLength"/> characters.</summary>
    public static string CsvTooLong(Locale locale) => locale.Pick(
        $"CSV 数据超过 {RoleCsvParser.MaxLength} 个字符，请分批导入。",
        $"The CSV is longer than {RoleCsvParser.MaxLength} characters; import it in parts.");

    public static string RoleNames(IEnumerable<Role> roles, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var names = roles.Order().Select(r => Labels.Of(r, locale)).ToList();
        return names.Count == 0 ? locale.Pick("无", "none") : Names(names, locale);
    }

    private static string History(RoleHistoryView h, TimeZoneInfo zone, Locale locale)
    {
        var when = DateText.DateTime(TimeZoneInfo.ConvertTime(h.At, zone), locale);
        var source = h.Source == AssignmentSource.Csv ? locale.Pick("CSV 导入", "CSV import") : locale.Pick("卡片", "card");
        var changes = new List<string>();
        if (!h.RolesBefore.SetEquals(h.RolesAfter))
        {
            changes.Add(locale.Pick(
                $"角色 {RoleNames(h.RolesBefore, locale)} → {RoleNames(h.RolesAfter, locale)}",
                $"roles {RoleNames(h.RolesBefore, locale)} → {RoleNames(h.RolesAfter, locale)}"));
        }

        if (h.RankBefore != h.RankAfter)
        {
            changes.Add(locale.Pick(
                $"职级 {Labels.Of(h.RankBefore, locale)} → {Labels.Of(h.RankAfter, locale)}",
                $"rank {Labels.Of(h.RankBefore, locale)} → {Labels.Of(h.RankAfter, locale)}"));
        }

        return locale.Pick(
            $"{when} {h.ByName}（{source}）：{string.Join("；", changes)}",
            $"{when} {h.ByName} ({source}): {string.Join("; ", changes)}");
    }
}
