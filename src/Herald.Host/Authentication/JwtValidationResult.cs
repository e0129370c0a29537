namespace Herald.Host.Authentication;

/// <summary>The outcome of validating a bearer token: the tenant, or why it was refused.</summary>
internal readonly record struct JwtValidationResult(string? TenantId, string? Algorithm, JwtFailure Failure)
{
    public bool Succeeded => Failure == JwtFailure.None;

    public static JwtValidationResult Success(string tenantId, string algorithm) => new(tenantId, algorithm, JwtFailure.None);

    public static JwtValidationResult Fail(JwtFailure failure, string? algorithm = null) => new(null, algorithm, failure);
}
