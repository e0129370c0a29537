namespace Herald.Host.Authentication;

/// <summary>
/// Where API keys for service clients are looked up. Keys are stored only as SHA-256 hashes: in configuration
/// (<see cref="InMemoryApiKeyStore"/>) and, with storage, in the <c>heraldapikeys</c> table (<see cref="TableApiKeyStore"/>).
/// </summary>
public interface IApiKeyStore
{
    /// <summary>The owner of <paramref name="apiKey"/>, or null when no stored hash matches it.</summary>
    Task<ApiKeyOwner?> FindAsync(string apiKey, CancellationToken cancellationToken = default);
}

/// <summary>Who an API key acts for.</summary>
/// <param name="TenantId">The owner tenant.</param>
/// <param name="Name">The key's label (not secret).</param>
/// <param name="ReadOnly">True when the key may only read (GET): anything else answers 403.</param>
public sealed record ApiKeyOwner(string TenantId, string Name, bool ReadOnly = false);
