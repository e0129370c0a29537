using Azure.Data.Tables;
using Herald.Engine.Campaigns;
using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Herald.Host.WhatsApp;

namespace Herald.Host.Campaigns;

/// <summary>
/// A campaign's report rows: the engine's (failed, unknown, skipped, and cancelled ones), then every recipient the
/// engine counts done whose message the platform's receipt later reported failed (a WhatsApp status webhook
/// <c>failed</c> after <c>sent</c>), as <c>failed</c> with the receipt's reason (<see cref="DeliveryStore.FailureReason"/>);
/// with each recipient's furthest receipt where one arrived.
/// </summary>
internal sealed class CampaignReportReader(CampaignStatusReader reader, TargetStore targets, DeliveryStore deliveries)
{
    // Targets read per query by row key (an OR filter of this many keys).
    private const int KeysPerQuery = 50;

    /// <summary>The rows of <paramref name="campaign"/>'s report and the delivery status of each recipient that has one, by sequence.</summary>
    public async Task<(IAsyncEnumerable<ReportRow> Rows, IReadOnlyDictionary<int, string> Deliveries)> ReadAsync(CampaignRecord campaign, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var receipts = await deliveries.GetRecipientReceiptsAsync(campaign.TenantId, campaign.Id, cancellationToken);
        return (RowsAsync(campaign, receipts, cancellationToken), receipts.ToDictionary(r => r.Key, r => r.Value.Status));
    }

    private async IAsyncEnumerable<ReportRow> RowsAsync(
        CampaignRecord campaign,
        IReadOnlyDictionary<int, RecipientReceipt> receipts,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Only the receipts' failures are remembered while the engine's rows stream by (not every row listed): those not listed follow.
        var failedReceipts = receipts.Where(r => r.Value.Status == "failed").Select(r => r.Key).ToHashSet();
        await foreach (var row in reader.ReportAsync(campaign, cancellationToken))
        {
            failedReceipts.Remove(row.Sequence);
            yield return row;
        }

        var failed = failedReceipts.Order().ToList();
        foreach (var chunk in failed.Chunk(KeysPerQuery))
        {
            var filter = string.Join(" or ", chunk.Select(s => TableClient.CreateQueryFilter($"RowKey eq {EngineKeys.TargetRow(s)}")));
            await foreach (var target in targets.QueryAsync(campaign.TenantId, campaign.Id, filter, cancellationToken: cancellationToken))
            {
                var sequence = int.Parse(target.RowKey, System.Globalization.CultureInfo.InvariantCulture);
                yield return new ReportRow(sequence, target.Recipient, "failed", receipts[sequence].Reason, target.AccountId, target.UpdatedAt);
            }
        }
    }
}
