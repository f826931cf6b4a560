using System.Collections.Frozen;

namespace TalkBot.Bot.Infrastructure.Routing;

/// <summary>The router's tables of verbs, datasets and command words, built once at start-up.</summary>
public sealed partial class TalkBotRouter
{
    /// <summary>Two handlers for one verb or command word is a wiring mistake: fail at start-up, not at the click.</summary>
    internal static FrozenDictionary<string, ICardAction> BuildActionTable(IEnumerable<ICardAction> actions) =>
        BuildTable(actions, action => action.Verb, "the card verb");

    internal static FrozenDictionary<string, ISearchDataset> BuildDatasetTable(IEnumerable<ISearchDataset> datasets) =>
        BuildTable(datasets, dataset => dataset.Name, "the dataset");

    private static FrozenDictionary<string, T> BuildTable<T>(IEnumerable<T> handlers, Func<T, string> key, string what) where T : class
    {
        var table = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            if (!table.TryAdd(key(handler), handler))
            {
                throw new InvalidOperationException($"Two handlers registered for {what} '{key(handler)}': {table[key(handler)].GetType().Name} and {handler.GetType().Name}.");
            }
        }

        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    internal static IReadOnlyList<(string Name, ICommand Command)> BuildCommandTable(IEnumerable<ICommand> commands)
    {
        var seen = new Dictionary<string, ICommand>(StringComparer.OrdinalIgnoreCase);
        foreach (var command in commands)
        {
            foreach (var name in command.Names)
            {
                if (!seen.TryAdd(name, command))
                {
                    throw new InvalidOperationException($"Two handlers registered for the command '{name}': {seen[name].GetType().Name} and {command.GetType().Name}.");
                }
            }
        }

        // Longest name first, so that "新建谈话" is not taken for a shorter command that prefixes it.
        return seen.OrderByDescending(p => p.Key.Length).Select(p => (p.Key, p.Value)).ToList();
    }
}
