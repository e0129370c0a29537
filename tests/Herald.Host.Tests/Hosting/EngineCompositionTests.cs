using System.Net;
using Herald.Engine.Workers;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;
using Microsoft.Extensions.Hosting;

namespace Herald.Host.Tests.Hosting;

[Collection(AzuriteCollection.Name)]
public sealed class EngineCompositionTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Theory(Timeout = 60_000)]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RunWorkers_Setting_DecidesWhetherWorkersRunButTablesAreAlwaysCreated(bool workers)
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = workers);

        var hosted = host.Services.GetServices<IHostedService>().Select(s => s.GetType()).ToList();
        Assert.Contains(typeof(Herald.Host.Hosting.EngineStorageInitializer), hosted);
        Assert.DoesNotContain(typeof(EngineInitializer), hosted);
        Assert.Equal(workers, hosted.Contains(typeof(TickWorker)));
        Assert.Equal(workers, hosted.Contains(typeof(Sweeper)));
        var tables = azurite.CreateTableServiceClient();
        var created = await tables.GetTableClient(host.Prefix + "campaigns").CreateIfNotExistsAsync();
        Assert.Equal(409, created.GetRawResponse().Status);
    }

    [Fact(Timeout = 60_000)]
    public async Task NoStorage_ResourceApis_NotMapped()
    {
        await using var factory = await HeraldApiFactory.StartAsync(output: output);

        var response = await factory.CreateClient().GetAsync("/api/campaigns", factory.Token());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/api/whoami", factory.Token())).StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task OpenApi_WithStorage_DocumentsTheResourceApis()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);

        var paths = (await (await host.Factory.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync()).GetProperty("paths");

        string[] expected =
        [
            "/api/campaigns", "/api/campaigns/{id}", "/api/campaigns/{id}/report", "/api/campaigns/{id}/report.csv", "/api/campaigns/{id}/pause",
            "/api/campaigns/{id}/resume", "/api/campaigns/{id}/cancel", "/api/imports", "/api/imports/{id}", "/api/imports/{id}/suppress",
            "/api/suppressions", "/api/suppressions/{hash}", "/api/accounts/telegram-bots", "/api/accounts/telegram-users", "/api/accounts",
            "/api/accounts/{id}", "/api/accounts/{id}/disable", "/api/accounts/{id}/enable", "/api/accounts/{id}/check-admin",
            "/api/messages", "/api/messages/{id}",
        ];
        Assert.All(expected, path => Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the document"));
        var create = paths.GetProperty("/api/campaigns").GetProperty("post");
        Assert.True(create.GetProperty("responses").TryGetProperty("202", out _));
        Assert.True(create.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(create.TryGetProperty("security", out _));
        var send = paths.GetProperty("/api/messages").GetProperty("post");
        Assert.Contains(send.GetProperty("parameters").EnumerateArray(), p => p.Str("name") == "Idempotency-Key" && p.Str("in") == "header");
        // Sent by the bot's actor: 201 with the message, or 202 "queued" past Herald:Messages:AnswerWithin.
        Assert.True(send.GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(send.GetProperty("responses").TryGetProperty("202", out _));
        Assert.Contains("transactional lane", send.Str("description"), StringComparison.Ordinal);
    }
}
