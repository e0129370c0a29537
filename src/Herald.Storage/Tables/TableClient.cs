using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Herald.Storage.Internal;

namespace Herald.Storage.Tables;

/// <summary>
/// One table (shaped like <c>Azure.Data.Tables.TableClient</c>): entity CRUD with ETags, queries that follow
/// continuation tokens, and entity-group transactions. Failures throw <see cref="RequestFailedException"/>
/// with the service's status and error code (<c>EntityAlreadyExists</c>, <c>UpdateConditionNotSatisfied</c>,
/// <c>ResourceNotFound</c>, <c>TableNotFound</c>…). Keys are validated before any request is made. Thread-safe.
/// </summary>
public partial class TableClient
{
    internal const string ServiceVersion = "2019-02-02";
    private const string JsonContentType = "application/json";
    private const string MinimalMetadata = "application/json;odata=minimalmetadata";
    private static readonly RequestMethod Merge = RequestMethod.Patch;

    private readonly HttpPipeline _pipeline;
    private readonly Uri _endpoint;

    /// <summary>Connects with a connection string (Shared Key). See <see cref="StorageConnectionString"/>.</summary>
    public TableClient(string connectionString, string tableName, TableClientOptions? options = null)
        : this(new TableServiceClient(connectionString, options).GetTableClient(tableName))
    {
    }

    /// <summary>Connects to the service <paramref name="endpoint"/> with Shared Key.</summary>
    public TableClient(Uri endpoint, string tableName, StorageSharedKeyCredential credential, TableClientOptions? options = null)
        : this(new TableServiceClient(endpoint, credential, options).GetTableClient(tableName))
    {
    }

    /// <summary>Connects to the service <paramref name="endpoint"/> (https) with Microsoft Entra ID tokens.</summary>
    public TableClient(Uri endpoint, string tableName, TokenCredential credential, TableClientOptions? options = null)
        : this(new TableServiceClient(endpoint, credential, options).GetTableClient(tableName))
    {
    }

    internal TableClient(HttpPipeline pipeline, Uri endpoint, string tableName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        _pipeline = pipeline;
        _endpoint = endpoint;
        Name = tableName;
    }

    /// <summary>For mocking.</summary>
    protected TableClient()
    {
        _pipeline = null!;
        _endpoint = null!;
        Name = null!;
    }

    private TableClient(TableClient other)
        : this(other._pipeline, other._endpoint, other.Name)
    {
    }

    /// <summary>The table name.</summary>
    public virtual string Name { get; }

    /// <summary>The service endpoint.</summary>
    public virtual Uri Uri => _endpoint;

    /// <summary>Creates the table unless it exists (then the raw response is the service's 409).</summary>
    public virtual async Task<Response<TableItem>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var request = CreateRequest(RequestMethod.Post, "Tables");
        request.Headers.Add("Prefer", "return-no-content");
        SetJson(request, Encoding.UTF8.GetBytes($"{{\"TableName\":{System.Text.Json.JsonSerializer.Serialize(Name)}}}"));
        var response = await _pipeline.SendRequestAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Status >= 400 && !(response.Status == 409 && ErrorCode(response) == "TableAlreadyExists"))
        {
            throw StorageErrors.Create(response, $"Create table '{Name}'");
        }

        return Response.FromValue(new TableItem(Name), response);
    }

    /// <summary>Deletes the table; a missing table answers 404 without throwing.</summary>
    public virtual async Task<Response> DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var request = CreateRequest(RequestMethod.Delete, $"Tables('{Uri.EscapeDataString(Name)}')");
        return await SendAsync(request, $"Delete table '{Name}'", cancellationToken, tolerated: 404).ConfigureAwait(false);
    }

    /// <summary>
    /// Builds an OData filter from an interpolated string with every argument quoted safely: strings as
    /// <c>'..'</c> (quotes doubled), long as <c>123L</c>, DateTimeOffset/DateTime as <c>datetime'..'</c>, Guid as
    /// <c>guid'..'</c>, byte[] as <c>X'..'</c>, bool as <c>true</c>/<c>false</c>, enums as strings. For example
    /// <c>CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {rk}")</c>.
    /// </summary>
    public static string CreateQueryFilter(FormattableString filter) => TableQueryFilter.Create(filter);

    internal Request CreateRequest(RequestMethod method, string relativePath)
    {
        var request = _pipeline.CreateRequest();
        request.Method = method;
        request.Uri.Reset(_endpoint);
        request.Uri.AppendPath(request.Uri.Path.EndsWith('/') ? relativePath : "/" + relativePath, escape: false);
        request.Headers.Add("x-ms-version", ServiceVersion);
        request.Headers.Add("DataServiceVersion", "3.0");
        request.Headers.Add("MaxDataServiceVersion", "3.0;NetFx");
        request.Headers.Add("Accept", MinimalMetadata);
        return request;
    }

    internal async Task<Response> SendAsync(Request request, string operation, CancellationToken cancellationToken, int tolerated = 0)
    {
        var response = await _pipeline.SendRequestAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Status >= 400 && response.Status != tolerated)
        {
            throw StorageErrors.Create(response, operation);
        }

        return response;
    }

    private static void SetJson(Request request, byte[] body)
    {
        request.Headers.Add("Content-Type", JsonContentType);
        request.Content = RequestContent.Create(body);
    }

    private static string? ErrorCode(Response response) =>
        StorageErrors.ParseBody(response).Code ?? (response.Headers.TryGetValue("x-ms-error-code", out var code) ? code : null);
}
