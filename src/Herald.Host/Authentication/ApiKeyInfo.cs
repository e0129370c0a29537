namespace Herald.Host.Authentication;

/// <summary>What the API shows of a stored API key: never the key, never its hash.</summary>
/// <param name="Id">The key's id (for <c>DELETE /api/api-keys/{id}</c>).</param>
/// <param name="Name">The label given at creation (the audit log's actor is <c>api-key:{name}</c>).</param>
/// <param name="Prefix">The key's first characters (<c>hk_…</c>), to tell keys apart.</param>
/// <param name="ReadOnly">True when the key may only read (GET).</param>
/// <param name="Created">When it was made.</param>
/// <param name="LastUsed">When it was last accepted, to the minute (written at most once a minute); null when never.</param>
public sealed record ApiKeyInfo(string Id, string Name, string Prefix, bool ReadOnly, DateTimeOffset Created, DateTimeOffset? LastUsed);

/// <summary>A key just made: <see cref="Key"/> is shown this once and cannot be read back.</summary>
/// <param name="ApiKey">The stored key's description.</param>
/// <param name="Key">The key to hand to the client (<c>X-Api-Key</c>).</param>
public sealed record IssuedApiKey(ApiKeyInfo ApiKey, string Key);

/// <summary>The tenant's API keys, oldest first.</summary>
/// <param name="Items">The keys.</param>
public sealed record ApiKeyList(IReadOnlyList<ApiKeyInfo> Items);
