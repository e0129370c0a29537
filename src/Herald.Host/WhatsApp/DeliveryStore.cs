using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Herald.Engine;
using Herald.Host.Storage;

namespace Herald.Host.WhatsApp;

/// <summary>
/// Delivery receipts of platform messages (WhatsApp <c>wamid</c>s). Two tables:
/// <list type="bullet">
/// <item><c>{prefix}platformmessages</c>: partition = message id, one row: tenant, campaign, latest status and the
/// status it is counted under. Written by the send (which knows the campaign) and by the webhook (which knows the
/// status), in either order: the row carries both once both arrived, and only then is it counted.</item>
/// <item><c>{prefix}deliverycounts</c>: partition = tenant, rows <c>{campaign}:{shard}</c> (8 shards by message, so no
/// one row serialises a campaign) with the counts of <see cref="DeliveryCounts"/>.</item>
/// <item><c>{prefix}recipientdeliveries</c>: partition = tenant, rows <c>{campaign}:{sequence}</c>: the furthest status
/// any of that recipient's messages reached (for the report). Only the target's sequence number: no recipient data.</item>
/// </list>
/// Every write is conditional (ETag) and retried on a conflict; a redelivered webhook changes nothing.
/// </summary>
internal sealed partial class DeliveryStore
{
    /// <summary>The table of platform messages (after the engine's name prefix).</summary>
    internal const string MessagesTable = "platformmessages";

    /// <summary>The table of delivery counts (after the engine's name prefix).</summary>
    internal const string CountsTable = "deliverycounts";

    /// <summary>The table of each recipient's furthest status (after the engine's name prefix).</summary>
    internal const string RecipientsTable = "recipientdeliveries";

    private const int Shards = 8;
    private const string Row = "m";
    private readonly EnsuredTable _messages;
    private readonly EnsuredTable _counts;
    private readonly EnsuredTable _recipients;

    public DeliveryStore(TableServiceClient tables, EngineOptions engine)
    {
        _messages = new EnsuredTable(tables.GetTableClient(engine.NamePrefix + MessagesTable));
        _counts = new EnsuredTable(tables.GetTableClient(engine.NamePrefix + CountsTable));
        _recipients = new EnsuredTable(tables.GetTableClient(engine.NamePrefix + RecipientsTable));
    }

    /// <summary>
    /// Notes that <paramref name="messageId"/> was sent for a campaign (counted as sent, or as its webhook's status if
    /// that came first), to the recipient with the target <paramref name="sequence"/> when known.
    /// </summary>
    public async Task RecordSentAsync(string tenantId, string campaignId, string messageId, int? sequence = null, CancellationToken cancellationToken = default)
    {
        var table = await _messages.GetAsync(cancellationToken);
        for (var tries = 0; tries < 20; tries++)
        {
            // The send nearly always comes before its webhooks: insert first, read only when the webhook won.
            try
            {
                var sent = new TableEntity(messageId, Row) { ["TenantId"] = tenantId, ["CampaignId"] = campaignId, ["Status"] = "sent", ["Counted"] = "sent" };
                if (sequence is { } number)
                {
                    sent["Sequence"] = number;
                }

                await table.AddEntityAsync(sent, cancellationToken);
                await CountAsync(tenantId, campaignId, messageId, null, "sent", cancellationToken);
                await NoteRecipientAsync(tenantId, campaignId, sequence, "sent", null, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status == StatusCodes.Status409Conflict)
            {
                // The webhook came first: take its row (below).
            }

            var existing = await table.GetEntityIfExistsAsync<TableEntity>(messageId, Row, cancellationToken: cancellationToken);
            if (!existing.HasValue)
            {
                continue;
            }

            var row = existing.Value!;
            if (row.GetString("TenantId") is not null)
            {
                return; // recorded already
            }

            var status = row.GetString("Status") ?? "sent";
            row["TenantId"] = tenantId;
            row["CampaignId"] = campaignId;
            if (sequence is { } known)
            {
                row["Sequence"] = known;
            }

            row["Counted"] = status;
            if (await TryReplaceAsync(table, row, cancellationToken))
            {
                await CountAsync(tenantId, campaignId, messageId, null, status, cancellationToken);
                await NoteRecipientAsync(tenantId, campaignId, sequence, status, row.GetString("Reason"), cancellationToken);
                return;
            }
        }
    }

    /// <summary>
    /// Applies a status webhook; a status not past the message's current one changes nothing. A <c>failed</c> status
    /// keeps its reason (<see cref="FailureReason"/> of the first error's code) for the report.
    /// </summary>
    public async Task ApplyStatusAsync(string messageId, string status, int? errorCode = null, CancellationToken cancellationToken = default)
    {
        var reason = status == "failed" ? FailureReason(errorCode) : null;
        if (DeliveryCounts.Rank(status) == 0)
        {
            return;
        }

        var table = await _messages.GetAsync(cancellationToken);
        for (var tries = 0; tries < 20; tries++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(messageId, Row, cancellationToken: cancellationToken);
            if (!existing.HasValue)
            {
                try
                {
                    var early = new TableEntity(messageId, Row) { ["Status"] = status };
                    if (reason is not null)
                    {
                        early["Reason"] = reason;
                    }

                    await table.AddEntityAsync(early, cancellationToken);
                    return; // counted once the send records its campaign
                }
                catch (RequestFailedException e) when (e.Status == StatusCodes.Status409Conflict)
                {
                    continue;
                }
            }

            var row = existing.Value!;
            var current = row.GetString("Status");
            if (DeliveryCounts.Rank(status) <= DeliveryCounts.Rank(current))
            {
                return;
            }

            var counted = row.GetString("Counted");
            row["Status"] = status;
            if (reason is not null)
            {
                row["Reason"] = reason;
            }

            var tenant = row.GetString("TenantId");
            var campaign = row.GetString("CampaignId");
            if (tenant is not null && campaign is not null)
            {
                row["Counted"] = status;
            }

            if (await TryReplaceAsync(table, row, cancellationToken))
            {
                if (tenant is not null && campaign is not null)
                {
                    await CountAsync(tenant, campaign, messageId, counted, status, cancellationToken);
                    await NoteRecipientAsync(tenant, campaign, row.GetInt32("Sequence"), status, reason, cancellationToken);
                }

                return;
            }
        }
    }

    /// <summary>The campaign's counts (all zero when none of its messages was recorded).</summary>
    public async Task<DeliveryCounts> GetAsync(string tenantId, string campaignId, CancellationToken cancellationToken = default)
    {
        var table = await _counts.GetAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {campaignId + ":"} and RowKey lt {campaignId + ";"}");
        long sent = 0, delivered = 0, read = 0, failed = 0;
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            sent += e.GetInt64("Sent") ?? 0;
            delivered += e.GetInt64("Delivered") ?? 0;
            read += e.GetInt64("Read") ?? 0;
            failed += e.GetInt64("Failed") ?? 0;
        }

        return new DeliveryCounts(sent, delivered, read, failed);
    }

    private async Task CountAsync(string tenantId, string campaignId, string messageId, string? from, string to, CancellationToken cancellationToken)
    {
        var table = await _counts.GetAsync(cancellationToken);
        var shard = SHA256.HashData(Encoding.UTF8.GetBytes(messageId))[0] % Shards;
        var rowKey = $"{campaignId}:{shard}";
        for (var tries = 0; tries < 50; tries++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, rowKey, cancellationToken: cancellationToken);
            var row = existing.HasValue ? existing.Value! : new TableEntity(tenantId, rowKey);
            if (DeliveryCounts.Column(from) is { } decrement)
            {
                row[decrement] = (row.GetInt64(decrement) ?? 0) - 1;
            }

            var increment = DeliveryCounts.Column(to)!;
            row[increment] = (row.GetInt64(increment) ?? 0) + 1;
            try
            {
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
                // Another receipt of the same shard won: count again on its row.
            }
        }
    }

    private static async Task<bool> TryReplaceAsync(TableClient table, TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == StatusCodes.Status412PreconditionFailed)
        {
            return false;
        }
    }
}
