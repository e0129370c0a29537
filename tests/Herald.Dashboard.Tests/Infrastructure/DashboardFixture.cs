using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Herald.Testing.Processes;
using Microsoft.Playwright;

namespace Herald.Dashboard.Tests.Infrastructure;

/// <summary>
/// One real host in Development (<c>dotnet Herald.Host.dll --environment Development</c>: its own Azurite and the
/// in-process Telegram Bot API simulator, a development token behind the dashboard's one-click sign-in; JSON console
/// logs with scopes) with one bot
/// slowed to <see cref="BotRequestsPerSecond"/> so progress is visible, and one headless Chromium (Debian's) for all
/// tests. Recipients <see cref="BlockedUsers"/> blocked the bot, so campaigns to them end with errors and a report.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    /// <summary>Sends per second of the tenant's bot.</summary>
    public const int BotRequestsPerSecond = 4;

    /// <summary>
    /// User ids the simulator answers "bot was blocked by the user" for; each test uses its own, since a blocked recipient
    /// goes onto the tenant's suppression list and is skipped by later campaigns.
    /// </summary>
    public static readonly long[] BlockedUsers = [9_100_013, 9_200_001, 9_200_002, 9_300_003, 9_600_003];

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "herald-dashboard-" + Guid.NewGuid().ToString("N"));
    private ChildProcess? _host;
    private IPlaywright? _playwright;

    /// <summary>The host's address.</summary>
    public Uri BaseAddress => _host!.BaseAddress;

    /// <summary>The shared browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>A development token for the tenant <c>demo</c>.</summary>
    public string Token { get; private set; } = "";

    /// <summary>The API as the development tenant (<c>demo</c>).</summary>
    public HttpClient Api { get; private set; } = null!;

    /// <summary>Where each test saves its screenshot: <c>screenshots/</c> in the test output.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        Directory.CreateDirectory(ScreenshotDirectory);
        string[] args =
        [
            "--environment", "Development",
            $"--Herald:DataDirectory={_dataDirectory}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
            "--Logging:LogLevel:Herald=Information",
            "--Logging:Console:FormatterName=json",
            "--Logging:Console:FormatterOptions:IncludeScopes=true",
            "--Herald:Engine:IdlePoll=00:00:01",
            "--Herald:Metrics:GaugeRefresh=00:00:00",
            .. BlockedUsers.Select((u, i) => $"--Herald:Development:Simulator:BlockedUsers:{i}={u}"),
        ];
        _host = await ChildProcess.StartAsync("host", RepositoryOutputs.HostAssembly, args, log: null, TimeSpan.FromSeconds(90));
        Api = new HttpClient { BaseAddress = _host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await WaitReadyAsync();
        Token = await DevelopmentTokenAsync();
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        await RegisterBotAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>Everything the host wrote so far (JSON console lines).</summary>
    public string HostOutput => _host!.Output;

    /// <summary>Sends the host's output to the running test's log.</summary>
    public void LogTo(ITestOutputHelper output) => _host!.Log = output;

    /// <summary>Creates a bot campaign through the API from inline recipients (user id, name); returns its id.</summary>
    public async Task<string> CreateCampaignAsync(string name, IEnumerable<(long UserId, string Name)> recipients)
    {
        var body = JsonSerializer.Serialize(new
        {
            name,
            actions = new[] { "botMessage" },
            message = "Hello {{name}}",
            recipients = recipients.Select(r => new { userId = r.UserId, name = r.Name }),
        });
        using var response = await Api.PostAsync("/api/campaigns", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Polls the campaign's status until <paramref name="until"/> holds (the test's timeout bounds the wait).</summary>
    public async Task<JsonElement> WaitForCampaignAsync(string id, Func<JsonElement, bool> until)
    {
        while (true)
        {
            var status = await Api.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}");
            if (until(status))
            {
                return status;
            }

            await Task.Delay(250);
        }
    }

    /// <summary>True once a campaign has ended.</summary>
    public static bool Ended(JsonElement status) => status.GetProperty("status").GetString() is "completed" or "completed_with_errors" or "cancelled";

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Api?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private async Task WaitReadyAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (!(await Api.GetAsync("/readyz", deadline.Token)).IsSuccessStatusCode)
        {
            await Task.Delay(200, deadline.Token);
        }
    }

    private async Task<string> DevelopmentTokenAsync()
    {
        using var response = await Api.PostAsync("/dashboard/dev-sign-in", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    private async Task RegisterBotAsync()
    {
        using var registered = await Api.PostAsJsonAsync("/api/accounts/telegram-bots", new { token = "777000111:AAdashboard-test-token_0000000000000" });
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        var id = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("account").GetProperty("accountId").GetString();
        using var limited = await Api.PutAsJsonAsync($"/api/accounts/{id}/limits", new { requestsPerSecond = BotRequestsPerSecond });
        Assert.True(limited.IsSuccessStatusCode, await limited.Content.ReadAsStringAsync());
    }
}
