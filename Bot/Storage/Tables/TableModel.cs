using Azure;

namespace TalkBot.Bot.Storage.Tables;

/// <summary>An entity of Azure Table Storage, as in Azure.Data.Tables.</summary>
public interface ITableEntity
{
    string PartitionKey { get; set; }
    string RowKey { get; set; }
    DateTimeOffset? Timestamp { get; set; }
    ETag ETag { get; set; }
}

/// <summary>An entity as a property bag, for tables read without a typed class (tests, tools).</summary>
public sealed class TableEntity : Dictionary<string, object?>, ITableEntity
{
    public TableEntity() : base(StringComparer.Ordinal) { }

    public TableEntity(string partitionKey, string rowKey) : this()
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
}

public enum TableUpdateMode
{
    /// <summary>Only the given properties change (HTTP MERGE).</summary>
    Merge,
    /// <summary>The entity is replaced whole (HTTP PUT).</summary>
    Replace,
}

public enum TableTransactionActionType
{
    Add,
    UpdateMerge,
    UpdateReplace,
    Delete,
    UpsertMerge,
    UpsertReplace,
}

/// <summary>One operation of an entity group transaction.</summary>
public sealed class TableTransactionAction(TableTransactionActionType actionType, ITableEntity entity, ETag etag = default)
{
    public TableTransactionActionType ActionType { get; } = actionType;
    public ITableEntity Entity { get; } = entity;
    public ETag ETag { get; } = etag;
}

/// <summary>A transaction failed as a whole; <see cref="FailedTransactionActionIndex"/> names the action at fault.</summary>
public sealed class TableTransactionFailedException(int status, string message, string? errorCode, int? failedIndex)
    : RequestFailedException(status, message, errorCode, null)
{
    public int? FailedTransactionActionIndex { get; } = failedIndex;
}

/// <summary>The shared key of a storage account.</summary>
public sealed class TableSharedKeyCredential(string accountName, string accountKey)
{
    public string AccountName { get; } = accountName;

    internal byte[] Key { get; } = Convert.FromBase64String(accountKey);
}

/// <summary>Options of the table clients: retries, diagnostics and transport, from Azure.Core.</summary>
public sealed class TableClientOptions : Azure.Core.ClientOptions
{
    public const string ServiceVersion = "2019-02-02";
}

/// <summary>A response that may carry no value (an entity that does not exist).</summary>
public sealed class TableNullableResponse<T>(T? value, Response response) : NullableResponse<T>
{
    public override bool HasValue => value is not null;

    public override T? Value => value;

    public override Response GetRawResponse() => response;
}
