namespace TalkBot.Domain.Talks;

/// <summary>
/// What a talk's Outlook invitation may say. An invitation is read by mail servers, delegates and anyone the attendees
/// share their calendar with, so it carries only what the notice states openly (000 §四(一)3: time, place, talkers) and
/// the kind of talk: never a lead's problem nor its reporter (000 §四(五)3; 002 §五3, §五8), never a case's facts, never
/// what to prepare. The attendees are the talkee(s), the talkers and the recorder; the key makes creating it idempotent.
/// </summary>
public sealed record TalkInvitation(TalkId Talk, TalkKind Kind, DateTimeOffset Start, DateTimeOffset End, string Place, IReadOnlyList<PersonId> Attendees)
{
    public const string Source = "000 §四(一)3";

    /// <summary>
    /// The invitation's idempotency key (Graph's <c>transactionId</c>): one event per talk, however often it is created;
    /// moving the talk updates that event, cancelling it cancels that event.
    /// </summary>
    public string Key => "talkbot-talk-" + Talk.Value;

    public static TalkInvitation For(Talk talk, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(talk);
        if (duration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A talk lasts some time.");
        }

        var attendees = talk.Talkees.Concat(talk.Talkers).Concat(talk.Recorder is { } r ? [r] : []).Distinct().ToList();
        return new TalkInvitation(talk.Id, talk.Kind, talk.ScheduledAt, talk.ScheduledAt + duration, talk.Place, attendees);
    }
}
