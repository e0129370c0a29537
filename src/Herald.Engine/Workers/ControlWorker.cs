using Herald.Engine.Actors;
using Herald.Engine.Campaigns;
using Herald.Engine.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Herald.Engine.Workers;

/// <summary>Polls the control queue: starts scheduled campaigns when their time comes.</summary>
public sealed class ControlWorker(EngineStorage storage, CampaignService campaigns, EngineOptions options, TimeProvider time, ILogger<ControlWorker> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new QueuePump(storage.Control, storage.Poison, HandleAsync, options, time, logger).RunAsync(stoppingToken);

    private async Task<TickResult> HandleAsync(Azure.Storage.Queues.Models.QueueMessage message, CancellationToken cancellationToken)
    {
        var control = ControlMessage.TryParse(message.MessageText)
            ?? throw new FormatException($"Message {message.MessageId} is not a control message.");
        await campaigns.StartWhenDueAsync(control, cancellationToken);
        return TickResult.Delete;
    }
}
