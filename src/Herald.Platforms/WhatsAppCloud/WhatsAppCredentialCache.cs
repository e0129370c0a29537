using System.Collections.Concurrent;
using Herald.Platforms.Abstractions;

namespace Herald.Platforms.WhatsAppCloud;

/// <summary>Resolves a number's credentials through <see cref="ISecretStore"/>, kept in memory briefly (R29).</summary>
internal sealed class WhatsAppCredentialCache(ISecretStore secrets, WhatsAppCloudOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Tenant, string Reference), (WhatsAppCredentials Value, DateTimeOffset Until)> _cache = new();

    /// <summary>The credentials, or null and the reason code (<c>secret_missing</c>, <c>bad_credentials</c>).</summary>
    public async Task<(WhatsAppCredentials? Credentials, string? Problem)> ResolveAsync(PlatformAccount account, CancellationToken cancellationToken)
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
            return (null, WhatsAppReasons.SecretMissing);
        }

        if (!WhatsAppCredentials.TryParse(value, out var credentials))
        {
            return (null, WhatsAppReasons.BadCredentials);
        }

        if (options.CredentialCacheDuration > TimeSpan.Zero)
        {
            _cache[key] = (credentials, now + options.CredentialCacheDuration);
        }

        return (credentials, null);
    }

    /// <summary>Drops cached credentials (after a 190: the next call reads the store again).</summary>
    public void Forget(PlatformAccount account) => _cache.TryRemove((account.TenantId, account.SecretReference), out _);
}
