using Herald.Engine.Persistence;
using Polly;
using Polly.Retry;

namespace Herald.Host.Hosting;

/// <summary>
/// Creates the engine's tables and queues when the host starts, like the engine's own <c>EngineInitializer</c>, but
/// without failing the start when storage is unreachable: the host then serves (<c>/healthz</c>, and <c>/readyz</c> answers
/// 503 naming <c>engine-storage</c>) and keeps trying in the background (a Polly retry: 1 s after the first attempt, then
/// 2 s, doubling up to 30 s). The first attempt is awaited (bounded by 10 s), so with storage up no request ever meets a
/// missing table.
/// </summary>
internal sealed class EngineStorageInitializer(EngineStorage storage, TimeProvider time, ILogger<EngineStorageInitializer> logger)
    : IHostedService
{
    private static readonly TimeSpan FirstAttemptTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    // Never disposed: it has no timer, and the host may stop its services after disposing them.
    private readonly CancellationTokenSource _stopping = new();
    private Task _retrying = Task.CompletedTask;
    private volatile bool _created;

    /// <summary>True once every table and queue exists.</summary>
    public bool IsCreated => _created;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(FirstAttemptTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await CreateAsync(linked.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.EngineStorageNotCreated(logger, ex);
            _retrying = RetryAsync(_stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _retrying.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RetryAsync(CancellationToken stoppingToken)
    {
        var retry = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not null && !args.Context.CancellationToken.IsCancellationRequested),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                Delay = FirstRetryDelay * 2,
                MaxDelay = TimeSpan.FromSeconds(30),
                UseJitter = false,
                OnRetry = args =>
                {
                    Log.EngineStorageNotCreated(logger, args.Outcome.Exception!);
                    return default;
                },
            })
            .Build();
        try
        {
            await Task.Delay(FirstRetryDelay, time, stoppingToken);
            await retry.ExecuteAsync(static async (self, token) => await self.CreateAsync(token), this, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        _created = true;
    }
}
