using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Herald.Development;
using Herald.Host.Audit;
using Herald.Host.Authentication;
using Herald.Host.Tests.Infrastructure;
using Herald.Storage;
using Herald.Testing;
using Microsoft.Extensions.Options;

namespace Herald.Host.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class HostStorageTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task Readyz_StorageUp_Returns200WithStorageReady()
    {
        await using var factory = await HeraldApiFactory.StartAsync(f => f.Settings["Herald:Storage:ConnectionString"] = azurite.ConnectionString, output);

        var response = await factory.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = (await response.ReadJsonAsync()).GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(["engine-storage", "storage"], checks.Select(c => c.GetProperty("name").GetString()).Order());
        Assert.All(checks, c => Assert.Equal("ready", c.GetProperty("status").GetString()));
    }

    [Fact(Timeout = 60_000)]
    public async Task Readyz_StorageUnreachable_Returns503NamingStorage()
    {
        var closed = ClosedPortConnectionString();
        await using var factory = await HeraldApiFactory.StartAsync(
            f =>
            {
                f.Settings["Herald:Storage:ConnectionString"] = closed;
                f.Settings["Herald:Readiness:CheckTimeout"] = "00:00:02";

                // The probe's timeout runs on the host's clock: a real one here, so the storage client's retries are cut short.
                f.TestServices = s => s.AddSingleton(TimeProvider.System);
            },
            output);

        var response = await factory.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Not ready: ", body, StringComparison.Ordinal);
        Assert.Contains("engine-storage", body, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"storage\",\"status\":\"not_ready\"", body.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(DevelopmentStorage.AccountKey, body, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Services_WithStorage_AreTheTableBackedAuditLogAndApiKeyStore()
    {
        await using var factory = await HeraldApiFactory.StartAsync(f => f.Settings["Herald:Storage:ConnectionString"] = azurite.ConnectionString, output);

        Assert.IsType<TableAuditLog>(factory.Services.GetRequiredService<IAuditLog>());
        Assert.IsType<TableApiKeyStore>(factory.Services.GetRequiredService<IApiKeyStore>());
    }

    [Fact(Timeout = 60_000)]
    public async Task ConnectionStringsStorage_UsedWhenHeraldStorageHasNone()
    {
        await using var factory = await HeraldApiFactory.StartAsync(f => f.Settings["ConnectionStrings:Storage"] = azurite.ConnectionString, output);

        var options = factory.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var tables = factory.Services.GetRequiredService<TableServiceClient>();

        Assert.Equal(azurite.ConnectionString, options.ConnectionString);
        Assert.Equal(azurite.CreateTableServiceClient().Uri, tables.Uri);
    }

    [Fact(Timeout = 60_000)]
    public async Task ApiKey_CreatedInTheTable_AuthenticatesRequests()
    {
        await using var factory = await HeraldApiFactory.StartAsync(f => f.Settings["Herald:Storage:ConnectionString"] = azurite.ConnectionString, output);
        var tenant = "svc-" + Guid.NewGuid().ToString("N")[..8];
        var key = await factory.Services.GetRequiredService<TableApiKeyStore>().CreateAsync(tenant, "crm-sync");
        using var client = factory.CreateClient();

        var stored = await client.GetAsync("/api/whoami", token: null, apiKey: key);
        var configured = await client.GetAsync("/api/whoami", token: null, apiKey: TestSettings.ApiKey);
        var unknown = await client.GetAsync("/api/whoami", token: null, apiKey: key + "x");

        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        var caller = await stored.ReadJsonAsync();
        Assert.Equal(tenant, caller.GetProperty("tenantId").GetString());
        Assert.Equal("api-key:crm-sync", caller.GetProperty("actor").GetString());
        Assert.Equal(HttpStatusCode.OK, configured.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
    }

    private static string ClosedPortConnectionString()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var endpoint = $"http://127.0.0.1:{port}/{DevelopmentStorage.AccountName}";
        return $"DefaultEndpointsProtocol=http;AccountName={DevelopmentStorage.AccountName};"
            + $"AccountKey={DevelopmentStorage.AccountKey};TableEndpoint={endpoint};QueueEndpoint={endpoint};";
    }
}
