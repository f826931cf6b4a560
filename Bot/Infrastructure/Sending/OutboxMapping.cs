using System.IO.Compression;
using System.Text.Json;
using TalkBot.Bot.Infrastructure.Connector;

namespace TalkBot.Bot.Infrastructure.Sending;

/// <summary>The outbox's rows: keys, and the mapping between table entities and sends.</summary>
public sealed partial class OutboxStore
{
    internal static string RowKey(string key, PersonId person) => $"{key}|{person.Value}";

    private static readonly SendOutcome Queued = new(SendStatus.Queued);

    private static DeliveryEntity Delivery(string key, PersonId person, SendOutcome outcome, DateTimeOffset now) => new()
    {
        PartitionKey = key,
        RowKey = person.Value,
        Status = outcome.Status.ToString(),
        At = now,
        ActivityId = outcome.ActivityId,
        HttpStatus = outcome.HttpStatus,
        Error = outcome.Error,
    };

    private static SendOutcome Outcome(DeliveryEntity row) =>
        new(Enum.TryParse<SendStatus>(row.Status, out var status) ? status : SendStatus.Queued, row.ActivityId, row.HttpStatus, row.Error);

    private static OutboxEntity ToPending(OutboundMessage m, string partition, DateTimeOffset now) => ToPending(
        new ClaimedSend(m.Key, m.Person, m.Conversation.ServiceUrl, m.Conversation.ConversationId, m.Conversation.TenantId ?? "", m.Activity, m.Escalation, default, m.Then),
        partition, now);

    private static OutboxEntity ToPending(ClaimedSend s, string partition, DateTimeOffset now) => new()
    {
        PartitionKey = partition,
        RowKey = RowKey(s.Key, s.Person),
        Key = s.Key,
        Person = s.Person.Value,
        ServiceUrl = s.ServiceUrl,
        ConversationId = s.ConversationId,
        Tenant = s.Tenant,
        Payload = Pack(s.Activity),
        EscalateTo = s.Escalation is null ? null : string.Join(',', s.Escalation.To.Select(p => p.Value)),
        AboutZh = s.Escalation?.AboutZh,
        AboutEn = s.Escalation?.AboutEn,
        EnqueuedAt = now,
        LeaseUntil = Free,
        Then = s.Then?.Handler,
        ThenSubject = s.Then?.Subject,
        Refresh = s.Refresh?.Refresh,
        RefreshSubject = s.Refresh?.Subject,
    };

    private static OutboxEntity Copy(OutboxEntity row, string partition) => new()
    {
        PartitionKey = partition,
        RowKey = row.RowKey,
        Key = row.Key,
        Person = row.Person,
        ServiceUrl = row.ServiceUrl,
        ConversationId = row.ConversationId,
        Tenant = row.Tenant,
        Payload = row.Payload,
        EscalateTo = row.EscalateTo,
        AboutZh = row.AboutZh,
        AboutEn = row.AboutEn,
        EnqueuedAt = row.EnqueuedAt,
        LeaseUntil = Free,
        Then = row.Then,
        ThenSubject = row.ThenSubject,
        Refresh = row.Refresh,
        RefreshSubject = row.RefreshSubject,
    };

    private static ClaimedSend ToClaim(OutboxEntity row) => new(
        row.Key,
        new PersonId(row.Person),
        row.ServiceUrl,
        row.ConversationId,
        row.Tenant,
        Unpack(row.Payload),
        row.EscalateTo is { Length: > 0 } to
            ? new Escalation([.. to.Split(',').Select(p => new PersonId(p))], row.AboutZh ?? "", row.AboutEn ?? "")
            : null,
        row.ETag,
        row.Then is { Length: > 0 } then ? new SendThen(then, row.ThenSubject ?? "") : null,
        row.Refresh is { Length: > 0 } refresh ? new CardRefreshOf(refresh, row.RefreshSubject ?? "") : null,
        row.QueuedBy,
        row.Attempts == 1);

    // The activity as JSON, gzipped: a card of a few kilobytes stays well under a property's 64 KiB.
    private static byte[] Pack(Activity activity)
    {
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            JsonSerializer.Serialize(zip, activity, ConnectorJson.Options);
        }

        return buffer.ToArray();
    }

    private static Activity Unpack(byte[] payload)
    {
        using var zip = new GZipStream(new MemoryStream(payload), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<Activity>(zip, ConnectorJson.Options)
            ?? throw new InvalidDataException("An outbox row holds no activity.");
    }
}
