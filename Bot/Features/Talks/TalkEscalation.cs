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
