using Azure;
using Azure.Data.Tables;

namespace TalkBot.Bot.Features.Talks;

/// <summary>Between the talk's table rows and the domain's talk and notices.</summary>
public sealed partial class TalkStore
{
    private static TalkEntity ToEntity(Talk talk) => new TalkEntity()
    {
        PartitionKey = talk.Id.Value,
        RowKey = TalkRows.TalkRow,
        Kind = talk.Kind.ToString(),
        Status = talk.Status.ToString(),
        Talkees = string.Join(',', talk.Talkees.Select(p => p.Value)),
        Talkers = string.Join(',', talk.Talkers.Select(p => p.Value)),
        Recorder = talk.Recorder?.Value,
        Organiser = talk.Organiser.Value,
        ScheduledAt = talk.ScheduledAt,
        Place = talk.Place,
        ContentDeterminedOn = talk.ContentDeterminedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        Preparation = talk.Preparation,
        CreatedAt = talk.CreatedAt,
    }.WithHistory(talk);

    private static Talk ToDomain(TalkEntity e) => Talk.Restore(
        new TalkId(e.PartitionKey),
        Enum.Parse<TalkKind>(e.Kind),
        Ids(e.Talkees),
        Ids(e.Talkers),
        e.Recorder is { Length: > 0 } recorder ? new PersonId(recorder) : null,
        new PersonId(e.Organiser),
        e.ScheduledAt,
        e.Place,
        DateOnly.FromDateTime(e.ContentDeterminedOn),
        e.Preparation,
        e.CreatedAt,
        Enum.Parse<TalkStatus>(e.Status),
        History(e));

    private static List<PersonId> Ids(string csv) =>
        csv.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => new PersonId(id)).ToList();

    private static NoticeEntity ToEntity(Notice n, string? conversationId, string? activityId) => new NoticeEntity()
    {
        PartitionKey = n.TalkId.Value,
        RowKey = TalkRows.NoticeRow(n.Talkee.Value),
        Talkee = n.Talkee.Value,
        State = n.Status.ToString(),
        CreatedAt = n.CreatedAt,
        SentAt = n.SentAt,
        UnreachableReason = n.UnreachableReason,
        AcknowledgedAt = n.AcknowledgedAt,
        PostponementRequestedAt = n.PostponementRequestedAt,
        PostponementReason = n.PostponementReason,
        ConversationId = conversationId,
        ActivityId = activityId,
    }.WithDecision(n);

    // Rows written before AcknowledgementStored existed had their acknowledgement row added with AcknowledgedAt.
    private static StoredNotice ToStored(NoticeEntity e) => new(
        Notice.Restore(
            new TalkId(e.PartitionKey),
            new PersonId(e.Talkee),
            Enum.Parse<NoticeStatus>(e.State),
            e.CreatedAt,
            e.SentAt,
            e.UnreachableReason,
            e.AcknowledgedAt,
            e.PostponementRequestedAt,
            e.PostponementReason,
            e.Version ?? 1,
            Decision(e)),
        e.ConversationId,
        e.ActivityId,
        e.ETag,
        e.AcknowledgementStored ?? (e.AcknowledgedAt is not null && (e.Version ?? 1) == 1),
        e.Timestamp);
}
