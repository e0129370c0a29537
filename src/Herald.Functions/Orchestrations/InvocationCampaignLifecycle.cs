using Herald.Engine.Model;
using Herald.Engine.Orchestrations;
using Microsoft.Extensions.Logging;

namespace Herald.Functions.Orchestrations;

/// <summary>
/// The engine's <see cref="DurableCampaignLifecycle"/> over the Durable Task client of the invocation in flight
/// (<see cref="DurableClientScope"/>): the Functions host is the task hub's sidecar, reached only through bindings.
/// </summary>
internal sealed class InvocationCampaignLifecycle(DurableOptions options, ILogger<DurableCampaignLifecycle> logger) : ICampaignLifecycle
{
    public Task StartAsync(CampaignRecord campaign, CancellationToken cancellationToken = default) =>
        Current().StartAsync(campaign, cancellationToken);

    public Task SignalAsync(string tenantId, string campaignId, CampaignSignal signal, CancellationToken cancellationToken = default) =>
        Current().SignalAsync(tenantId, campaignId, signal, cancellationToken);

    public Task ForgetAsync(string tenantId, string campaignId, CancellationToken cancellationToken = default) =>
        Current().ForgetAsync(tenantId, campaignId, cancellationToken);

    private DurableCampaignLifecycle Current() =>
        new(DurableClientScope.Current ?? throw new InvalidOperationException("Campaign orchestrations are reached only inside a function with a [DurableClient] binding."), options, logger);
}
