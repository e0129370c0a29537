using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Herald.Host.Authentication;

/// <summary>Hands the token validator the keys that may verify a given algorithm, and nothing else.</summary>
internal sealed class SigningKeyProvider : IDisposable
{
    /// <summary>The named <see cref="HttpClient"/> that fetches JWKS documents.</summary>
    public const string JwksHttpClientName = "Herald.Jwks";

    private readonly StaticSigningKeys _static;
    private readonly JwksUrlKeySource? _remote;

    public SigningKeyProvider(IOptions<HeraldAuthOptions> options, IHttpClientFactory httpClientFactory, TimeProvider timeProvider, ILogger<SigningKeyProvider> logger)
    {
        _static = StaticSigningKeys.Load(options.Value);
        if (options.Value.JwksUrl is not null)
        {
            _remote = new JwksUrlKeySource(httpClientFactory.CreateClient(JwksHttpClientName), options.Value, timeProvider, logger);
        }
    }

    /// <summary>The keys for <paramref name="algorithm"/>; <paramref name="keyId"/> (the token's <c>kid</c>) may trigger a JWKS refetch.</summary>
    public async ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(string algorithm, string? keyId, CancellationToken cancellationToken = default)
    {
        if (JwtAlgorithms.IsHmac(algorithm))
        {
            return _static.Hmac;
        }

        if (!JwtAlgorithms.IsRsa(algorithm))
        {
            return [];
        }

        IEnumerable<AlgorithmKey> candidates = _static.Rsa;
        if (_remote is not null)
        {
            candidates = candidates.Concat(await _remote.GetKeysAsync(keyId, cancellationToken));
        }

        return candidates.Where(k => k.Allows(algorithm)).Select(k => k.Key).ToList();
    }

    public void Dispose() => _remote?.Dispose();
}
