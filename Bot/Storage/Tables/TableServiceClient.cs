using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TalkBot.Bot.Storage.Tables;

/// <summary>
/// The account's table endpoint, as in Azure.Data.Tables: from a connection string (SharedKey; Azurite with
/// <c>UseDevelopmentStorage=true</c>), a shared key credential, or a <see cref="TokenCredential"/> (managed identity).
/// </summary>
public sealed class TableServiceClient
{
    internal const string StorageScope = "https://storage.azure.com/.default";

    private readonly Uri endpoint;
    private readonly HttpPipeline pipeline;

    public TableServiceClient(string connectionString, TableClientOptions? options = null)
    {
        var connection = TableConnection.Parse(connectionString);
        endpoint = connection.Endpoint;
        pipeline = Build(options, new SharedKeyLitePolicy(connection.Credential));
    }

    public TableServiceClient(Uri endpoint, TableSharedKeyCredential credential, TableClientOptions? options = null)
    {
        this.endpoint = Trim(endpoint);
        pipeline = Build(options, new SharedKeyLitePolicy(credential));
    }

    public TableServiceClient(Uri endpoint, TokenCredential credential, TableClientOptions? options = null)
    {
        this.endpoint = Trim(endpoint);
        pipeline = Build(options, new BearerTokenAuthenticationPolicy(credential, StorageScope));
    }

    public Uri Uri => endpoint;

    public TableClient GetTableClient(string tableName) => new(endpoint, tableName, pipeline);

    public Task<Response> CreateTableIfNotExistsAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableClient(tableName).CreateIfNotExistsAsync(cancellationToken);

    public Task<Response> DeleteTableAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableClient(tableName).DeleteAsync(cancellationToken);

    private static Uri Trim(Uri endpoint) => new(endpoint.ToString().TrimEnd('/'));

    // Authentication runs per retry: a SharedKey signature covers the date, and a token may expire between tries.
    private static HttpPipeline Build(TableClientOptions? options, HttpPipelinePolicy authentication) =>
        HttpPipelineBuilder.Build(options ?? new TableClientOptions(), [], [authentication], new ResponseClassifier());
}
