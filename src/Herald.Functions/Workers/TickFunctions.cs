using Azure.Storage.Queues.Models;
using Herald.Engine;
using Herald.Engine.Actors;
using Herald.Engine.Persistence;
using Herald.Engine.Ticks;
using Herald.Functions.Hosting;
using Herald.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Herald.Functions.Workers;

/// <summary>
/// The account actors' tick queue as a queue trigger: the engine's <c>TickWorker</c> with the Functions host as the
/// pump. host.json's <c>queues</c> section carries the engine's settings (visibility, <c>maxDequeueCount</c>); a tick
/// that fails its last delivery is parked in the engine's own poison queue (<c>{NamePrefix}-poison</c>), as the local
/// worker does, so one poison queue holds them whichever host ran them.
/// </summary>
public sealed class TickFunctions(HeraldApplication herald, ILogger<TickFunctions> logger)
{
    /// <summary>The app setting the tick queue's name follows: the engine's <c>Herald:Engine:NamePrefix</c>.</summary>
    public const string PrefixSetting = "Herald:Engine:NamePrefix";

    /// <summary>
    /// The tick queue as a binding expression the Functions host resolves from the app settings
    /// (<c>Herald__Engine__NamePrefix</c>): <c>{NamePrefix}-ticks</c>, the queue the engine's <c>EngineStorage</c> puts ticks on.
    /// </summary>
    public const string QueueName = "%" + PrefixSetting + "%-ticks";

    /// <summary>Runs one tick; a busy account's tick is put back for when its lease may end.</summary>
    [Function("Tick")]
    public async Task Tick([QueueTrigger(QueueName)] QueueMessage message, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var services = herald.Services;
        var storage = services.GetRequiredService<EngineStorage>();
        var options = services.GetRequiredService<EngineOptions>();
        try
        {
            var tick = TickMessage.TryParse(message.MessageText) ?? throw new FormatException($"Message {message.MessageId} is not a tick.");
            var result = await herald.WithDurableClientAsync(durable, sp => sp.GetRequiredService<AccountActor>().HandleAsync(tick, CancellationToken.None));
            if (result.Kind == TickResultKind.Busy)
            {
                // The host deletes the message it delivered once this returns: the same tick comes back when it is due.
                await storage.Ticks.SendMessageAsync(message.MessageText, Clamp(result.RetryIn), TimeSpan.FromSeconds(-1), cancellationToken);
            }
        }
        catch (Exception e) when (message.DequeueCount >= options.MaxDequeueCount)
        {
            Log.TickPoisoned(logger, e, message.MessageId, message.DequeueCount);
            await storage.Poison.SendMessageAsync(message.MessageText, null, TimeSpan.FromSeconds(-1), CancellationToken.None);
        }
    }

    private static TimeSpan Clamp(TimeSpan delay) =>
        delay < TimeSpan.Zero ? TimeSpan.Zero : delay > StorageLimits.MaxVisibilityTimeout ? StorageLimits.MaxVisibilityTimeout : delay;
}
