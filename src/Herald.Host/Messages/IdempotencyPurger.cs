using Herald.Engine.Lanes;
using Microsoft.Extensions.Options;

namespace Herald.Host.Messages;

/// <summary>
/// Deletes expired idempotency keys (and the transactional lane rows that ended as long ago) every
/// <see cref="IdempotencyOptions.PurgeInterval"/> (first after one interval, so short-lived hosts never scan). Failures
/// are logged and tried again at the next interval.
/// </summary>
internal sealed class IdempotencyPurger(
    IdempotencyStore store,
    SingleMessageQueue lane,
    IOptions<IdempotencyOptions> options,
    TimeProvider time,
    ILogger<IdempotencyPurger> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.PurgeInterval, time, stoppingToken);
                var deleted = await store.PurgeExpiredAsync(stoppingToken);
                // Lane rows are what a key's later request answers from: they go with the keys.
                await lane.PurgeAsync(time.GetUtcNow() - options.Value.Retention, stoppingToken);
                Log.IdempotencyKeysPurged(logger, deleted);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                Log.IdempotencyPurgeFailed(logger, e);
            }
        }
    }
}
