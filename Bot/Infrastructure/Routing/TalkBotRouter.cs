using System.Collections.Frozen;
using System.Text.Json;
using TalkBot.Bot.Infrastructure.Connector;
using TalkBot.Bot.Infrastructure.Hosting;

namespace TalkBot.Bot.Infrastructure.Routing;

/// <summary>
/// Picks the handler for an activity: by activity type, typed command, or card verb (STYLE.md, "How a request flows").
/// It also keeps every person's conversation reference current, so proactive notices reach whoever opened TalkBot.
/// </summary>
public sealed partial class TalkBotRouter : IActivityHandler
{
    private readonly FrozenDictionary<string, ICardAction> actions;
    private readonly FrozenDictionary<string, ISearchDataset> datasets;
    private readonly IReadOnlyList<(string Name, ICommand Command)> commands;
    private readonly ICommand fallbackCommand;
    private readonly PeopleDirectory people;
    private readonly ConversationReferences conversations;
    private readonly Messenger messenger;
    private readonly LocalePolicy locales;
    private readonly ILogger<TalkBotRouter> logger;

    public TalkBotRouter(
        IEnumerable<ICardAction> actions,
        IEnumerable<ICommand> commands,
        IFallbackCommand fallback,
        IEnumerable<ISearchDataset> datasets,
        PeopleDirectory people,
        ConversationReferences conversations,
        Messenger messenger,
        LocalePolicy locales,
        ILogger<TalkBotRouter> logger)
    {
        this.actions = BuildActionTable(actions);
        this.commands = BuildCommandTable(commands);
        this.datasets = BuildDatasetTable(datasets);
        fallbackCommand = fallback;
        this.people = people;
        this.conversations = conversations;
        this.messenger = messenger;
        this.locales = locales;
        this.logger = logger;
    }

    public async Task<InvokeResponse?> OnActivityAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var locale = locales.For(activity.Locale);
        switch (activity.Type)
        {
            case ActivityTypes.InstallationUpdate:
                await OnInstallationUpdateAsync(turn, cancellationToken).ConfigureAwait(false);
                return null;
            case ActivityTypes.ConversationUpdate:
                await OnConversationUpdateAsync(turn, locale, cancellationToken).ConfigureAwait(false);
                return null;
            case ActivityTypes.Message:
                await RememberConversationAsync(activity, cancellationToken).ConfigureAwait(false);
                await OnMessageAsync(turn, locale, cancellationToken).ConfigureAwait(false);
                return null;
            case ActivityTypes.Invoke when activity.Name == InvokeNames.AdaptiveCardAction:
                await RememberConversationAsync(activity, cancellationToken).ConfigureAwait(false);
                return await OnCardActionAsync(turn, locale, cancellationToken).ConfigureAwait(false);
            case ActivityTypes.Invoke when activity.Name == InvokeNames.Search:
                return await OnSearchAsync(activity, locale, cancellationToken).ConfigureAwait(false);
            default:
                // PROTOCOL §4: Teams adds event types at any time; anything unhandled is acknowledged and ignored.
                return null;
        }
    }

    private async Task OnInstallationUpdateAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.Action is { } action && action.StartsWith("remove", StringComparison.OrdinalIgnoreCase))
        {
            if (activity.From?.AadObjectId is { Length: > 0 } aad)
            {
                await conversations.MarkRemovedAsync(new PersonId(aad), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        await RememberConversationAsync(activity, cancellationToken).ConfigureAwait(false);
    }

    private async Task OnConversationUpdateAsync(ITurnContext turn, Locale locale, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        await RememberConversationAsync(activity, cancellationToken).ConfigureAwait(false);

        // The bot was added to a personal chat: greet the person once with what they can do.
        var botAdded = activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true;
        if (!botAdded || !IsPersonal(activity))
        {
            return;
        }

        var actor = await FindActorAsync(activity, cancellationToken).ConfigureAwait(false);
        var card = actor is null
            ? UnknownPersonCard(locale)
            : await fallbackCommand.ExecuteAsync(new CommandRequest(actor, locale, "", turn), cancellationToken).ConfigureAwait(false);
        await SendCardAsync(turn, card, cancellationToken).ConfigureAwait(false);
    }

    private async Task OnMessageAsync(ITurnContext turn, Locale locale, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var actor = await FindActorAsync(activity, cancellationToken).ConfigureAwait(false);
        if (actor is null)
        {
            await SendCardAsync(turn, UnknownPersonCard(locale), cancellationToken).ConfigureAwait(false);
            return;
        }

        // PROTOCOL §5: an Action.Submit (the fallback of Action.Execute on old clients) arrives as a message whose
        // value carries the data and the verb; Teams cannot replace the card then, so the answer is a new message.
        if (activity.Value is { ValueKind: JsonValueKind.Object } value)
        {
            var verb = value.TryGetProperty(DataKeys.Verb, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var card = await RunActionAsync(verb, actor, locale, value, turn, cancellationToken).ConfigureAwait(false);
            await SendCardAsync(turn, card, cancellationToken).ConfigureAwait(false);
            return;
        }

        var text = (activity.Text ?? "").Trim();
        var (command, arguments) = MatchCommand(text);
        AdaptiveCard answer;
        try
        {
            answer = await command.ExecuteAsync(new CommandRequest(actor, locale, arguments, turn), cancellationToken).ConfigureAwait(false);
        }
        catch (DomainRuleException e)
        {
            answer = RuleViolationCard.Build(e.Violations, locale);
        }

        await SendCardAsync(turn, answer, cancellationToken).ConfigureAwait(false);
    }

    private (ICommand Command, string Arguments) MatchCommand(string text)
    {
        foreach (var (name, command) in commands)
        {
            if (text.StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                return (command, text[name.Length..].Trim());
            }
        }

        return (fallbackCommand, "");
    }

    private async Task<InvokeResponse> OnCardActionAsync(ITurnContext turn, Locale locale, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var invoke = AdaptiveCardInvokeValue.TryRead(activity);
        if (invoke?.Action?.Verb is not { } verb || !actions.ContainsKey(verb))
        {
            // An unknown or retired verb (PROTOCOL §5): the error response leaves the clicked card as it was.
            LogUnknownVerb(logger, invoke?.Action?.Verb ?? "(none)");
            return InvokeResponse.Error(400, "UnknownAction", locale.Pick(
                "此卡片上的操作已不可用。请发送“帮助”查看可用功能。", "This card's action is no longer available. Send 'help' to see what you can do."));
        }

        var actor = await FindActorAsync(activity, cancellationToken).ConfigureAwait(false);
        var card = actor is null
            ? UnknownPersonCard(locale)
            : await RunActionAsync(invoke?.Action?.Verb, actor, locale, invoke?.Action?.Data ?? default, turn, cancellationToken).ConfigureAwait(false);
        return InvokeResponse.Card(CardSerializer.ToNode(card));
    }

    /// <summary>
    /// Teams' typeahead: the people (or other choices) of the dataset named that the caller may choose. A value not of the
    /// documented shape or an unknown dataset is a bad request, and a caller outside the directory is refused: in the
    /// body, as for every invoke, never as a server error.
    /// </summary>
    private async Task<InvokeResponse> OnSearchAsync(Activity activity, Locale locale, CancellationToken cancellationToken)
    {
        if (SearchInvokeValue.TryRead(activity) is not { } search)
        {
            return InvokeResponse.Error(400, "BadRequest", "The search value needs a dataset, a query text and whole, non-negative skip and top.");
        }

        var separator = search.Dataset.IndexOf(Datasets.ContextSeparator, StringComparison.Ordinal);
        var name = separator < 0 ? search.Dataset : search.Dataset[..separator];
        if (!datasets.TryGetValue(name, out var dataset))
        {
            LogUnknownDataset(logger, name);
            return InvokeResponse.Error(400, "BadRequest", $"Unknown dataset '{name}'.");
        }

        if (await FindActorAsync(activity, cancellationToken).ConfigureAwait(false) is not { } actor)
        {
            return InvokeResponse.Error(403, "Forbidden", "TalkBot serves the people in the organisation's directory only.");
        }

        var top = search.Top is { } asked and > 0 ? Math.Min(asked, SearchRequest.MaxTop) : SearchRequest.DefaultTop;
        var request = new SearchRequest(actor, locale, search.QueryText.Trim(), separator < 0 ? null : search.Dataset[(separator + 1)..], search.Skip, top);
        var results = await dataset.SearchAsync(request, cancellationToken).ConfigureAwait(false);
        return InvokeResponse.SearchResults(results.Take(top).Select(r => (r.Title, r.Value)));
    }

    private async Task<AdaptiveCard> RunActionAsync(
        string? verb, Person actor, Locale locale, JsonElement data, ITurnContext turn, CancellationToken cancellationToken)
    {
        if (verb is null || !actions.TryGetValue(verb, out var action))
        {
            LogUnknownVerb(logger, verb ?? "(none)");
            return ErrorCard.Build(
                locale.Pick("无法处理此操作", "This action cannot be handled"),
                [locale.Pick($"未知的操作“{verb}”。请发送“帮助”查看可用功能。", $"Unknown action '{verb}'. Send 'help' to see what you can do.")],
                locale);
        }

        var request = new CardActionRequest(actor, locale, data, turn);
        try
        {
            return await action.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (DomainRuleException e)
        {
            // The one place a refused rule becomes a card: the handler's form again, or the rules in words.
            var refusal = await RefusalAsync(e.Violations, locale, cancellationToken).ConfigureAwait(false);
            return await action.RefusedAsync(request, refusal, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Refusal> RefusalAsync(IReadOnlyList<RuleViolation> violations, Locale locale, CancellationToken cancellationToken)
    {
        var names = new Dictionary<PersonId, string>();
        foreach (var id in violations.Select(v => v.Argument("person")).OfType<string>().Distinct())
        {
            var person = new PersonId(id);
            names[person] = (await people.FindAsync(person, cancellationToken).ConfigureAwait(false))?.DisplayName ?? id;
        }

        return Refusal.Of(violations, id => names.GetValueOrDefault(id, id.Value), locale);
    }

    private async Task<Person?> FindActorAsync(Activity activity, CancellationToken cancellationToken)
    {
        var aad = activity.From?.AadObjectId;
        if (string.IsNullOrWhiteSpace(aad))
        {
            return null;
        }

        var person = await people.FindAsync(new PersonId(aad), cancellationToken).ConfigureAwait(false);
        return person is { Active: true } ? person : null;
    }

    private static AdaptiveCard UnknownPersonCard(Locale locale) => ErrorCard.Build(
        locale.Pick("未找到您的组织信息", "You are not in the organisation directory"),
        [locale.Pick(
            "TalkBot 只为本单位组织名录中的人员服务。如您刚入职或调动，请联系管理员同步组织信息。",
            "TalkBot serves the people in the organisation's directory. If you have just joined or moved, ask an administrator to synchronise the directory.")],
        locale);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search in unknown dataset {Dataset}")]
    private static partial void LogUnknownDataset(ILogger logger, string dataset);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Card action with unknown verb {Verb}")]
    private static partial void LogUnknownVerb(ILogger logger, string verb);
}
