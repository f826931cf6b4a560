namespace TalkBot.Domain;

/// <summary>A talk. Value is a URL- and table-key-safe string (no '/', '\\', '#', '?').</summary>
public readonly record struct TalkId(string Value)
{
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
