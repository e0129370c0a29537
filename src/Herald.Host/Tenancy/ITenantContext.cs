namespace Herald.Host.Tenancy;

/// <summary>The authenticated caller of the current request. Every read and write is scoped by <see cref="TenantId"/> (R28).</summary>
public interface ITenantContext
{
    /// <summary>The current tenant id; throws when the request is not authenticated (endpoints require auth by default).</summary>
    string TenantId { get; }

    /// <summary>Who acted, for the audit log: the token's subject, or <c>api-key:{name}</c>.</summary>
    string Actor { get; }

    /// <summary>How the caller authenticated: <c>jwt</c> or <c>api_key</c> (see <c>HeraldAuthMethods</c>).</summary>
    string AuthMethod { get; }
}
