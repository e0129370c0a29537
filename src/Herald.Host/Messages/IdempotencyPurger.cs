using Microsoft.Extensions.Options;

namespace Herald.Host.Messages;

/// <summary>
/// Deletes expired idempotency keys every <see cref="IdempotencyOptions.PurgeInterval"/> (first after one interval, so
/// short-lived hosts never scan). Failures are logged and tried again at the next interval.
/// </summary>
internal sealed class IdempotencyPurger(
    IdempotencyStore store,
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
