using Herald.Core.Domain;
using Herald.Engine.Model;
using Herald.Engine.Orchestrations;
using Herald.Engine.Persistence;
using Herald.Host.Imports;

namespace Herald.Host.Campaigns;

/// <summary>
/// A preparing campaign's recipients, read again from its import (so a crash loses nothing), without those its bots
/// cannot reach (<see cref="BotReach"/>), as they were left out of the total answered at creation.
/// </summary>
internal sealed class ImportRecipientSource(ImportStore imports, AccountStore accounts, ILogger<ImportRecipientSource> logger) : IRecipientSource
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<Recipient>?> ReadAsync(CampaignRecord campaign, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var import = campaign.PrepareFrom is { } importId ? await imports.GetAsync(campaign.TenantId, importId, cancellationToken) : null;
        if (import is null)
        {
            Log.CampaignImportGone(logger, campaign.TenantId, campaign.Id);
            return null;
        }

        var recipients = await imports.ReadRecipientsAsync(import, cancellationToken);
        var all = await accounts.ListAsync(campaign.TenantId, cancellationToken);
        var definition = campaign.Campaign;
        var kinds = all.Where(a => a.Platform == definition.Platform && (definition.AccountIds is null || definition.AccountIds.Contains(a.AccountId))).Select(a => a.Kind);
        return BotReach.RunsOnBots(definition.Platform, definition.Actions, kinds) ? [.. recipients.Where(BotReach.CanReach)] : recipients;
    }
}
