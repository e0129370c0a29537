using System.Globalization;
using System.Security.Claims;
using System.Text;
using Herald.Host.Authentication;
using Herald.Host.Tenancy;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Herald.Host.Commands;

/// <summary>
/// <c>token --tenant &lt;id&gt; [--hours N]</c>: prints a JWT (HS256) that the host, run with the same configuration,
/// accepts — in Development signed with the generated secret in the data folder. Prints only the token on stdout,
/// so <c>TOKEN=$(dotnet run --project src/Herald.Host -- token --tenant demo)</c> works. Starts no server.
/// </summary>
public static class TokenCommand
{
    private const string Usage = "usage: token --tenant <id> [--hours <hours>] [configuration overrides, e.g. --environment Development]";

    /// <summary>Runs the command on the console; returns the process exit code.</summary>
    public static int Run(string[] args) => Run(args, Console.Out, Console.Error, TimeProvider.System);

    /// <summary>Runs the command with explicit output streams and clock (for tests).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider timeProvider)
    {
        var arguments = CommandArguments.Parse(args, "--tenant", "--hours");
        var tenant = arguments["--tenant"];
        if (!TenantIds.IsValid(tenant))
        {
            error.WriteLine($"A valid --tenant is required (1-{TenantIds.MaxLength} of letters, digits, '-', '_', '.').");
            error.WriteLine(Usage);
            return 2;
        }

        TimeSpan? lifetime = null;
        if (arguments["--hours"] is { } hours)
        {
            if (!double.TryParse(hours, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0 || value > 24 * 366)
            {
                error.WriteLine(Usage);
                return 2;
            }

            lifetime = TimeSpan.FromHours(value);
        }

        HeraldAuthOptions options;
        try
        {
            options = CommandHost.GetOptions<HeraldAuthOptions>(arguments.Configuration, (services, configuration) => services.AddHeraldAuthOptions(configuration));
        }
        catch (OptionsValidationException ex)
        {
            error.WriteLine($"The authentication configuration is not valid: {string.Join(" ", ex.Failures)}");
            return 1;
        }

        if (options.HmacSecrets.Count == 0 || !options.EffectiveAllowedAlgorithms.Contains(JwtAlgorithms.HmacSha256))
        {
            error.WriteLine("No HS256 secret is configured: run in the Development environment (a secret is generated) " +
                            "or set Herald:Auth:HmacSecrets and allow HS256.");
            return 1;
        }

        output.WriteLine(CreateToken(options, tenant!, timeProvider.GetUtcNow(), lifetime ?? options.DevelopmentTokenLifetime));
        return 0;
    }

    /// <summary>An HS256 token for <paramref name="tenantId"/> with the configured issuer and audience, signed with the first HMAC secret.</summary>
    internal static string CreateToken(HeraldAuthOptions options, string tenantId, DateTimeOffset now, TimeSpan lifetime) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, tenantId)]),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.HmacSecrets[0])), SecurityAlgorithms.HmacSha256),
        });
}
