using System.Diagnostics;
using System.Globalization;
using Herald.Dashboard.Tests.Infrastructure;

namespace Herald.Dashboard.Tests;

/// <summary>
/// <c>GET /metrics</c> of the real host while a campaign runs: Debian's <c>promtool check metrics</c> accepts the
/// exposition, and the processed counter moves exactly as the campaign's status counts.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class MetricsEndpointTests(DashboardFixture fixture, ITestOutputHelper output)
{
    private const int RecipientCount = 60;

    [Fact(Timeout = 120_000)]
    public async Task Metrics_DuringAndAfterCampaign_PromtoolAcceptsAndProcessedCounterEqualsStatusProcessed()
    {
        fixture.LogTo(output);
        var before = Sum(await ScrapeAsync(), "invite_processed_users_total");
        var id = await fixture.CreateCampaignAsync("metrics", Enumerable.Range(1, RecipientCount).Select(i => (9_400_000L + i, $"M {i}")));

        var running = await fixture.WaitForCampaignAsync(id, s => s.GetProperty("status").GetString() == "running" && s.GetProperty("processed").GetInt64() > 0);
        var text = await ScrapeAsync();
        var (exitCode, lint) = await PromtoolAsync(text);
        output.WriteLine($"processed {running.GetProperty("processed")} while scraping; promtool: exit {exitCode} {lint}");
        Assert.True(exitCode == 0, $"promtool check metrics: exit {exitCode}: {lint}");
        Assert.True(Sum(text, "invite_active_tasks", "platform=\"telegram\"") >= 1, "invite_active_tasks{platform=\"telegram\"}");
        Assert.True(Sum(text, "invite_pending_targets") >= 1, "invite_pending_targets");
        foreach (var name in new[] { "invite_account_blocks_total", "invite_floodwait_events_total", "invite_speed_actions_per_minute", "invite_tick_queue_length", "external_api_errors_total", "herald_tick_duration_seconds_bucket", "herald_claim_duration_seconds_bucket" })
        {
            Assert.Contains("\n" + name, text, StringComparison.Ordinal);
        }

        var ended = await fixture.WaitForCampaignAsync(id, DashboardFixture.Ended);
        var after = Sum(await ScrapeAsync(), "invite_processed_users_total");
        Assert.Equal(RecipientCount, ended.GetProperty("processed").GetInt64());
        Assert.Equal(ended.GetProperty("processed").GetInt64(), (long)(after - before));
    }

    private async Task<string> ScrapeAsync()
    {
        using var response = await fixture.Api.GetAsync("/metrics");
        response.EnsureSuccessStatusCode();
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The sum of a metric's samples (optionally only those whose labels contain <paramref name="label"/>).</summary>
    private static double Sum(string exposition, string name, string? label = null) =>
        exposition.Split('\n')
            .Where(l => l.StartsWith(name + " ", StringComparison.Ordinal) || l.StartsWith(name + "{", StringComparison.Ordinal))
            .Where(l => label is null || l.Contains(label, StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    private static async Task<(int ExitCode, string Output)> PromtoolAsync(string exposition)
    {
        using var process = Process.Start(new ProcessStartInfo("promtool", ["check", "metrics"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(exposition);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }
}
