using Herald.Engine.Model;

namespace Herald.Engine.Orchestrations;

/// <summary>
/// The lifecycle of an engine composed without the Durable Task worker (the actor-only test harness): nothing is
/// orchestrated, so scheduled campaigns and preparing ones wait until a process with orchestrations runs.
/// </summary>
public sealed class NoCampaignLifecycle : ICampaignLifecycle
{
    /// <inheritdoc />
    public Task StartAsync(CampaignRecord campaign, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task SignalAsync(string tenantId, string campaignId, CampaignSignal signal, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task ForgetAsync(string tenantId, string campaignId, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
