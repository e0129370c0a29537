using System.Security.Cryptography;
using Herald.Host.Authentication;

namespace Herald.Functions.Tests.Infrastructure;

/// <summary>The settings Herald runs with in these tests: Azurite, its own prefix and task hub, one API key per tenant.</summary>
public static class TestSettings
{
    /// <summary>The plaintext of the API key configured for <see cref="ApiKeyTenant"/> (only its hash is configured).</summary>
    public const string ApiKey = "hk_functions-test-key-0a1b2c3d4e5f60718293a4b5c6d7e8f9";

    /// <summary>The tenant the configured API key belongs to.</summary>
    public const string ApiKeyTenant = "tenant-fn";

    public static Dictionary<string, string?> Create(string connectionString, string prefix) => new()
    {
        ["Logging:LogLevel:Default"] = "Warning",
        ["Herald:DataDirectory"] = Path.Combine(Path.GetTempPath(), "herald-functions-tests", prefix),
        ["Herald:Storage:ConnectionString"] = connectionString,
        ["Herald:Engine:NamePrefix"] = prefix,
        ["Herald:Durable:TaskHubName"] = prefix,
        ["Herald:Auth:Issuer"] = "herald-functions-tests",
        ["Herald:Auth:Audience"] = "herald-api",
        ["Herald:Auth:HmacSecrets:0"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Herald:Auth:ApiKeys:0:Name"] = "functions-tests",
        ["Herald:Auth:ApiKeys:0:TenantId"] = ApiKeyTenant,
        ["Herald:Auth:ApiKeys:0:Sha256"] = ApiKeys.Hash(ApiKey),
    };
}
