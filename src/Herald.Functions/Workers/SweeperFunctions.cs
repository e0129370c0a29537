using Herald.Engine.Workers;
using Herald.Functions.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Functions.Workers;

/// <summary>The actors' liveness sweep (<see cref="Sweeper.SweepAsync"/>) as a timer trigger.</summary>
public sealed class SweeperFunctions(HeraldApplication herald)
{
    /// <summary>Every 15 seconds: <c>Herald:Engine:SweepInterval</c>'s default.</summary>
    public const string Schedule = "*/15 * * * * *";

    /// <summary>One sweep: re-arms accounts whose tick is overdue.</summary>
    [Function("Sweep")]
    public Task Sweep([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        ActivatorUtilities.CreateInstance<Sweeper>(herald.Services).SweepAsync(cancellationToken);
}
