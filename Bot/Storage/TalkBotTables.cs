using Azure.Data.Tables;
using TalkBot.Bot.Infrastructure.Storage;

namespace TalkBot.Bot.Storage;

/// <summary>The table clients TalkBot uses, each named by <see cref="TableLayout"/> with an optional prefix.</summary>
public sealed class TalkBotTables(TableServiceClient service, StorageOptions options)
{
    public TableClient Talks { get; } = service.GetTableClient(options.TablePrefix + TableLayout.Talks);
    public TableClient NoticesByPerson { get; } = service.GetTableClient(options.TablePrefix + TableLayout.NoticesByPerson);
    public TableClient ConversationReferences { get; } = service.GetTableClient(options.TablePrefix + TableLayout.ConversationReferences);
    public TableClient People { get; } = service.GetTableClient(options.TablePrefix + TableLayout.People);
    public TableClient TalksByPerson { get; } = service.GetTableClient(options.TablePrefix + TableLayout.TalksByPerson);
    public TableClient Schedule { get; } = service.GetTableClient(options.TablePrefix + TableLayout.Schedule);
    public TableClient Deliveries { get; } = service.GetTableClient(options.TablePrefix + TableLayout.Deliveries);
    public TableClient Outbox { get; } = service.GetTableClient(options.TablePrefix + TableLayout.Outbox);
    public TableClient Plans { get; } = service.GetTableClient(options.TablePrefix + TableLayout.Plans);
    public TableClient RoleAssignments { get; } = service.GetTableClient(options.TablePrefix + TableLayout.RoleAssignments);
    public TableClient Cases { get; } = service.GetTableClient(options.TablePrefix + TableLayout.Cases);
    public TableClient CaseIndex { get; } = service.GetTableClient(options.TablePrefix + TableLayout.CaseIndex);
    public TableClient AuditLog { get; } = service.GetTableClient(options.TablePrefix + TableLayout.AuditLog);
    public TableClient Exports { get; } = service.GetTableClient(options.TablePrefix + TableLayout.Exports);

    public IEnumerable<TableClient> All => [Talks, NoticesByPerson, ConversationReferences, People, TalksByPerson, Schedule, Deliveries, Outbox, Plans, RoleAssignments,
        Cases, CaseIndex, AuditLog, Exports];

    /// <summary>Creates missing tables; called once at start-up, never from a constructor.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var table in All)
        {
            await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
