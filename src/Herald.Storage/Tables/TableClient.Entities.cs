using System.Text.Json;
using Azure;
using Azure.Core;

namespace Herald.Storage.Tables;

public partial class TableClient
{
    /// <summary>Inserts the entity; 409 <c>EntityAlreadyExists</c> when it exists. The new ETag is in <c>response.Headers.ETag</c>.</summary>
    public virtual async Task<Response> AddEntityAsync<T>(T entity, CancellationToken cancellationToken = default)
        where T : ITableEntity
    {
        TableKeys.Validate(entity);
        using var request = CreateRequest(RequestMethod.Post, Name);
        request.Headers.Add("Prefer", "return-no-content");
        SetJson(request, TableEntityJson.Serialize(TableEntityMapper.ToProperties(entity)));
        return await SendAsync(request, $"Add entity to '{Name}'", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Inserts or merges/replaces the entity unconditionally. The new ETag is in <c>response.Headers.ETag</c>.</summary>
    public virtual async Task<Response> UpsertEntityAsync<T>(T entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : ITableEntity
    {
        TableKeys.Validate(entity);
        using var request = CreateRequest(mode == TableUpdateMode.Merge ? Merge : RequestMethod.Put, TableKeys.Address(Name, entity.PartitionKey, entity.RowKey));
        SetJson(request, TableEntityJson.Serialize(TableEntityMapper.ToProperties(entity)));
        return await SendAsync(request, $"Upsert entity in '{Name}'", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Merges/replaces an existing entity if its ETag still matches <paramref name="ifMatch"/> (<see cref="ETag.All"/> for
    /// unconditional): 412 <c>UpdateConditionNotSatisfied</c> when it changed, 404 <c>ResourceNotFound</c> when it is gone.
    /// </summary>
    public virtual async Task<Response> UpdateEntityAsync<T>(T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : ITableEntity
    {
        TableKeys.Validate(entity);
        if (ifMatch == default)
        {
            throw new ArgumentException("UpdateEntityAsync needs an ETag: the entity's ETag, or ETag.All for an unconditional update.", nameof(ifMatch));
        }

        using var request = CreateRequest(mode == TableUpdateMode.Merge ? Merge : RequestMethod.Put, TableKeys.Address(Name, entity.PartitionKey, entity.RowKey));
        request.Headers.Add("If-Match", ifMatch.ToString());
        SetJson(request, TableEntityJson.Serialize(TableEntityMapper.ToProperties(entity)));
        return await SendAsync(request, $"Update entity in '{Name}'", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the entity if its ETag matches <paramref name="ifMatch"/> (default: any ETag). A missing entity answers
    /// 404 without throwing (check <see cref="Response.Status"/>); a changed one throws 412 <c>UpdateConditionNotSatisfied</c>.
    /// </summary>
    public virtual async Task<Response> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        TableKeys.Validate(partitionKey, nameof(partitionKey));
        TableKeys.Validate(rowKey, nameof(rowKey));
        using var request = CreateRequest(RequestMethod.Delete, TableKeys.Address(Name, partitionKey, rowKey));
        request.Headers.Add("If-Match", ifMatch == default ? "*" : ifMatch.ToString());
        return await SendAsync(request, $"Delete entity from '{Name}'", cancellationToken, tolerated: 404).ConfigureAwait(false);
    }

    /// <summary>Reads one entity; throws 404 <c>ResourceNotFound</c> when it does not exist.</summary>
    public virtual async Task<Response<T>> GetEntityAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity
    {
        var response = await GetEntityCoreAsync(partitionKey, rowKey, select, throwIfMissing: true, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(ReadSingle<T>(response), response);
    }

    /// <summary>Reads one entity, or answers without a value (<see cref="NullableResponse{T}.HasValue"/> false) when it does not exist.</summary>
    public virtual async Task<NullableResponse<T>> GetEntityIfExistsAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity
    {
        var response = await GetEntityCoreAsync(partitionKey, rowKey, select, throwIfMissing: false, cancellationToken).ConfigureAwait(false);
        return response.Status == 404 ? new NoValueResponse<T>(response) : Response.FromValue(ReadSingle<T>(response), response);
    }

    private async Task<Response> GetEntityCoreAsync(string partitionKey, string rowKey, IEnumerable<string>? select, bool throwIfMissing, CancellationToken cancellationToken)
    {
        TableKeys.Validate(partitionKey, nameof(partitionKey));
        TableKeys.Validate(rowKey, nameof(rowKey));
        using var request = CreateRequest(RequestMethod.Get, TableKeys.Address(Name, partitionKey, rowKey));
        AppendSelect(request, select);
        return await SendAsync(request, $"Get entity from '{Name}'", cancellationToken, tolerated: throwIfMissing ? 0 : 404).ConfigureAwait(false);
    }

    private static T ReadSingle<T>(Response response)
        where T : class, ITableEntity
    {
        using var document = JsonDocument.Parse(response.Content.ToMemory());
        var entity = TableEntityJson.ReadEntity(document.RootElement);
        if (entity.ETag == default && response.Headers.ETag is { } etag)
        {
            entity.ETag = etag;
        }

        return TableEntityMapper.FromEntity<T>(entity);
    }

    private static void AppendSelect(Request request, IEnumerable<string>? select)
    {
        if (select is not null)
        {
            var columns = string.Join(',', select);
            if (columns.Length > 0)
            {
                request.Uri.AppendQuery("$select", columns, escapeValue: true);
            }
        }
    }
}
