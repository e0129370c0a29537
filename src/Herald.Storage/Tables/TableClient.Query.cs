using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Core;

namespace Herald.Storage.Tables;

public partial class TableClient
{
    private const string NextPartitionKeyHeader = "x-ms-continuation-NextPartitionKey";
    private const string NextRowKeyHeader = "x-ms-continuation-NextRowKey";

    /// <summary>
    /// Queries entities: <paramref name="filter"/> is an OData filter (build it with <see cref="CreateQueryFilter"/>),
    /// <paramref name="maxPerPage"/> the page size (<c>$top</c>; the service caps a page at 1,000),
    /// <paramref name="select"/> the properties to return. Enumerating follows the continuation headers
    /// (<c>x-ms-continuation-NextPartitionKey</c>/<c>NextRowKey</c>, either may be absent) until the last page.
    /// A page's continuation token is <c>"{NextPartitionKey} {NextRowKey}"</c>.
    /// </summary>
    public virtual AsyncPageable<T> QueryAsync<T>(string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity
    {
        if (maxPerPage is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPerPage), maxPerPage, "The page size must be positive.");
        }

        var columns = select is null ? null : string.Join(',', select);
        return new QueryPageable<T>(this, filter, maxPerPage, columns, cancellationToken);
    }

    private async Task<Page<T>> QueryPageAsync<T>(string? filter, int? top, string? select, string? continuationToken, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        using var request = CreateRequest(RequestMethod.Get, Name + "()");
        if (!string.IsNullOrEmpty(filter))
        {
            request.Uri.AppendQuery("$filter", filter, escapeValue: true);
        }

        if (top is { } t)
        {
            request.Uri.AppendQuery("$top", t.ToString(CultureInfo.InvariantCulture), escapeValue: false);
        }

        if (!string.IsNullOrEmpty(select))
        {
            request.Uri.AppendQuery("$select", select, escapeValue: true);
        }

        var (nextPartitionKey, nextRowKey) = SplitContinuation(continuationToken);
        if (nextPartitionKey is not null)
        {
            request.Uri.AppendQuery("NextPartitionKey", nextPartitionKey, escapeValue: true);
        }

        if (nextRowKey is not null)
        {
            request.Uri.AppendQuery("NextRowKey", nextRowKey, escapeValue: true);
        }

        var response = await SendAsync(request, $"Query '{Name}'", cancellationToken).ConfigureAwait(false);
        var values = new List<T>();
        using (var document = JsonDocument.Parse(response.Content.ToMemory()))
        {
            if (document.RootElement.TryGetProperty("value", out var array))
            {
                foreach (var element in array.EnumerateArray())
                {
                    values.Add(TableEntityMapper.FromEntity<T>(TableEntityJson.ReadEntity(element)));
                }
            }
        }

        response.Headers.TryGetValue(NextPartitionKeyHeader, out var nextPk);
        response.Headers.TryGetValue(NextRowKeyHeader, out var nextRk);
        var next = string.IsNullOrEmpty(nextPk) && string.IsNullOrEmpty(nextRk) ? null : $"{nextPk} {nextRk}";
        return Page<T>.FromValues(values, next, response);
    }

    private static (string? PartitionKey, string? RowKey) SplitContinuation(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (null, null);
        }

        var space = token.IndexOf(' ', StringComparison.Ordinal);
        var pk = space < 0 ? token : token[..space];
        var rk = space < 0 ? string.Empty : token[(space + 1)..];
        return (pk.Length == 0 ? null : pk, rk.Length == 0 ? null : rk);
    }

    private sealed class QueryPageable<T>(TableClient client, string? filter, int? maxPerPage, string? select, CancellationToken cancellationToken)
        : AsyncPageable<T>(cancellationToken)
        where T : class, ITableEntity
    {
        public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
        {
            var token = continuationToken;
            do
            {
                var page = await client.QueryPageAsync<T>(filter, pageSizeHint ?? maxPerPage, select, token, CancellationToken).ConfigureAwait(false);
                yield return page;
                token = page.ContinuationToken;
            }
            while (token is not null);
        }
    }
}
