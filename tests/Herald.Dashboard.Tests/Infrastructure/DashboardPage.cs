using Microsoft.Playwright;

namespace Herald.Dashboard.Tests.Infrastructure;

/// <summary>
/// One browser context and page on the dashboard, as a person uses it; records every JavaScript dialog (alert, confirm,
/// prompt) so a test can prove none fired, and saves a screenshot when disposed.
/// </summary>
public sealed class DashboardPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly string _screenshot;

    private DashboardPage(IBrowserContext context, IPage page, string screenshot)
    {
        _context = context;
        _screenshot = screenshot;
        Page = page;
        page.Dialog += (_, dialog) =>
        {
            lock (Dialogs)
            {
                Dialogs.Add($"{dialog.Type}: {dialog.Message}");
            }

            _ = dialog.DismissAsync();
        };
    }

    public IPage Page { get; }

    /// <summary>Every JavaScript dialog the page opened.</summary>
    public List<string> Dialogs { get; } = [];

    /// <summary>A fresh context (its own sessionStorage) at <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static async Task<DashboardPage> OpenAsync(DashboardFixture fixture, string testName, int width = 1280, int height = 900)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        return new DashboardPage(context, page, Path.Combine(DashboardFixture.ScreenshotDirectory, testName + ".png"));
    }

    /// <summary>Opens the dashboard and signs in with the development button.</summary>
    public async Task SignInAsync()
    {
        await Page.GotoAsync("/");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Development sign-in" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Campaigns" })).ToBeVisibleAsync();
    }

    /// <summary>The campaign page's value of a fact (data-testid).</summary>
    public ILocator Fact(string testId) => Page.GetByTestId(testId);

    /// <summary>How many times the campaign page has refreshed.</summary>
    public async Task<int> RefreshesAsync() => int.Parse((await Fact("updated").GetAttributeAsync("data-refreshes"))!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Waits until the campaign page has refreshed <paramref name="count"/> more times.</summary>
    public async Task WaitRefreshesAsync(int count)
    {
        var target = await RefreshesAsync() + count;
        await Page.WaitForFunctionAsync(
            "n => Number(document.querySelector('[data-testid=updated]')?.dataset.refreshes ?? 0) >= n", target);
    }

    /// <summary>Clicks a campaign control and confirms it in the page's dialog.</summary>
    public async Task ControlAsync(string label)
    {
        await Page.Locator("#main").GetByRole(AriaRole.Button, new() { Name = label, Exact = true }).ClickAsync();
        await Page.Locator("#confirm").GetByRole(AriaRole.Button, new() { Name = label, Exact = true }).ClickAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = _screenshot, FullPage = true });
        await _context.DisposeAsync();
    }
}
