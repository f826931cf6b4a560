using System.Globalization;
using Azure;
using Azure.Data.Tables;
using TalkBot.Domain.Plans;

namespace TalkBot.Bot.Features.Plans;

/// <summary>A month of plans, as <c>yyyy-MM</c>.</summary>
public readonly record struct PlanMonth(int Year, int Month)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    public static bool TryParse(string? text, out PlanMonth month)
    {
        month = default;
        if (text is not { Length: 7 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12)
        {
            return false;
        }

        month = new PlanMonth(year, m);
        return true;
    }
}

/// <summary>One stored item with its ETag, for a guarded change.</summary>
public sealed record StoredPlanItem(PlanItem Item, ETag ETag);

/// <summary>A talker's plans (table <c>Plans</c>; keys in <see cref="TalkRows"/>).</summary>
public sealed class PlanStore(TableSet tables)
{
    public const string Table = "Plans";
    private readonly TableClient plans = tables[Table];

    private const string HeaderRow = "plan";
    private const string ItemPrefix = "item|";

    /// <summary>Stores a new plan (header and items in one transaction); false when the plan exists already.</summary>
    public async Task<bool> CreateAsync(PlanMonth month, PersonId talker, IReadOnlyList<PlanItem> items, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var partition = Partition(month, talker);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, new PlanHeaderEntity { PartitionKey = partition, RowKey = HeaderRow, Month = month.ToString(), Talker = talker.Value, CreatedAt = now }),
        };
        actions.AddRange(items.Select(i => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(partition, i))));
        foreach (var chunk in actions.Chunk(100))
        {
            // A plan of more than 99 talkees spans transactions; a rerun after a crash between them finds the header.
            if (!await plans.TrySubmitAsync(chunk, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    public async Task<bool> ExistsAsync(PlanMonth month, PersonId talker, CancellationToken cancellationToken) =>
        (await plans.GetEntityIfExistsAsync<PlanHeaderEntity>(Partition(month, talker), HeaderRow, cancellationToken: cancellationToken).ConfigureAwait(false)).HasValue;

    /// <summary>The talker's items for the month (their own and those handed to them), or none.</summary>
    public async Task<IReadOnlyList<StoredPlanItem>> ListAsync(PlanMonth month, PersonId talker, CancellationToken cancellationToken)
    {
        var rows = await plans.QueryAllAsync<PlanItemEntity>(
            TableFilter.Of($"PartitionKey eq {Partition(month, talker)} and RowKey gt {ItemPrefix} and RowKey lt {"item}"}"), cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new StoredPlanItem(ToItem(r), r.ETag))];
    }

    /// <summary>One item of the talker's plan for the month, or null: one point read.</summary>
    public async Task<StoredPlanItem?> GetAsync(PlanMonth month, PersonId talker, PersonId talkee, Tier tier, CancellationToken cancellationToken)
    {
        var row = await plans.FindAsync<PlanItemEntity>(Partition(month, talker), $"{ItemPrefix}{talkee.Value}|{(int)tier}", cancellationToken).ConfigureAwait(false);
        return row is null ? null : new StoredPlanItem(ToItem(row), row.ETag);
    }

    /// <summary>Replaces an item if unchanged since read; and, for a hand-over, adds it to the new holder's plan.</summary>
    public async Task<bool> HandOverAsync(PlanMonth month, PersonId talker, StoredPlanItem stored, PlanItem changed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(changed);
        if (!await plans.TrySubmitAsync(
                [new(TableTransactionActionType.UpdateReplace, ToEntity(Partition(month, talker), changed), stored.ETag)], cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await GiveAsync(month, talker, changed, now, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Puts a handed-over item on its new holder's plan, open. Idempotent, so a follow-up may write it again after a crash
    /// between the hand-over and this: the holder's copy never changes afterwards (a handed talk is not passed on).
    /// </summary>
    public async Task GiveAsync(PlanMonth month, PersonId talker, PlanItem changed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        if (changed.HandedTo is not { } to)
        {
            return;
        }

        var partition = Partition(month, to);
        await plans.UpsertEntityAsync(new PlanHeaderEntity { PartitionKey = partition, RowKey = HeaderRow, Month = month.ToString(), Talker = to.Value, CreatedAt = now },
            TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        await plans.UpsertEntityAsync(ToEntity(partition, changed with { Status = PlanItemStatus.Planned, HandedTo = null, HandedFrom = talker }),
            TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The talkers with a plan for the month (one scan of the month's headers, for the monthly jobs).</summary>
    public async Task<IReadOnlyList<PersonId>> ListTalkersAsync(PlanMonth month, CancellationToken cancellationToken)
    {
        var prefix = month + "|";
        var rows = await plans.QueryAllAsync<PlanHeaderEntity>(
            TableFilter.Of($"PartitionKey gt {prefix} and PartitionKey lt {month + "}"} and RowKey eq {HeaderRow}"), cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new PersonId(r.Talker))];
    }

    private static string Partition(PlanMonth month, PersonId talker) => $"{month}|{talker.Value}";

    private static string RowKey(PlanItem item) => $"{ItemPrefix}{item.Talkee.Value}|{(int)item.Tier}";

    private static PlanItemEntity ToEntity(string partition, PlanItem item) => new()
    {
        PartitionKey = partition,
        RowKey = RowKey(item),
        Talkee = item.Talkee.Value,
        Tier = (int)item.Tier,
        Line = item.Line.ToString(),
        Unit = item.Unit?.Value,
        Status = item.Status.ToString(),
        HandedTo = item.HandedTo?.Value,
        HandedFrom = item.HandedFrom?.Value,
        AssignedBy = item.AssignedBy?.Value,
    };

    private static PlanItem ToItem(PlanItemEntity e) => new(
        new PersonId(e.Talkee),
        (Tier)e.Tier,
        Enum.Parse<TalkeeLine>(e.Line),
        e.Unit is { Length: > 0 } unit ? new UnitId(unit) : null,
        Enum.Parse<PlanItemStatus>(e.Status),
        e.HandedTo is { Length: > 0 } to ? new PersonId(to) : null,
        e.HandedFrom is { Length: > 0 } from ? new PersonId(from) : null,
        e.AssignedBy is { Length: > 0 } by ? new PersonId(by) : null);
}

/// <summary>Table <c>Plans</c>: the header of one talker's plan for a month.</summary>
public sealed class PlanHeaderEntity : TableRow
{
    public string Month { get; set; } = "";
    public string Talker { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Table <c>Plans</c>: one talkee of a talker's plan.</summary>
public sealed class PlanItemEntity : TableRow
{
    public string Talkee { get; set; } = "";
    public int Tier { get; set; }
    public string Line { get; set; } = "";
    public string? Unit { get; set; }
    public string Status { get; set; } = "";
    public string? HandedTo { get; set; }
    public string? HandedFrom { get; set; }

    /// <summary>The office member who named the talker after a recusal nobody on the tier could take (000 §二4).</summary>
    public string? AssignedBy { get; set; }
}
