using System.Text.Json;
using TalkBot.Bot.Infrastructure.Connector;

namespace TalkBot.Bot.Infrastructure.Routing;

/// <summary>
/// One card verb (Cards' <c>Verbs</c>): reads the action data once, calls Domain, saves, and answers with the card
/// that replaces the one clicked. Registered in DI; the router refuses two handlers for one verb at start-up.
/// </summary>
public interface ICardAction
{
    string Verb { get; }

    Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The card for a request Domain refused (a <see cref="Domain.Rules.DomainRuleException"/> from
    /// <see cref="ExecuteAsync"/>, before anything was saved): by default the rules broken, in words; a form shows
    /// itself again with what was entered and the problems on top.
    /// </summary>
    Task<AdaptiveCard> RefusedAsync(CardActionRequest request, Refusal refusal, CancellationToken cancellationToken) =>
        Task.FromResult(RuleViolationCard.Build(refusal.Violations, request.Locale));
}

/// <summary>
/// A typed command (帮助, 新建谈话, …); the answer is sent as a reply in the chat.
/// </summary>
public interface ICommand
{
    /// <summary>The words that start this command, in both languages (matched case-insensitively).</summary>
    IReadOnlyList<string> Names { get; }

    Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken);
}

/// <summary>The answer to anything not understood, and the greeting when someone opens TalkBot (帮助).</summary>
public interface IFallbackCommand : ICommand;

/// <summary>
/// Who acts (from the activity's <c>aadObjectId</c>, never from card data), in which language, with what data.
/// </summary>
public sealed record CardActionRequest(Person Actor, Locale Locale, JsonElement Data, ITurnContext Turn)
{
    public string? Text(string key) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>
    /// The id of the form rendering the click came from (idempotent submit), when it is a plausible one: a crafted
    /// value longer than 64 characters is no form id.
    /// </summary>
    public string? FormId => Text(Cards.DataKeys.FormId) is { Length: > 0 and <= 64 } id ? id : null;

    /// <summary>The inputs named, as given, to show a refused form again with what was entered.</summary>
    public IReadOnlyDictionary<string, string?> Values(params string[] keys) => keys.ToDictionary(k => k, Text);

    /// <summary>Where a list of the card starts (a page button's data): 0 when there is none, or it is not a number.</summary>
    public int Start(string key) => int.TryParse(Text(key), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var from) ? from : 0;

    /// <summary>A date input (yyyy-MM-dd), or null when it is empty or not a date.</summary>
    public DateOnly? Date(string key) => Cards.CreateTalk.CreateTalkInputParser.TryParseDate(Text(key), out var date) ? date : null;
}

public sealed record CommandRequest(Person Actor, Locale Locale, string Arguments, ITurnContext Turn);
