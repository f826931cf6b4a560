namespace TalkBot.Bot.Features.Talks;

/// <summary>Whom a talk's unreachable message is escalated to: its recorder, else its organiser (the discipline office of that level).</summary>
public static class TalkEscalation
{
    public static Escalation For(Talk talk, string aboutZh, string aboutEn)
    {
        ArgumentNullException.ThrowIfNull(talk);
        var to = new List<Domain.PersonId>();
        if (talk.Recorder is { } recorder)
        {
            to.Add(recorder);
        }

        to.Add(talk.Organiser);
        return new Escalation([.. to.Distinct()], aboutZh, aboutEn);
    }
}

/// <summary>
/// The reminders of a talk carry its revision as their tag (none before its first change), so that a moved talk's
/// reminders are entries of their own — with keys of their own, whose sends the outbox has not seen — and a reminder
/// left from before a change finds that it is stale.
/// </summary>
public static class TalkRevision
{
    public static string? Tag(Talk talk) => talk is { Revision: > 0 } ? $"r{talk.Revision}" : null;

    /// <summary>Whether the entry was planned for the talk as it is now.</summary>
    public static bool IsCurrent(ScheduleEntry entry, Talk talk) => entry?.Tag == Tag(talk);
}
