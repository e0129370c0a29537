using System.Globalization;
using Herald.Platforms.Abstractions;

namespace Herald.Host.WhatsApp;

/// <summary>
/// Ties each platform message id to its campaign in <see cref="DeliveryStore"/>. The engine's idempotency key of an
/// action starts with the campaign id (<c>{campaign}:{target}:{step}:{a|f}</c>); an action without one (a single API
/// message) is not a campaign's and is not recorded; the target (the recipient's sequence number) ties the message to
/// its report row. Storage trouble is logged, never thrown: the message was sent.
/// </summary>
internal sealed class CampaignSentMessageLog(DeliveryStore deliveries, ILogger<CampaignSentMessageLog> logger) : ISentMessageLog
{
    public async Task RecordAsync(PlatformAccount account, PlatformAction action, string platformMessageId, CancellationToken cancellationToken = default)
    {
        var separator = action.IdempotencyKey.IndexOf(':', StringComparison.Ordinal);
        if (separator <= 0)
        {
            return;
        }

        try
        {
            var rest = action.IdempotencyKey.AsSpan(separator + 1);
            var end = rest.IndexOf(':');
            int? sequence = int.TryParse(end < 0 ? rest : rest[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            await deliveries.RecordSentAsync(account.TenantId, action.IdempotencyKey[..separator], platformMessageId, sequence, cancellationToken);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or TimeoutException or OperationCanceledException)
        {
            Log.DeliveryNotRecorded(logger, e, account.TenantId, account.AccountId);
        }
    }
}
