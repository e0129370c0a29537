using Herald.Platforms.Abstractions;

namespace Herald.Host.WhatsApp;

/// <summary>
/// Ties each platform message id to its campaign in <see cref="DeliveryStore"/>. The engine's idempotency key of an
/// action starts with the campaign id (<c>{campaign}:{target}:{step}:{a|f}</c>); an action without one (a single API
/// message) is not a campaign's and is not recorded. Storage trouble is logged, never thrown: the message was sent.
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
            await deliveries.RecordSentAsync(account.TenantId, action.IdempotencyKey[..separator], platformMessageId, cancellationToken);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or TimeoutException or OperationCanceledException)
        {
            Log.DeliveryNotRecorded(logger, e, account.TenantId, account.AccountId);
        }
    }
}
