using Herald.Host.Secrets;
using Herald.Host.Tests.Infrastructure;
using Herald.Platforms.Abstractions;
using Herald.Testing;

namespace Herald.Host.Tests.Integrations;

/// <summary>
/// An <see cref="EngineApiHost"/> whose integration-service and parsing-service are the simulator's, over loopback HTTP,
/// with their key in the host's secret store (retries 10 ms apart, so failure tests stay quick).
/// </summary>
internal static class IntegrationsHost
{
    /// <summary>The key the simulator expects (its scenario's default).</summary>
    public const string Key = "sim-integration-key";

    /// <summary>The secret reference the host reads the key from.</summary>
    public static readonly string KeySecret = SecretNames.For("herald", "integration-services-key");

    public static async Task<EngineApiHost> StartAsync(
        AzuriteFixture azurite, ITestOutputHelper output, bool workers = false, bool integrations = true, Action<EngineApiOptions>? configure = null)
    {
        var host = await EngineApiHost.StartAsync(azurite, output, o =>
        {
            o.Workers = workers;
            configure?.Invoke(o);
            if (!integrations)
            {
                return;
            }

            foreach (var service in new[] { "IntegrationService", "ParsingService" })
            {
                o.Settings[$"Herald:Integrations:{service}:ApiKeySecret"] = KeySecret;
                o.Settings[$"Herald:Integrations:{service}:RetryDelay"] = "00:00:00.010";
                o.Settings[$"Herald:Integrations:{service}:Retries"] = "3";
            }

            o.Settings["Herald:Integrations:IntegrationService:BaseUrl"] = "{simulator}integration/";
            o.Settings["Herald:Integrations:ParsingService:BaseUrl"] = "{simulator}parsing/";
            // A long interval keeps the reporter's own timer out of the tests: they call CheckAsync.
            o.Settings["Herald:Integrations:BanReportInterval"] = "01:00:00";
        });
        if (integrations)
        {
            await host.Services.GetRequiredService<ISecretStore>().SetAsync("herald", "integration-services-key", Key);
        }

        return host;
    }
}
