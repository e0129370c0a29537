using Herald.Engine.Persistence;
using Herald.Host.Health;

namespace Herald.Host.Hosting;

/// <summary>
/// Creates the engine's tables and queues when the host starts, like the engine's own <c>EngineInitializer</c>, but
/// without failing the start when storage is unreachable: the host then serves (<c>/healthz</c>, and <c>/readyz</c> answers
/// 503 naming <c>engine-storage</c>) and keeps trying in the background, 1 s apart at first, doubling up to 30 s. The
/// first attempt is awaited (bounded by 10 s), so with storage up no request ever meets a missing table.
/// </summary>
internal sealed class EngineStorageInitializer(EngineStorage storage, TimeProvider time, ILogger<EngineStorageInitializer> logger)
    : IHostedService, IReadinessCheck
{
    private static readonly TimeSpan FirstAttemptTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    // Never disposed: it has no timer, and the host may stop its services after disposing them.
    private readonly CancellationTokenSource _stopping = new();
    private Task _retrying = Task.CompletedTask;
    private volatile bool _created;

    public string Name => "engine-storage";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(FirstAttemptTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        if (!await TryCreateAsync(linked.Token))
        {
            _retrying = RetryAsync(_stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _retrying.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(_created ? ReadinessResult.Ready : ReadinessResult.NotReady("The engine's tables and queues are not created yet."));

    private async Task RetryAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (await TryCreateAsync(stoppingToken))
            {
                return;
            }

            delay = delay * 2 > MaxRetryDelay ? MaxRetryDelay : delay * 2;
        }
    }

    private async Task<bool> TryCreateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await storage.EnsureCreatedAsync(cancellationToken);
            _created = true;
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            Log.EngineStorageNotCreated(logger, ex);
            return false;
        }
    }
}
