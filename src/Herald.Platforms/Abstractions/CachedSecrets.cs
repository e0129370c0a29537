using System.Collections.Concurrent;

namespace Herald.Platforms.Abstractions;

/// <summary>
/// Credentials read through <see cref="ISecretStore"/> and parsed, kept in memory for a short while at most (R29:
/// held only while needed). Thread-safe.
/// </summary>
/// <typeparam name="T">The parsed credential.</typeparam>
internal sealed class CachedSecrets<T>(ISecretStore secrets, Func<TimeSpan> cacheFor, TimeProvider time, Func<string, T?> parse)
    where T : class
{
    /// <summary>The reason code of a secret the store does not have.</summary>
    public const string Missing = "secret_missing";

    private readonly ConcurrentDictionary<(string Tenant, string Reference), (T Value, DateTimeOffset Until)> _cache = new();

    /// <summary>The credential, or null and <see cref="Missing"/> or <paramref name="badReason"/>.</summary>
    public async Task<(T? Value, string? Problem)> ResolveAsync(PlatformAccount account, string badReason, CancellationToken cancellationToken)
    {
        var key = (account.TenantId, account.SecretReference);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && cached.Until > now)
        {
            return (cached.Value, null);
        }

        var value = await secrets.GetAsync(account.SecretReference, cancellationToken);
        if (value is null)
        {
            _cache.TryRemove(key, out _);
            return (null, Missing);
        }

        if (parse(value) is not { } parsed)
        {
            return (null, badReason);
        }

        if (cacheFor() is { } duration && duration > TimeSpan.Zero)
        {
            _cache[key] = (parsed, now + duration);
        }

        return (parsed, null);
    }

    /// <summary>Drops a cached credential (after the platform refused it: the next call reads the store again).</summary>
    public void Forget(PlatformAccount account) => _cache.TryRemove((account.TenantId, account.SecretReference), out _);
}
