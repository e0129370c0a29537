using System.Net;
using System.Text;
using Herald.Host.Tests.Infrastructure;
using Herald.Host.Tests.Validation;
using Herald.Platforms.Abstractions;

namespace Herald.Host.Tests.Logging;

/// <summary>Every log record at every level, captured: tokens, API keys, secrets and message bodies never appear.</summary>
public sealed class NoSecretsInLogsTests(ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task Requests_WithTokensAndApiKeys_NeverLogCredentialText()
    {
        await using var factory = await HeraldApiFactory.StartAsync(output: output);
        var client = factory.CreateClient();
        var now = factory.Clock.GetUtcNow();
        var valid = TestTokens.Create(now, "tenant-a");
        var wrongKey = TestTokens.Create(now, credentials: TestTokens.Hmac(TestKeys.OtherHmacSecret));
        var expired = TestTokens.Create(now.AddHours(-3));
        var wrongApiKey = "hk_wrong-" + Guid.NewGuid().ToString("N");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/whoami", valid)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/whoami", wrongKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/whoami", expired)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/whoami", null, TestSettings.ApiKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/whoami", null, wrongApiKey)).StatusCode);

        var logs = factory.Logs.AllText;
        Assert.Contains("Bearer token refused: InvalidSignature", logs, StringComparison.Ordinal);
        Assert.Contains("Bearer token refused: Expired", logs, StringComparison.Ordinal);
        Assert.Contains("API key refused", logs, StringComparison.Ordinal);
        foreach (var token in new[] { valid, wrongKey, expired })
        {
            foreach (var part in token.Split('.'))
            {
                Assert.DoesNotContain(part, logs, StringComparison.Ordinal);
            }
        }

        Assert.DoesNotContain(TestSettings.ApiKey, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongApiKey, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(TestKeys.HmacSecret, logs, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task BodiesAndSecrets_NeverLogged()
    {
        var api = new ValidationTestApi();
        await using var host = await ApiTestHost.StartAsync(app => api.Map(app), output: output);
        var client = host.CreateAuthenticatedClient();
        const string Message = "Hi Anna, call +15551234567 <b>now</b>";
        const string Secret = "987654321:AAE-super-secret-bot-token-value";

        var response = await client.PostAsync(
            "/test/campaigns",
            new StringContent($$"""{"name":"x","channel":"email","message":"{{Message}}"}""", Encoding.UTF8, "application/json"));
        var store = host.Services.GetRequiredService<ISecretStore>();
        var reference = await store.SetAsync("tenant-a", "bot-token", Secret);
        Assert.Equal(Secret, await store.GetAsync(reference));
        await store.DeleteAsync(reference);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var logs = host.Logs.AllText;
        Assert.Contains($"Stored secret {reference}", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("+15551234567", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("super-secret", logs, StringComparison.Ordinal);
    }
}
