using Azure;
using Azure.Core;

namespace Herald.Storage.Tables;

public partial class TableClient
{
    /// <summary>The most actions one entity-group transaction may hold.</summary>
    public const int MaxTransactionActions = 100;

    /// <summary>
    /// Submits an entity-group transaction (<c>$batch</c>): 1–100 actions on distinct rows of one partition,
    /// applied all or nothing. Returns one sub-response per action, in order (ETags in <c>Headers.ETag</c>).
    /// A rejected transaction throws <see cref="TableTransactionFailedException"/> with the failing action's
    /// status, error code and index; nothing of it was applied.
    /// </summary>
    /// <exception cref="ArgumentException">Empty, over 100 actions, several partitions, a repeated row or an invalid key (checked before any request).</exception>
    public virtual async Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> transactionActions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactionActions);
        var actions = transactionActions.ToList();
        ValidateTransaction(actions);

        var batch = new TableBatchContent(_endpoint, Name, actions);
        using var request = CreateRequest(RequestMethod.Post, "$batch");
        request.Headers.Add("Content-Type", batch.ContentType);
        request.Content = RequestContent.Create(batch.Body);
        var operation = $"Transaction on '{Name}'";
        var response = await SendAsync(request, operation, cancellationToken).ConfigureAwait(false);

        var parts = TableBatchContent.ParseResponse(response);
        var failed = parts.FirstOrDefault(p => p.Status >= 400);
        if (failed is not null)
        {
            throw TableBatchContent.Failure(failed, response, operation);
        }

        if (parts.Count != actions.Count)
        {
            throw new RequestFailedException(response.Status, $"{operation}: the service answered {parts.Count} results for {actions.Count} actions.", null, null);
        }

        return Response.FromValue<IReadOnlyList<Response>>(parts, response);
    }

    // Emulators address the account in the path (http://127.0.0.1:P/devstoreaccount1); Azure in the host name.
    private bool IsPathStyleEndpoint => _endpoint.AbsolutePath.Trim('/').Length > 0;

    private void ValidateTransaction(List<TableTransactionAction> actions)
    {
        if (actions.Count is 0 or > MaxTransactionActions)
        {
            throw new ArgumentException($"A transaction holds 1 to {MaxTransactionActions} actions, not {actions.Count}.", "transactionActions");
        }

        var rows = new HashSet<string>(StringComparer.Ordinal);
        var partitionKey = actions[0].Entity.PartitionKey;
        for (var i = 0; i < actions.Count; i++)
        {
            var entity = actions[i].Entity;
            TableKeys.Validate(entity);
            if (!string.Equals(entity.PartitionKey, partitionKey, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Action {i} is in another partition: a transaction covers exactly one partition.", "transactionActions");
            }

            if (!rows.Add(entity.RowKey))
            {
                throw new ArgumentException($"Action {i} repeats a row of an earlier action: a transaction touches each row once.", "transactionActions");
            }

            // Azurite reads a batch operation's PartitionKey from its URL with a greedy pattern up to the last "',",
            // so a RowKey holding "'," gives the wrong partition: merges answer 404 and upserts write a row under a
            // garbage PartitionKey. The real service parses it correctly; against the emulator (path-style endpoint),
            // refuse loudly instead of corrupting data. Single-entity operations are not affected.
            if (IsPathStyleEndpoint && entity.RowKey.Contains("',", StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Action {i}: Azurite misreads transactions whose RowKey contains \"',\" (it would write to the wrong partition); use single-entity operations for such rows.",
                    "transactionActions");
            }
        }
    }
}
