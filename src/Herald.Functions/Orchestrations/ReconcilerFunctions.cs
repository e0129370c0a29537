using Herald.Engine.Orchestrations;
using Herald.Functions.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Functions.Orchestrations;

/// <summary>
/// The making good of lost orchestration starts (<see cref="OrchestrationReconciler.ReconcileAsync"/>) as a timer trigger:
/// the local host runs it as a background loop with its workers, which the Functions app has as triggers instead.
/// </summary>
public sealed class ReconcilerFunctions(HeraldApplication herald)
{
    /// <summary>Every minute, on the minute: <c>Herald:Durable:ReconcileEvery</c>'s default.</summary>
    public const string Schedule = "0 * * * * *";

    /// <summary>The function's name.</summary>
    public const string Name = "ReconcileOrchestrations";

    /// <summary>
    /// One round: schedules the orchestration of each campaign that has not ended and has none (its start was lost), through
    /// <paramref name="durable"/>. Answers how many it scheduled.
    /// </summary>
    [Function(Name)]
    public Task<int> ReconcileOrchestrations([TimerTrigger(Schedule)] TimerInfo timer, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        herald.WithDurableClientAsync(durable, services =>
            ActivatorUtilities.CreateInstance<OrchestrationReconciler>(services, durable).ReconcileAsync(cancellationToken));
}
