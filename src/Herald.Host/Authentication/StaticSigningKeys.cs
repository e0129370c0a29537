using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Herald.Host.Authentication;

/// <summary>
/// Keys that come from configuration (HMAC secrets, RSA public keys, JWKS documents), loaded once.
/// Each kind is kept apart so an HS* token is only ever checked against secrets and an RS* token only
/// against RSA public keys: an HS256 token "signed" with the bytes of a public key can never pass.
/// </summary>
internal sealed class StaticSigningKeys
{
    /// <summary>The least HMAC secret length: HS256 needs a key at least as long as its 256-bit output.</summary>
    public const int MinimumHmacSecretBytes = 32;

    private StaticSigningKeys(IReadOnlyList<SecurityKey> hmac, IReadOnlyList<AlgorithmKey> rsa)
    {
        Hmac = hmac;
        Rsa = rsa;
    }

    public IReadOnlyList<SecurityKey> Hmac { get; }

    public IReadOnlyList<AlgorithmKey> Rsa { get; }

    /// <summary>Loads every configured key; throws <see cref="InvalidOperationException"/> naming the setting at fault.</summary>
    public static StaticSigningKeys Load(HeraldAuthOptions options)
    {
        var hmac = new List<SecurityKey>();
        for (var i = 0; i < options.HmacSecrets.Count; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(options.HmacSecrets[i] ?? "");
            if (bytes.Length < MinimumHmacSecretBytes)
            {
                throw new InvalidOperationException(
                    $"{HeraldAuthOptions.SectionName}:HmacSecrets:{i} is shorter than {MinimumHmacSecretBytes} bytes.");
            }

            hmac.Add(new SymmetricSecurityKey(bytes));
        }

        var rsa = new List<AlgorithmKey>();
        for (var i = 0; i < options.RsaPublicKeys.Count; i++)
        {
            rsa.Add(new AlgorithmKey(LoadPem(options.RsaPublicKeys[i], $"{HeraldAuthOptions.SectionName}:RsaPublicKeys:{i}"), null));
        }

        if (!string.IsNullOrWhiteSpace(options.Jwks))
        {
            rsa.AddRange(Jwks.ReadRsaKeys(options.Jwks, $"{HeraldAuthOptions.SectionName}:Jwks"));
        }

        if (!string.IsNullOrWhiteSpace(options.JwksFile))
        {
            var setting = $"{HeraldAuthOptions.SectionName}:JwksFile";
            rsa.AddRange(Jwks.ReadRsaKeys(ReadFile(options.JwksFile, setting), setting));
        }

        return new StaticSigningKeys(hmac, rsa);
    }

    private static RsaSecurityKey LoadPem(string value, string setting)
    {
        var pem = value.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal) ? value : ReadFile(value, setting);
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            throw new InvalidOperationException($"{setting} is not an RSA public key in PEM form.", ex);
        }

        return new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: false));
    }

    private static string ReadFile(string path, string setting)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{setting}: cannot read '{path}'.", ex);
        }
    }
}
