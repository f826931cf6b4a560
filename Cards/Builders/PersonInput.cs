using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;

namespace TalkBot.Cards.Builders;

/// <summary>
/// A person field, alike on every form. Its choices are a short list (whoever is already chosen and the caller's likeliest
/// candidates), so that the card stays within Teams' size limit at any size of organisation; with a dataset, Teams'
/// dynamic typeahead asks the bot for everyone else the caller may choose there as the user types.
/// </summary>
public static class PersonInput
{
    /// <param name="people">The short list; the card names nobody else.</param>
    /// <param name="value">What is chosen (ids, comma-separated for several); ids the list does not offer are left out.</param>
    /// <param name="dataset">The typeahead dataset (<see cref="Datasets"/>), or null for a list that is complete as given.</param>
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

        var offered = people.Select(p => p.Id.Value).ToHashSet(StringComparer.Ordinal);
        var chosen = (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(offered.Contains).ToList();
        return new AdaptiveChoiceSetInput
        {
            Id = id,
            Label = label,
            IsRequired = required,
            ErrorMessage = required ? errorMessage : null,
            IsMultiSelect = multi,
            Style = AdaptiveChoiceInputStyle.Filtered,
            Placeholder = dataset is null
                ? locale.Pick("请选择", "Choose")
                : locale.Pick("输入姓名、单位、职务或登录名查找", "Type a name, unit, post or sign-in name"),
            Choices = [.. people.Select(p => new AdaptiveChoice(p.Title, p.Id.Value))],
            ChoicesData = dataset is null ? null : new AdaptiveDataQuery(dataset),
            Value = chosen.Count > 0 ? string.Join(',', chosen) : null,
        };
    }
}
