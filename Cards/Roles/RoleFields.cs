using TalkBot.Cards.Localization;

namespace TalkBot.Cards.Roles;

/// <summary>Input ids of the role cards; they are also the keys of the submitted action data.</summary>
public static class RoleFields
{
    /// <summary>The person: the chooser's value on the first card, the loaded person's id in the editor's data.</summary>
    public const string Person = "person";

    /// <summary>The roles chosen (a multi-select: <see cref="Domain.People.Role"/> names joined by commas).</summary>
    public const string Roles = "roles";

    public const string Rank = "rank";

    /// <summary>The pasted CSV of an import.</summary>
    public const string Csv = "csv";

    /// <summary>The field's label as the cards show it, or null for an unknown id.</summary>
    public static string? Label(string field, Locale locale) => field switch
    {
        Person => locale.Pick("人员", "Person"),
        Roles => locale.Pick("党内及纪检角色", "Party and discipline roles"),
        Rank => locale.Pick("职级", "Rank"),
        Csv => locale.Pick("CSV 数据", "CSV data"),
        _ => null,
    };
}
