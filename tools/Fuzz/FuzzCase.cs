namespace TalkBot.Fuzz;

/// <summary>One request of the corpus: what kind of damage it carries, and the body as sent.</summary>
public sealed record FuzzCase(string Kind, byte[] Body);

/// <summary>A person of the organisation the bot under test knows, as Teams presents them.</summary>
public sealed record FuzzPerson(string AadObjectId, string UserId, string Name);

/// <summary>Card verbs and the data keys of every card form, read from Cards, so that new ones are fuzzed too.</summary>
public static class CardVocabulary
{
    public static IReadOnlyList<string> Verbs { get; } = Constants(t => t == typeof(Cards.Verbs));

    /// <summary>Every input id and data key of Cards (classes named …Fields or …Keys), plus the per-item patterns.</summary>
    public static IReadOnlyList<string> DataKeys { get; } =
    [
        .. Constants(t => t.Name.EndsWith("Fields", StringComparison.Ordinal) || t.Name.EndsWith("Keys", StringComparison.Ordinal)),
        "q.q1", "q.1", "d.Criticism", "n.Criticism", "due.Criticism", "m.0", "item.0", "talkee.0",
    ];

    private static string[] Constants(Func<Type, bool> which) =>
    [
        .. typeof(Cards.Verbs).Assembly.GetTypes()
            .Where(t => t.IsAbstract && t.IsSealed && which(t))
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
    ];
}
