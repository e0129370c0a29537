namespace Herald.Host.Authentication;

/// <summary>How callers prove who they are, bound from <c>Herald:Auth</c> and validated on start.</summary>
public sealed class HeraldAuthOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Herald:Auth";

    /// <summary>The required <c>iss</c> of every token. No default: must be configured.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>The required <c>aud</c> of every token. No default: must be configured.</summary>
    public string Audience { get; set; } = "";

    /// <summary>Shared secrets for HS256/384/512 tokens (UTF-8, at least 32 bytes each). Default: none.</summary>
    public List<string> HmacSecrets { get; set; } = [];

    /// <summary>RSA public keys for RS256/384/512 tokens: PEM text, or a path to a PEM file. Default: none.</summary>
    public List<string> RsaPublicKeys { get; set; } = [];

    /// <summary>An inline JWKS document (<c>{"keys":[…]}</c>); its RSA signing keys are trusted. Default: none.</summary>
    public string? Jwks { get; set; }

    /// <summary>A path to a JWKS document; its RSA signing keys are trusted. Default: none.</summary>
    public string? JwksFile { get; set; }

    /// <summary>A JWKS URL fetched and cached (https, or http on loopback only). Default: none.</summary>
    public Uri? JwksUrl { get; set; }

    /// <summary>How long keys fetched from <see cref="JwksUrl"/> are used before a refetch. Default: 1 hour.</summary>
    public TimeSpan JwksRefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The least time between two fetches, also when a token names an unknown key id. Default: 1 minute.</summary>
    public TimeSpan JwksMinimumRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Tolerance for clock differences when checking <c>exp</c> and <c>nbf</c> (0 to 5 minutes). Default: 30 seconds.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The <c>alg</c> values accepted in token headers, checked before any validation; a subset of
    /// HS256, HS384, HS512, RS256, RS384, RS512 (<c>none</c> is never accepted). Default when empty: HS256 and RS256.
    /// </summary>
    public List<string> AllowedAlgorithms { get; set; } = [];

    /// <summary>API keys for service clients, stored as SHA-256 hashes. Default: none.</summary>
    public List<ApiKeyEntry> ApiKeys { get; set; } = [];

    /// <summary>
    /// Development only: when no HMAC secret is configured, generate one and keep it in the data folder, so the
    /// <c>token</c> command and the server agree. Ignored outside the Development environment. Default: false.
    /// </summary>
    public bool GenerateDevelopmentSecret { get; set; }

    /// <summary>The lifetime of tokens made by the <c>token</c> command. Default: 8 hours.</summary>
    public TimeSpan DevelopmentTokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The algorithms in force: <see cref="AllowedAlgorithms"/>, or HS256 and RS256 when none are listed.</summary>
    public IReadOnlyList<string> EffectiveAllowedAlgorithms =>
        AllowedAlgorithms.Count > 0 ? AllowedAlgorithms : [JwtAlgorithms.HmacSha256, JwtAlgorithms.RsaSha256];
}
