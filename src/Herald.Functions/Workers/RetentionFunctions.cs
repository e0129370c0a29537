using Herald.Functions.Hosting;
using Herald.Host.Campaigns;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Functions.Workers;

/// <summary>
/// The deletion of ended campaigns past <c>Herald:Campaigns:RetentionDays</c> (<see cref="CampaignRetention.SweepAsync"/>)
/// as a timer trigger: the local host runs it with its workers, which the Functions app has as triggers instead.
/// Nothing is deleted while the setting is left out.
/// </summary>
public sealed class RetentionFunctions(HeraldApplication herald)
{
    /// <summary>Every hour, on the hour: <c>Herald:Campaigns:RetentionSweepInterval</c>'s default.</summary>
    public const string Schedule = "0 0 * * * *";

    /// <summary>The function's name.</summary>
    public const string Name = "RetireCampaigns";

    /// <summary>
    /// One sweep: deletes the campaigns that ended longer ago than the retention, audited; their orchestrations'
    /// history goes through <paramref name="durable"/>. Answers how many were deleted.
    /// </summary>
    [Function(Name)]
    public Task<int> RetireCampaigns([TimerTrigger(Schedule)] TimerInfo timer, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        herald.WithDurableClientAsync(durable, services => services.GetRequiredService<CampaignRetention>().SweepAsync(cancellationToken));
}
