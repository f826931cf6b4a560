namespace TalkBot.Domain.Admonishments;

/// <summary>An admonishment case. Same form as <see cref="TalkId"/>: 32 lower-case hex digits, made once per form.</summary>
public readonly record struct CaseId(string Value)
{
    public static CaseId New(TimeProvider time) => new(TalkId.New(time).Value);

    public static bool TryParse(string? text, out CaseId id)
    {
        var valid = TalkId.TryParse(text, out var parsed);
        id = valid ? new CaseId(parsed.Value) : default;
        return valid;
    }

    public override string ToString() => Value;
}
