using TalkBot.Domain.Records;

namespace TalkBot.Domain.Talks;

/// <summary>A talk as a list shows it (个人廉政档案): kind, when and where, who talked, and where its record stands (000 §四(一)4).</summary>
public sealed record TalkListing(TalkId Id, TalkKind Kind, DateTimeOffset ScheduledAt, string Place, TalkStatus Status, IReadOnlyList<PersonId> Talkers,
    RecordStatus? Record)
{
    public static TalkListing Of(Talk talk, RecordStatus? record)
    {
        ArgumentNullException.ThrowIfNull(talk);
        return new(talk.Id, talk.Kind, talk.ScheduledAt, talk.Place, talk.Status, talk.Talkers, record);
    }
}
