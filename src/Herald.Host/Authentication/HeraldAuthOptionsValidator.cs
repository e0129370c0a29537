using System.Globalization;
using Herald.Host.Tenancy;
using Microsoft.Extensions.Options;

namespace Herald.Host.Authentication;

/// <summary>Checks <see cref="HeraldAuthOptions"/> on start, naming each setting at fault.</summary>
internal sealed class HeraldAuthOptionsValidator : IValidateOptions<HeraldAuthOptions>
{
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, HeraldAuthOptions options)
    {
        var errors = new List<string>();
        var section = HeraldAuthOptions.SectionName;
        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            errors.Add($"{section}:Issuer is required.");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            errors.Add($"{section}:Audience is required.");
        }

        foreach (var algorithm in options.EffectiveAllowedAlgorithms.Where(a => !JwtAlgorithms.IsSupported(a)))
        {
            errors.Add($"{section}:AllowedAlgorithms: '{algorithm}' is not accepted (use HS256/384/512 or RS256/384/512; 'none' never).");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > MaxClockSkew)
        {
            errors.Add($"{section}:ClockSkew must be between 0 and 5 minutes.");
        }

        if (options.JwksRefreshInterval <= TimeSpan.Zero || options.JwksMinimumRefreshInterval < TimeSpan.Zero)
        {
            errors.Add($"{section}:JwksRefreshInterval must be positive and JwksMinimumRefreshInterval not negative.");
        }

        if (options.DevelopmentTokenLifetime <= TimeSpan.Zero)
        {
            errors.Add($"{section}:DevelopmentTokenLifetime must be positive.");
        }

        ValidateJwksUrl(options.JwksUrl, errors);
        ValidateKeys(options, errors);
        ValidateApiKeys(options.ApiKeys, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateJwksUrl(Uri? url, List<string> errors)
    {
        if (url is null)
        {
            return;
        }

        var allowed = url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));
        if (!allowed)
        {
            errors.Add($"{HeraldAuthOptions.SectionName}:JwksUrl must be an absolute https URL (http only on loopback).");
        }
    }

    private static void ValidateKeys(HeraldAuthOptions options, List<string> errors)
    {
        StaticSigningKeys keys;
        try
        {
            keys = StaticSigningKeys.Load(options);
        }
        catch (InvalidOperationException ex)
        {
            errors.Add(ex.Message);
            return;
        }

        var allowed = options.EffectiveAllowedAlgorithms;
        var hmacUsable = keys.Hmac.Count > 0 && allowed.Any(JwtAlgorithms.IsHmac);
        var rsaUsable = (keys.Rsa.Count > 0 || options.JwksUrl is not null) && allowed.Any(JwtAlgorithms.IsRsa);
        if (!hmacUsable && !rsaUsable)
        {
            errors.Add($"{HeraldAuthOptions.SectionName}: no signing key is configured for any allowed algorithm " +
                       "(set HmacSecrets, RsaPublicKeys, Jwks, JwksFile or JwksUrl).");
        }
    }

    private static void ValidateApiKeys(List<ApiKeyEntry> entries, List<string> errors)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"{HeraldAuthOptions.SectionName}:ApiKeys:{i}");
            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                errors.Add($"{at}:Name is required.");
            }

            if (!TenantIds.IsValid(entry.TenantId))
            {
                errors.Add($"{at}:TenantId is not a valid tenant id.");
            }

            if (entry.Sha256 is not { Length: 64 } || !entry.Sha256.All(char.IsAsciiHexDigit))
            {
                errors.Add($"{at}:Sha256 must be 64 hex characters (the SHA-256 of the key, never the key).");
            }
        }
    }
}
