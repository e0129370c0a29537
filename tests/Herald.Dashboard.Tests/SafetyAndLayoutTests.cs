using Herald.Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Herald.Dashboard.Tests;

/// <summary>Script injection through names and message texts, the Content-Security-Policy, and a phone-width screen.</summary>
[Collection(DashboardCollection.Name)]
public sealed class SafetyAndLayoutTests(DashboardFixture fixture, ITestOutputHelper output)
{
    private const string ImagePayload = "<img src=x onerror=alert('img')>";
    private const string ScriptPayload = "<script>alert('script')</script>";

    [Fact(Timeout = 120_000)]
    public async Task Dashboard_ScriptPayloadsInNameMessageAndRecipientNames_ShownAsTextNoDialogFires()
    {
        fixture.LogTo(output);
        await using var dashboard = await DashboardPage.OpenAsync(fixture, nameof(Dashboard_ScriptPayloadsInNameMessageAndRecipientNames_ShownAsTextNoDialogFires));
        var page = dashboard.Page;
        var response = await page.GotoAsync("/");
        var csp = await response!.HeaderValueAsync("content-security-policy");
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        await dashboard.SignInAsync();

        // A name and a message with markup: the API refuses them, and the dashboard shows its answer as text.
        await page.GetByRole(AriaRole.Link, new() { Name = "New campaign" }).First.ClickAsync();
        await page.GetByLabel("Name").FillAsync(ScriptPayload);
        await page.GetByLabel("Recipient list").SetInputFilesAsync(new FilePayload
        {
            Name = "payload.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes($"user_id,name\n9200001,\"{ImagePayload}\"\n9200002,{ScriptPayload}\n9200003,Plain\n"),
        });
        await page.GetByLabel("Message").FillAsync(ImagePayload);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create campaign" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("name: Must be plain text");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("message: Must be plain text");

        // Recipient names are data the API keeps: the failed ones show in the report preview, as text.
        await page.GetByLabel("Name").FillAsync("Payload names");
        await page.GetByLabel("Message").FillAsync("Hello {{name}}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create campaign" }).ClickAsync();
        await Expect(dashboard.Fact("status")).ToHaveTextAsync("completed_with_errors", new() { Timeout = 60_000 });
        var rows = page.GetByTestId("report-rows");
        await Expect(rows).ToContainTextAsync(ImagePayload);
        await Expect(rows).ToContainTextAsync(ScriptPayload);

        Assert.Equal(0, await page.Locator("#main img").CountAsync());
        Assert.Equal(0, await page.Locator("#main script").CountAsync());
        Assert.Empty(dashboard.Dialogs);
    }

    [Fact(Timeout = 90_000)]
    public async Task CampaignPage_PhoneWidth390_NoHorizontalScrolling()
    {
        fixture.LogTo(output);
        var id = await fixture.CreateCampaignAsync(
            "A campaign with a rather long name that has to wrap on a phone screen without scrolling sideways",
            [(9_300_001, "Ann"), (9_300_002, "Bob"), (9_300_003, "Blocked Carol")]);
        await using var dashboard = await DashboardPage.OpenAsync(fixture, nameof(CampaignPage_PhoneWidth390_NoHorizontalScrolling), width: 390, height: 844);
        var page = dashboard.Page;
        await dashboard.SignInAsync();
        Assert.True(await FitsAsync(page), "the campaign list scrolls sideways");

        await page.GotoAsync($"/#/campaigns/{id}");
        await Expect(dashboard.Fact("status")).ToHaveTextAsync("completed_with_errors", new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("report-rows")).ToContainTextAsync("Blocked Carol");
        await Expect(page.GetByTestId("accounts")).ToBeVisibleAsync();
        Assert.True(await FitsAsync(page), "the campaign page scrolls sideways");
    }

    private static Task<bool> FitsAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth && document.body.scrollWidth <= window.innerWidth");
}
