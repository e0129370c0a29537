extern alias simulator;

using Herald.Engine.Persistence;
using Herald.Host.Integrations;
using Herald.Host.Tests.Infrastructure;
using Herald.Platforms.Abstractions;
using Herald.Platforms.TelegramUser;
using Herald.Testing;
using simulator::Herald.Simulator.Integrations;
using simulator::Herald.Simulator.TdLib;

namespace Herald.Host.Tests.Integrations;

/// <summary>Blocked accounts reported to the simulated integration-service (<c>POST /accounts/check</c>) by <see cref="BanReporter"/>.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BanReportTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact(Timeout = 120_000)]
    public async Task Campaign_SessionUnregistered_AccountBlockedAndReportedOnce()
    {
        await using var host = await IntegrationsHost.StartAsync(azurite, output, workers: true);
        host.Simulator.TdLib.Load(new TdScenario
        {
            Accounts = [new() { UserId = 7301, Phone = "+10000007301", Status = "unregistered" }],
            Users = [new() { Id = 8301, Username = "ann_ban" }],
        });
        var tenant = EngineApiHost.NewTenant();
        var client = host.Client(tenant);
        var started = await (await client.PostJsonAsync("/api/accounts/telegram-users", """{"phone":"+10000007301","apiId":4242,"apiHash":"h","warmUp":false}""")).ReadJsonAsync();
        var id = started.GetProperty("account").Str("accountId");
        Assert.Equal("ready", (await (await client.PostJsonAsync($"/api/accounts/{id}/login/code", """{"code":"12345"}""")).ReadJsonAsync()).GetProperty("login").Str("state"));

        // The engine and the real adapter meet AUTH_KEY_UNREGISTERED on the first send and record the block.
        await client.CreateCampaignAsync("""{"actions":["personalMessage"],"message":"Hi","recipients":[{"username":"ann_ban"}]}""");
        var reporter = host.Services.GetRequiredService<BanReporter>();
        for (var i = 0; i < 600; i++)
        {
            var account = await (await client.GetAsync($"/api/accounts/{id}")).ReadJsonAsync();
            if (account.Str("status") == "blocked")
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal(1, await reporter.CheckAsync());
        Assert.Equal(0, await reporter.CheckAsync());
        var report = Assert.Single(host.Simulator.Integrations.BanReports, r => r.UserId == tenant);
        Assert.Equal((id, (string?)null, "auth_key_unregistered", "banned", "telegram"), (report.HeraldAccountId, report.AccountId, report.Reason, report.Status, report.Platform));
        Assert.Empty(host.Simulator.TdLib.Messages);
    }

    [Fact(Timeout = 90_000)]
    public async Task CheckAsync_ImportedAccountBlocked_ReportedWithItsExternalIdBansOnlyThenAgainAfterFailure()
    {
        await using var host = await IntegrationsHost.StartAsync(azurite, output, workers: true);
        var tenant = EngineApiHost.NewTenant();
        var secrets = host.Services.GetRequiredService<ISecretStore>();
        var secret = await secrets.SetAsync(tenant, "tdlib", TelegramUserCredentials.Create(1, "h", "+10000007401").Serialize());
        host.Simulator.Integrations.Load(new IntegrationsScenario
        {
            Accounts = [new() { UserId = tenant, Id = "ext-1", SecretRef = secret }, new() { UserId = tenant, Id = "ext-2", SecretRef = secret }],
        });
        Assert.Equal(2, (await (await host.Client(tenant).PostJsonAsync("/api/accounts/import", "{}")).ReadJsonAsync()).GetProperty("imported").GetArrayLength());

        // What the actor records on SESSION_REVOKED (reported) and PEER_FLOOD (a restriction, not a ban: not reported).
        await BlockAsync(host, tenant, AccountImport.AccountIdOf(tenant, "ext-1"), TelegramUserReasons.SessionRevoked);
        await BlockAsync(host, tenant, AccountImport.AccountIdOf(tenant, "ext-2"), TelegramUserReasons.PeerFlood);
        var reporter = host.Services.GetRequiredService<BanReporter>();

        host.Simulator.Integrations.FailNext(IntegrationsState.IntegrationService, 10, 503);
        Assert.Equal(0, await reporter.CheckAsync());
        host.Simulator.Integrations.FailNext(IntegrationsState.IntegrationService, 0);
        Assert.Equal(1, await reporter.CheckAsync());
        Assert.Equal(0, await reporter.CheckAsync());
        var report = Assert.Single(host.Simulator.Integrations.BanReports, r => r.UserId == tenant);
        Assert.Equal(("ext-1", "session_revoked"), (report.AccountId, report.Reason));
    }

    private static async Task BlockAsync(EngineApiHost host, string tenant, string accountId, string reason)
    {
        var store = host.Services.GetRequiredService<AccountStore>();
        var row = await store.GetAsync(tenant, accountId);
        row!.State = row.State with { BlockedReason = reason, BlockedAt = TimeProvider.System.GetUtcNow() };
        Assert.True(await store.TryReplaceAsync(row));
    }
}
