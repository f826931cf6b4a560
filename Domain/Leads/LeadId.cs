namespace TalkBot.Domain.Leads;

/// <summary>A lead (问题线索). Same form as <see cref="TalkId"/>: 32 lower-case hex digits, made once per form.</summary>
public readonly record struct LeadId(string Value)
{
    public static LeadId New(TimeProvider time) => new(TalkId.New(time).Value);

    public static bool TryParse(string? text, out LeadId id)
    {
        var valid = TalkId.TryParse(text, out var parsed);
        id = valid ? new LeadId(parsed.Value) : default;
        return valid;
    }

    public override string ToString() => Value;
}
