using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;

namespace TalkBot.Cards.Builders;

/// <summary>
/// A person field, alike on every form. Its choices are a short list (whoever is already chosen and the caller's likeliest
/// candidates, <see cref="ShortListSize"/> at most unless more are chosen), so that the card stays within Teams' size limit
/// at any size of organisation. When the list may leave people out, Teams' dynamic typeahead asks the bot for everyone else
/// the caller may choose there as the user types; a shorter list holds everyone the field takes, and is offered as it is
/// (every client shows it whole, a multi-select as one).
/// </summary>
public static class PersonInput
{
    /// <summary>How many people a form lists in a field that takes more.</summary>
    public const int ShortListSize = 20;

    /// <param name="people">The short list; the card names nobody else.</param>
    /// <param name="value">What is chosen (ids, comma-separated for several); ids the list does not offer are left out.</param>
    /// <param name="dataset">The field's typeahead dataset (<see cref="Datasets"/>), or null for a list that is complete as given.</param>
    /// <param name="errorMessage">What a client says when a required field is left empty.</param>
    public static AdaptiveElement Build(
        string id, string? label, IReadOnlyList<PersonChoice> people, string? value, string? dataset, bool required, string? errorMessage, Locale locale,
        bool multi = false)
    {
        ArgumentNullException.ThrowIfNull(people);
        if (people.Count == 0)
        {
            // A choice set without choices is invalid: nobody may be chosen here, so say so.
            return new AdaptiveTextBlock(locale.Pick($"{label}：没有可选择的人员。", $"{label}: nobody is available to choose."))
            {
                Wrap = true,
                Color = required ? AdaptiveTextColor.Attention : AdaptiveTextColor.Default,
            };
        }

        var search = people.Count >= ShortListSize ? dataset : null;
        var offered = people.Select(p => p.Id.Value).ToHashSet(StringComparer.Ordinal);
        var chosen = (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(offered.Contains).ToList();
        return new AdaptiveChoiceSetInput
        {
            Id = id,
            Label = label,
            IsRequired = required,
            ErrorMessage = required ? errorMessage : null,
            IsMultiSelect = multi,
            // Teams' typeahead is a filtered choice set, for one person or several (msteams-docs, dynamic-search.md).
            Style = search is not null || !multi ? AdaptiveChoiceInputStyle.Filtered : AdaptiveChoiceInputStyle.Compact,
            Placeholder = search is null
                ? locale.Pick("请选择", "Choose")
                : locale.Pick("输入姓名、单位、职务或登录名查找", "Type a name, unit, post or sign-in name"),
            Choices = [.. people.Select(p => new AdaptiveChoice(p.Title, p.Id.Value))],
            ChoicesData = search is null ? null : new AdaptiveDataQuery(search),
            Value = chosen.Count > 0 ? string.Join(',', chosen) : null,
        };
    }
}
