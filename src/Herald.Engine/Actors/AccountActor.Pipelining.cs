using Herald.Engine.Model;

namespace Herald.Engine.Actors;

public sealed partial class AccountActor
{
    /// <summary>A bot's next batch, claimed while its current batch was sent (<see cref="ClaimPipelining"/>).</summary>
    private sealed class EarlyClaim(List<CampaignRecord> running, string campaignId, Claim claim)
    {
        /// <summary>The running campaigns as listed for the claim: the next batch chooses among them.</summary>
        public List<CampaignRecord> Running { get; } = running;

        public string CampaignId { get; } = campaignId;

        public Claim Claim { get; } = claim;

        /// <summary>True once a batch uses the claim; otherwise it is handed back.</summary>
        public bool Taken { get; set; }
    }

    private async Task<List<CampaignRecord>> ListRunningAsync(AccountRecord row, CancellationToken cancellationToken) =>
        (await campaigns.ListAsync(row.TenantId, CampaignStatus.Running, cancellationToken))
            .Where(c => c.Uses(row) && !c.Preparing && !c.RightsPending)
            .ToList();

    /// <summary>
    /// Lists the running campaigns and claims up to <paramref name="count"/> targets of <paramref name="campaignId"/>
    /// for the next batch, on its own copy of the campaign row (the batch in flight keeps its own). A failure fails
    /// the tick as a claim of its own would: its targets, never started, go back to pending through recovery.
    /// </summary>
    private async Task<EarlyClaim?> PrefetchAsync(AccountRecord row, string campaignId, AttemptClaims attempt, int count, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var running = await ListRunningAsync(row, cancellationToken);
        var campaign = running.FirstOrDefault(c => c.Id == campaignId);
        if (campaign is null || campaign.AllShardsExhausted)
        {
            return new EarlyClaim(running, campaignId, new Claim([], null));
        }

        var claimStarted = time.GetTimestamp();
        var claim = await claims.ClaimAsync(row.AccountId, campaign, attempt, count, time.GetUtcNow(), cancellationToken);
        Diagnostics.EngineMetrics.ClaimDuration.Record(time.GetElapsedTime(claimStarted).TotalMilliseconds);
        return new EarlyClaim(running, campaignId, claim);
    }

    /// <summary>
    /// Puts an early claim no batch used back to pending (none of its targets was started). A conflict means this
    /// attempt was fenced off and recovery hands them back instead. Their shards are marked not exhausted, as another
    /// account may have found them empty meanwhile.
    /// </summary>
    private async Task HandBackAsync(EarlyClaim? early, CancellationToken cancellationToken)
    {
        if (early is null || early.Taken || early.Claim.Targets.Count == 0)
        {
            return;
        }

        await claims.HandBackAsync(early.Running.First(c => c.Id == early.CampaignId), early.Claim.Targets, cancellationToken);
    }
}
