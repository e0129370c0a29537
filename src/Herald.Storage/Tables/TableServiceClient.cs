using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Herald.Storage.Internal;

namespace Herald.Storage.Tables;

/// <summary>
/// The Table service of one account (shaped like <c>Azure.Data.Tables.TableServiceClient</c>): creates and
/// deletes tables and hands out <see cref="TableClient"/>s that share its HTTP pipeline. Thread-safe; keep one.
/// </summary>
public class TableServiceClient
{
    private readonly HttpPipeline _pipeline;

    /// <summary>Connects with a connection string (Shared Key). See <see cref="StorageConnectionString"/>.</summary>
    public TableServiceClient(string connectionString, TableClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), options ?? new TableClientOptions())
    {
    }

    /// <summary>Connects to <paramref name="endpoint"/> with Shared Key.</summary>
    public TableServiceClient(Uri endpoint, StorageSharedKeyCredential credential, TableClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        options ??= new TableClientOptions();
        Uri = endpoint;
        _pipeline = StoragePipeline.Build(options, StoragePipeline.SharedKey(credential, StorageService.Table, options.TimeProvider));
    }

    /// <summary>Connects to <paramref name="endpoint"/> (https) with Microsoft Entra ID tokens for <c>https://storage.azure.com/.default</c>.</summary>
    public TableServiceClient(Uri endpoint, TokenCredential credential, TableClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        Uri = endpoint;
        _pipeline = StoragePipeline.Build(options ?? new TableClientOptions(), StoragePipeline.Bearer(credential));
    }

    private TableServiceClient(StorageConnectionString connectionString, TableClientOptions options)
        : this(connectionString.TableEndpoint, connectionString.GetSharedKeyCredential(), options)
    {
    }

    /// <summary>For mocking.</summary>
    protected TableServiceClient()
    {
        _pipeline = null!;
        Uri = null!;
    }

    /// <summary>The service endpoint.</summary>
    public virtual Uri Uri { get; }

    /// <summary>A client for one table (no request is made).</summary>
    public virtual TableClient GetTableClient(string tableName) => new(_pipeline, Uri, tableName);

    /// <summary>Creates the table unless it exists (then the raw response is the service's 409).</summary>
    public virtual Task<Response<TableItem>> CreateTableIfNotExistsAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableClient(tableName).CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Deletes the table; a missing table answers 404 without throwing.</summary>
    public virtual Task<Response> DeleteTableAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableClient(tableName).DeleteAsync(cancellationToken);
}
