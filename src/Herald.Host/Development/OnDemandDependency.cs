namespace Herald.Host.Development;

/// <summary>
/// A development dependency that starts once, on the first of: the host starting it, or something needing it earlier
/// (an options post-configure that reads its address while options are validated on start, before hosted services
/// run). Stopping cancels a start in progress and stops what was started; disposing the container stops it too, so a
/// host that fails to start leaves nothing running.
/// </summary>
/// <typeparam name="TResource">What a start yields (a running process or server).</typeparam>
public abstract class OnDemandDependency<TResource> : IDevelopmentDependency, IAsyncDisposable
    where TResource : class
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task<TResource>? _start;
    private bool _stopped;

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <summary>The running resource, starting it if nothing has yet; all callers share one start.</summary>
    /// <exception cref="ObjectDisposedException">The dependency has been stopped.</exception>
    public Task<TResource> GetAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopped, this);

            // Not the caller's token: one caller giving up must not fail the start for the others.
            _start ??= Task.Run(() => StartResourceAsync(_stopping.Token), CancellationToken.None);
            return _start.WaitAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken = default) => GetAsync(cancellationToken);

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        Task<TResource>? start;
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            start = _start;
        }

        await _stopping.CancelAsync();
        if (start is null)
        {
            return;
        }

        TResource resource;
        try
        {
            resource = await start;
        }
        catch (Exception)
        {
            // It never started (or its start was cancelled): nothing to stop. The start's caller saw the failure.
            return;
        }

        await StopResourceAsync(resource, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The resource, blocking until it has started: for options post-configure callbacks, which are synchronous.</summary>
    protected TResource GetBlocking() => GetAsync().GetAwaiter().GetResult();

    /// <summary>Starts the resource and returns once it serves.</summary>
    protected abstract Task<TResource> StartResourceAsync(CancellationToken cancellationToken);

    /// <summary>Stops the resource.</summary>
    protected abstract Task StopResourceAsync(TResource resource, CancellationToken cancellationToken);
}
