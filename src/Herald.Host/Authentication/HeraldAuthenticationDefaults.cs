namespace Herald.Host.Authentication;

/// <summary>Names shared by Herald's authentication handlers, the tenant accessor and the OpenAPI document.</summary>
public static class HeraldAuthenticationDefaults
{
    /// <summary>The JWT bearer scheme.</summary>
    public const string BearerScheme = "Bearer";

    /// <summary>The API key scheme.</summary>
    public const string ApiKeyScheme = "ApiKey";

    /// <summary>The default scheme: forwards to <see cref="ApiKeyScheme"/> or <see cref="BearerScheme"/> by the headers present.</summary>
    public const string SelectorScheme = "Herald";

    /// <summary>The header that carries an API key.</summary>
    public const string ApiKeyHeader = "X-Api-Key";
}

/// <summary>The claims Herald's handlers put on an authenticated caller.</summary>
public static class HeraldClaimTypes
{
    /// <summary>The tenant id (the token's <c>sub</c>, or the API key's owner).</summary>
    public const string Tenant = "herald:tenant";

    /// <summary>How the caller authenticated: <c>jwt</c> or <c>api_key</c>.</summary>
    public const string AuthMethod = "herald:auth_method";

    /// <summary>Who acted, for the audit log: the token's <c>sub</c>, or <c>api-key:{name}</c>.</summary>
    public const string Actor = "herald:actor";

    /// <summary>Present (<c>true</c>) on a caller that may only read: a read-only API key (<see cref="ReadOnlyAccess"/>).</summary>
    public const string ReadOnly = "herald:read_only";
}

/// <summary>The values of <see cref="HeraldClaimTypes.AuthMethod"/>.</summary>
public static class HeraldAuthMethods
{
    /// <summary>A bearer JWT.</summary>
    public const string Jwt = "jwt";

    /// <summary>An API key.</summary>
    public const string ApiKey = "api_key";
}
