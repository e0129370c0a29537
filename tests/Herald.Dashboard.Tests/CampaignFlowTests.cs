using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Herald.Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Herald.Dashboard.Tests;

/// <summary>A campaign from start to report through the dashboard in real headless Chromium against a real host.</summary>
[Collection(DashboardCollection.Name)]
public sealed class CampaignFlowTests(DashboardFixture fixture, ITestOutputHelper output)
{
    private const int RecipientCount = 80;
    private static readonly LocatorAssertionsToHaveTextOptions Long = new() { Timeout = 90_000 };

    [Fact(Timeout = 150_000)]
    public async Task Dashboard_CsvUploadPauseResume_ProgressStopsWhilePausedCompletesAndCsvReportDownloads()
    {
        fixture.LogTo(output);
        await using var dashboard = await DashboardPage.OpenAsync(fixture, nameof(Dashboard_CsvUploadPauseResume_ProgressStopsWhilePausedCompletesAndCsvReportDownloads));
        var page = dashboard.Page;
        await dashboard.SignInAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "New campaign" }).First.ClickAsync();
        await page.GetByLabel("Name").FillAsync("Spring news");
        await page.GetByLabel("Recipient list").SetInputFilesAsync(new FilePayload { Name = "list.csv", MimeType = "text/csv", Buffer = Csv() });
        await page.GetByLabel("Message").FillAsync("Hello {{name}}, spring is here.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create campaign" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Spring news" })).ToBeVisibleAsync();
        await Expect(dashboard.Fact("status")).ToHaveTextAsync("running");
        await Expect(dashboard.Fact("processed")).Not.ToHaveTextAsync("0", new() { Timeout = 60_000 });
        var first = await ProcessedAsync(dashboard);
        Assert.InRange(first, 1, RecipientCount - 1);

        await dashboard.ControlAsync("Pause");
        await Expect(dashboard.Fact("status")).ToHaveTextAsync("paused");
        // The action in flight when the pause landed may still finish: let two refreshes pass, then the count holds.
        await dashboard.WaitRefreshesAsync(2);
        var paused = await ProcessedAsync(dashboard);
        await dashboard.WaitRefreshesAsync(3);
        Assert.Equal(paused, await ProcessedAsync(dashboard));
        Assert.True(paused < RecipientCount, $"paused at {paused}");
        output.WriteLine($"first progress {first}, paused at {paused}");

        await dashboard.ControlAsync("Resume");
        await Expect(dashboard.Fact("status")).ToHaveTextAsync("completed_with_errors", new() { Timeout = 90_000 });
        await Expect(dashboard.Fact("processed")).ToHaveTextAsync(RecipientCount.ToString(CultureInfo.InvariantCulture), Long);
        await Expect(page.GetByTestId("reasons")).ToContainTextAsync("gone: blocked_by_user");
        await Expect(page.GetByTestId("report-rows")).ToContainTextAsync("Blocked Person");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download CSV" }).ClickAsync());
        var path = Path.Combine(DashboardFixture.ScreenshotDirectory, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var lines = (await File.ReadAllLinesAsync(path)).Where(l => l.Length > 0).ToList();
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Equal(2, lines.Count);
        Assert.Contains("9100013", lines[1], StringComparison.Ordinal);
        Assert.Contains("blocked_by_user", lines[1], StringComparison.Ordinal);

        // The accounts page shows the bot's usage in the last 24 hours (this campaign's 79 messages at least).
        await page.GetByRole(AriaRole.Link, new() { Name = "Accounts" }).First.ClickAsync();
        var usage = page.GetByTestId("account-list").Locator("td:nth-child(7)");
        await Expect(usage.First).ToHaveTextAsync(new Regex(@"^\d[\d,\u00a0 ]*( / \d[\d,\u00a0 ]*)? messages"), Long);
        var shown = (await usage.AllTextContentsAsync()).Select(UsedMessages).ToList();
        Assert.True(shown.Max() >= RecipientCount - 1, $"usage shown: {string.Join(", ", shown)}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.ScreenshotDirectory, "Accounts_UsageLast24Hours.png"), FullPage = true });
        Assert.Empty(dashboard.Dialogs);
    }

    private static int UsedMessages(string cell) =>
        int.Parse(new string(cell.TakeWhile(c => c != '/' && !char.IsLetter(c)).Where(char.IsDigit).ToArray()), CultureInfo.InvariantCulture);

    private static async Task<int> ProcessedAsync(DashboardPage dashboard) =>
        int.Parse(await dashboard.Fact("processed").TextContentAsync() ?? "", CultureInfo.InvariantCulture);

    private static byte[] Csv()
    {
        var csv = new StringBuilder("user_id,name\n");
        for (var i = 1; i <= RecipientCount; i++)
        {
            var user = 9_100_000 + i;
            csv.Append(CultureInfo.InvariantCulture, $"{user},{(user == 9_100_013 ? "Blocked Person" : $"Reader {i}")}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
