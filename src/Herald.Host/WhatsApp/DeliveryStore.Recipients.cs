using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace Herald.Host.WhatsApp;

internal sealed partial class DeliveryStore
{
    /// <summary>The reason a <c>failed</c> receipt is reported under: <c>receipt_failed_{code}</c>, or <c>receipt_failed</c> without a code.</summary>
    public static string FailureReason(int? errorCode) =>
        errorCode is { } code ? string.Create(CultureInfo.InvariantCulture, $"receipt_failed_{code}") : "receipt_failed";

    /// <summary>
    /// The furthest delivery status of each recipient (by target sequence) of the campaign that has one; recipients
    /// whose messages no receipt named are absent.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, string>> GetRecipientStatusesAsync(string tenantId, string campaignId, CancellationToken cancellationToken = default) =>
        (await GetRecipientReceiptsAsync(tenantId, campaignId, cancellationToken)).ToDictionary(p => p.Key, p => p.Value.Status);

    /// <summary>
    /// The furthest receipt of each recipient (by target sequence) of the campaign that has one, with the reason of a
    /// <c>failed</c> one; recipients whose messages no receipt named are absent.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, RecipientReceipt>> GetRecipientReceiptsAsync(string tenantId, string campaignId, CancellationToken cancellationToken = default)
    {
        var table = await _recipients.GetAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {campaignId + ":"} and RowKey lt {campaignId + ";"}");
        var receipts = new Dictionary<int, RecipientReceipt>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, select: ["RowKey", "Status", "Reason"], cancellationToken: cancellationToken))
        {
            if (int.TryParse(e.RowKey.AsSpan(campaignId.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) && e.GetString("Status") is { } status)
            {
                receipts[sequence] = new RecipientReceipt(status, e.GetString("Reason"));
            }
        }

        return receipts;
    }

    // A recipient's row only moves to a further status, whichever of its messages (steps, fallbacks) reported it.
    private async Task NoteRecipientAsync(string tenantId, string campaignId, int? sequence, string status, string? reason, CancellationToken cancellationToken)
    {
        if (sequence is not { } number)
        {
            return;
        }

        var table = await _recipients.GetAsync(cancellationToken);
        var rowKey = $"{campaignId}:{number.ToString("D7", CultureInfo.InvariantCulture)}";
        for (var tries = 0; tries < 20; tries++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, rowKey, cancellationToken: cancellationToken);
            if (existing.HasValue && DeliveryCounts.Rank(status) <= DeliveryCounts.Rank(existing.Value!.GetString("Status")))
            {
                return;
            }

            try
            {
                var row = existing.HasValue ? existing.Value! : new TableEntity(tenantId, rowKey);
                row["Status"] = status;
                row.Remove("Reason");
                if (reason is not null)
                {
                    row["Reason"] = reason;
                }

                if (existing.HasValue)
                {
                    await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await table.AddEntityAsync(row, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException e) when (e.Status is StatusCodes.Status409Conflict or StatusCodes.Status412PreconditionFailed)
            {
                // Another receipt of the same recipient won: compare with its status again.
            }
        }
    }
}

/// <summary>A recipient's furthest delivery receipt.</summary>
/// <param name="Status"><c>sent</c>, <c>delivered</c>, <c>read</c> or <c>failed</c>.</param>
/// <param name="Reason">Why it failed (<see cref="DeliveryStore.FailureReason"/>), null otherwise.</param>
internal sealed record RecipientReceipt(string Status, string? Reason);
