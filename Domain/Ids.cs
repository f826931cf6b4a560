namespace TalkBot.Domain;

/// <summary>A talk. Value is a URL- and table-key-safe string (no '/', '\\', '#', '?').</summary>
public readonly record struct TalkId(string Value)
{
    /// <summary>
    /// A new id: 32 lower-case hex digits of a version 7 UUID. Its leading digits are the creation time in
    /// milliseconds, so ids sort by creation time as strings (handy as a table row key), and hex is safe in keys
    /// and URLs. The caller creates the id once per form so that a repeated submit reuses it.
    /// </summary>
    public static TalkId New(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return new TalkId(Guid.CreateVersion7(time.GetUtcNow()).ToString("N"));
    }

    /// <summary>
    /// Reads an id that came back from outside (card data): only the form <see cref="New"/> makes is accepted, so a
    /// crafted value can neither name a key outside the talks nor carry characters a table key forbids.
    /// </summary>
    public static bool TryParse(string? text, out TalkId id)
    {
        var valid = text is { Length: 32 } && text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
        id = valid ? new TalkId(text!) : default;
        return valid;
    }

    /// <summary>The number of trailing hex digits a <see cref="Reference"/> carries.</summary>
    public const int ReferenceCodeLength = 8;

    /// <summary>
    /// A reference people can read out and quote (the card's 编号): the local date the talk was created, taken from the
    /// id's own timestamp, and its last <see cref="ReferenceCodeLength"/> hex digits, which are random — "20261202-3F9A2C71".
    /// It is stable (it never changes when the talk is moved) and unique enough: 32 random bits per creation day make
    /// two alike among 1,000 talks created on one day about 1 in 10,000. It is shown, never parsed: every card action
    /// still carries the full id. An id of another form is shown as it is.
    /// </summary>
    public string Reference(TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        if (!TryParse(Value, out _) || Value[12] != '7')
        {
            return Value ?? "";
        }

        var created = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(Value[..12], 16)), timeZone);
        return created.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + "-"
            + Value[^ReferenceCodeLength..].ToUpperInvariant();
    }

    public override string ToString() => Value;
}

/// <summary>A person: the Microsoft Entra object id (Teams activities carry it as <c>aadObjectId</c>).</summary>
public readonly record struct PersonId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>An organisational unit (bureau, grassroots party committee, branch, department).</summary>
public readonly record struct UnitId(string Value)
{
    public override string ToString() => Value;
}
