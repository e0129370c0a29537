using Microsoft.IdentityModel.Tokens;

namespace Herald.Host.Authentication;

/// <summary>A verification key and, when its source says so (a JWK's <c>alg</c>), the one algorithm it may verify.</summary>
internal sealed record AlgorithmKey(SecurityKey Key, string? Algorithm)
{
    public bool Allows(string algorithm) => Algorithm is null || string.Equals(Algorithm, algorithm, StringComparison.Ordinal);
}
