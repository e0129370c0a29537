using Herald.Host.Authentication;

namespace Herald.Host.Tests.Infrastructure;

/// <summary>The configuration every test host starts from: test keys, one API key, a temp data folder, Trace logging.</summary>
public static class TestSettings
{
    /// <summary>The plaintext of the configured API key (only its hash is in the configuration).</summary>
    public const string ApiKey = "hk_test-key-9f8e7d6c5b4a39281706f5e4d3c2b1a0";

    public const string ApiKeyTenant = "tenant-svc";

    public static Dictionary<string, string?> Create(string dataDirectory) => new()
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",

        // The task hub's own chatter (queue polls, leases, gRPC frames) at Trace would drown the test output.
        ["Logging:LogLevel:DurableTask"] = "Warning",
        ["Logging:LogLevel:Microsoft.DurableTask"] = "Warning",
        ["Logging:LogLevel:Grpc"] = "Warning",
        ["Herald:DataDirectory"] = dataDirectory,
        ["Herald:Auth:Issuer"] = TestKeys.Issuer,
        ["Herald:Auth:Audience"] = TestKeys.Audience,
        ["Herald:Auth:HmacSecrets:0"] = TestKeys.HmacSecret,
        ["Herald:Auth:RsaPublicKeys:0"] = TestKeys.Pem.PublicPem,
        ["Herald:Auth:Jwks"] = TestKeys.JwksFor(TestKeys.InlineJwks),
        ["Herald:Auth:ApiKeys:0:Name"] = "billing-service",
        ["Herald:Auth:ApiKeys:0:TenantId"] = ApiKeyTenant,
        ["Herald:Auth:ApiKeys:0:Sha256"] = ApiKeys.Hash(ApiKey),
    };
}
