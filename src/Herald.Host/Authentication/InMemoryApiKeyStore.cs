using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Herald.Host.Authentication;

/// <summary>API keys from <see cref="HeraldAuthOptions.ApiKeys"/> (hashes only), compared in constant time.</summary>
internal sealed class InMemoryApiKeyStore(IOptionsMonitor<HeraldAuthOptions> options) : IApiKeyStore
{
    public Task<ApiKeyOwner?> FindAsync(string apiKey, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(apiKey) || apiKey.Length > ApiKeys.MaxLength)
        {
            return Task.FromResult<ApiKeyOwner?>(null);
        }

        var presented = ApiKeys.HashBytes(apiKey);
        ApiKeyOwner? match = null;
        foreach (var entry in options.CurrentValue.ApiKeys)
        {
            // Every entry is compared, so the time taken does not tell which entry (if any) matched.
            if (CryptographicOperations.FixedTimeEquals(presented, Convert.FromHexString(entry.Sha256)))
            {
                match ??= new ApiKeyOwner(entry.TenantId, entry.Name);
            }
        }

        return Task.FromResult(match);
    }
}
