using Herald.Engine.Model;

namespace Herald.Engine.Orchestrations;

/// <summary>
/// Where the engine hands a campaign's multi-step, time-based life to its orchestration: started once per campaign,
/// signalled after each change of its row. <see cref="DurableCampaignLifecycle"/> is the real one.
/// </summary>
public interface ICampaignLifecycle
{
    /// <summary>Starts the campaign's orchestration (once: a second start of the same campaign changes nothing).</summary>
    Task StartAsync(CampaignRecord campaign, CancellationToken cancellationToken = default);

    /// <summary>Tells the campaign's orchestration to look at the row again. Best effort: the row is the truth.</summary>
    Task SignalAsync(string tenantId, string campaignId, CampaignSignal signal, CancellationToken cancellationToken = default);

    /// <summary>Deletes the history of a deleted campaign's orchestration (once it has ended). Best effort.</summary>
    Task ForgetAsync(string tenantId, string campaignId, CancellationToken cancellationToken = default);
}
