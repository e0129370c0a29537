namespace Herald.Host.Authentication;

/// <summary>
/// RSA keys from a JWKS URL, fetched on first use and cached for <see cref="HeraldAuthOptions.JwksRefreshInterval"/>;
/// a token naming an unknown key id triggers an early refetch, never more often than
/// <see cref="HeraldAuthOptions.JwksMinimumRefreshInterval"/>. When a fetch fails the last good keys stay in use.
/// </summary>
internal sealed class JwksUrlKeySource(HttpClient httpClient, HeraldAuthOptions options, TimeProvider timeProvider, ILogger logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Uri _url = options.JwksUrl ?? throw new ArgumentException("JwksUrl is not set.", nameof(options));

    // One immutable snapshot, swapped whole, so readers outside the gate never see a half-updated cache.
    private volatile Snapshot _snapshot = new([], null, null);

    public async ValueTask<IReadOnlyList<AlgorithmKey>> GetKeysAsync(string? keyId, CancellationToken cancellationToken = default)
    {
        if (!NeedsFetch(_snapshot, keyId))
        {
            return _snapshot.Keys;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (NeedsFetch(_snapshot, keyId))
            {
                await FetchAsync(cancellationToken);
            }

            return _snapshot.Keys;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private bool NeedsFetch(Snapshot snapshot, string? keyId)
    {
        var now = timeProvider.GetUtcNow();
        var fresh = snapshot.FetchedAt is { } fetched && now - fetched < options.JwksRefreshInterval;
        var known = keyId is null || snapshot.Keys.Any(k => string.Equals(k.Key.KeyId, keyId, StringComparison.Ordinal));
        var mayFetch = snapshot.AttemptedAt is not { } attempted || now - attempted >= options.JwksMinimumRefreshInterval;
        return (!fresh || !known) && mayFetch;
    }

    private async Task FetchAsync(CancellationToken cancellationToken)
    {
        var attemptedAt = timeProvider.GetUtcNow();
        try
        {
            var json = await httpClient.GetStringAsync(_url, cancellationToken);
            var keys = Jwks.ReadRsaKeys(json, _url.ToString());
            _snapshot = new Snapshot(keys, attemptedAt, attemptedAt);
            Log.JwksFetched(logger, _url, keys.Count);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException
                                       || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            _snapshot = _snapshot with { AttemptedAt = attemptedAt };
            Log.JwksFetchFailed(logger, _url, ex);
        }
    }

    private sealed record Snapshot(IReadOnlyList<AlgorithmKey> Keys, DateTimeOffset? FetchedAt, DateTimeOffset? AttemptedAt);
}
