using Herald.Engine.Actors;
using Herald.Engine.Persistence;
using Herald.Engine.Ticks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Herald.Engine.Workers;

/// <summary>
/// Polls the tick queue and runs account actors. Any number of these may run, in the host or in
/// separate worker processes, against the same storage.
/// </summary>
public sealed class TickWorker(EngineStorage storage, AccountActor actor, TickSignal signal, EngineOptions options, TimeProvider time, ILogger<TickWorker> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new QueuePump(storage.Ticks, storage.Poison, HandleAsync, options, time, logger, signal).RunAsync(stoppingToken);

    private async Task<TickResult> HandleAsync(Azure.Storage.Queues.Models.QueueMessage message, CancellationToken cancellationToken)
    {
        var tick = TickMessage.TryParse(message.MessageText);
        if (tick is null)
        {
            throw new FormatException($"Message {message.MessageId} is not a tick.");
        }

        return await actor.HandleAsync(tick, cancellationToken);
    }
}
