using Herald.Engine.Campaigns;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Herald.Engine.Orchestrations;

/// <summary>
/// Writes one chunk of a preparing campaign's targets, reading only that slice of its recipients (idempotent: a chunk
/// repeated after a crash rewrites the same rows). Returns how many of them were suppressed (written as skipped).
/// </summary>
public sealed class PrepareChunkActivity(CampaignService campaigns, IRecipientSource source, ILogger<PrepareChunkActivity> logger)
    : TaskActivity<PreparationChunk, int>
{
    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskActivityContext context, PreparationChunk input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var campaign = await campaigns.GetAsync(input.TenantId, input.CampaignId);
        if (campaign is not { Preparing: true })
        {
            return 0;
        }

        var slice = await source.ReadAsync(campaign, input.Offset, input.Count)
            ?? throw new InvalidOperationException("The campaign's recipients cannot be read any more.");
        var skipped = await campaigns.PrepareSliceAsync(input.TenantId, input.CampaignId, input.Offset, slice) ?? 0;
        Log.ChunkPrepared(logger, input.TenantId, input.CampaignId, input.Offset, input.Count);
        return skipped;
    }
}
