using Herald.Core.Domain;
using Herald.Engine.Suppression;
using Herald.Host.Accounts;
using Herald.Platforms.WhatsAppCloud;

namespace Herald.Host.WhatsApp;

/// <summary>
/// Applies what one (verified) webhook call carried: message statuses to <see cref="DeliveryStore"/>, and a user's
/// "STOP"/"стоп" reply to the suppression list of the tenant that owns the number written to (R34).
/// </summary>
internal sealed class WhatsAppWebhookHandler(DeliveryStore deliveries, SuppressionStore suppressions, AccountOwnership ownership, ILogger<WhatsAppWebhookHandler> logger)
{
    // How many messages' statuses of one call are applied at once.
    private const int StatusParallelism = 8;

    /// <summary>The account id of a business number: <c>wa-{phone-number id}</c> (one tenant owns it).</summary>
    public static string AccountIdOf(string phoneNumberId) => "wa-" + phoneNumberId;

    public async Task HandleAsync(WhatsAppWebhookEvents events, CancellationToken cancellationToken)
    {
        // One call may carry many messages' statuses: each message's in order, different messages side by side.
        var byMessage = events.Statuses.GroupBy(s => s.MessageId, StringComparer.Ordinal).ToList();
        await Parallel.ForEachAsync(byMessage, new ParallelOptions { MaxDegreeOfParallelism = StatusParallelism, CancellationToken = cancellationToken }, async (statuses, ct) =>
        {
            foreach (var status in statuses)
            {
                await deliveries.ApplyStatusAsync(status.MessageId, status.Status, status.ErrorCode, ct);
            }
        });

        foreach (var message in events.Messages.Where(m => OptOutKeywords.IsOptOut(m.Text)))
        {
            var tenant = await ownership.OwnerOfAsync(AccountIdOf(message.PhoneNumberId), cancellationToken);
            if (tenant is null)
            {
                Log.WebhookForUnknownNumber(logger, message.PhoneNumberId);
                continue;
            }

            await suppressions.AddAsync(tenant, new Recipient(Phone: "+" + message.From.TrimStart('+')), OptOutKeywords.Reason, cancellationToken);
        }
    }
}
