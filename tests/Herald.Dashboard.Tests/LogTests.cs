using System.Text.Json;
using Herald.Dashboard.Tests.Infrastructure;

namespace Herald.Dashboard.Tests;

/// <summary>The host's JSON console logs (R31): searchable by tenant, account and campaign, and free of recipient data.</summary>
[Collection(DashboardCollection.Name)]
public sealed class LogTests(DashboardFixture fixture, ITestOutputHelper output)
{
    private const string SecretName = "Quentin Secretname";

    [Fact(Timeout = 90_000)]
    public async Task Logs_CampaignRun_JsonLinesCarryTenantAccountCampaignScopesAndNoRecipientData()
    {
        var id = await fixture.CreateCampaignAsync("logs", [(9_500_001, SecretName), (9_500_002, SecretName + " Two")]);
        // Ended before the assertions: the next test on this host must have the bot to itself.
        await fixture.WaitForCampaignAsync(id, DashboardFixture.Ended);
        var lines = await WaitForLinesAsync(id);

        // A tick's lines carry tenant and account; the campaign's lines its id, within the tenant's request scope.
        var tick = lines.First(l => Category(l) == "Herald.Engine.Actors.AccountActor" && Scope(l, "AccountId") is not null);
        Assert.Equal("demo", Scope(tick, "TenantId"));
        Assert.StartsWith("tg-bot-", Scope(tick, "AccountId"), StringComparison.Ordinal);
        var campaign = lines.First(l => Field(l, "CampaignId") == id);
        Assert.Equal("demo", Scope(campaign, "TenantId"));
        Assert.Contains(lines, l => Scope(l, "TenantId") == "demo" && Category(l).StartsWith("Herald.Host", StringComparison.Ordinal));
        Assert.DoesNotContain(SecretName, fixture.HostOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("9500001", fixture.HostOutput, StringComparison.Ordinal);
        output.WriteLine(tick.GetRawText());
        output.WriteLine(campaign.GetRawText());
    }

    private async Task<List<JsonElement>> WaitForLinesAsync(string campaignId)
    {
        while (true)
        {
            var lines = fixture.HostOutput.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            if (lines.Any(l => Field(l, "CampaignId") == campaignId) && lines.Any(l => Category(l) == "Herald.Engine.Actors.AccountActor"))
            {
                return lines;
            }

            await Task.Delay(200);
        }
    }

    private static string Category(JsonElement line) => line.GetProperty("Category").GetString() ?? "";

    /// <summary>A property of the line's state or one of its scopes.</summary>
    private static string? Field(JsonElement line, string name) =>
        line.TryGetProperty("State", out var state) && state.ValueKind == JsonValueKind.Object && state.TryGetProperty(name, out var value)
            ? value.ToString()
            : Scope(line, name);

    private static string? Scope(JsonElement line, string name) =>
        line.TryGetProperty("Scopes", out var scopes)
            ? scopes.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty(name, out _)).Select(s => s.GetProperty(name).ToString()).FirstOrDefault()
            : null;
}
