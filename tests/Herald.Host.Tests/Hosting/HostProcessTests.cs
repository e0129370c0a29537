using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Herald.Host.Tests.Infrastructure;

namespace Herald.Host.Tests.Hosting;

/// <summary>
/// The real executable in Development, as a user runs it: the token command, then the server with the Azurite and the
/// simulator it starts itself, stopped with SIGTERM.
/// </summary>
public sealed partial class HostProcessTests(ITestOutputHelper output) : IDisposable
{
    private const string BotToken = "123456789:AAH-demo-token-0000000000000000000";

    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact(Timeout = 120_000)]
    public async Task Host_DevelopmentProcess_StartsAzuriteAndSimulatorServesAndStopsThemOnSigterm()
    {
        string[] configuration = ["--environment", "Development", $"--Herald:DataDirectory={_data.Path}"];
        var (exitCode, stdout, stderr) = await HeraldProcess.RunAsync(["token", "--tenant", "demo", .. configuration]);
        output.WriteLine($"token command: exit {exitCode}, stderr: {stderr}");
        Assert.Equal(0, exitCode);
        var token = stdout.Trim();

        await using var host = await HeraldProcess.StartAsync(configuration, output);
        using var client = host.CreateClient();

        var health = await client.GetAsync("/healthz");
        var ready = await client.GetAsync("/readyz");
        var anonymous = await client.GetAsync("/api/whoami");
        var whoami = await client.GetAsync("/api/whoami", token);
        var audit = await client.GetAsync("/api/audit", token);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("storage", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
        Assert.Equal("demo", (await whoami.ReadJsonAsync()).GetProperty("tenantId").GetString());
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        await RunReadmeCampaignAsync(client, token);

        var azurite = AzuriteStarted().Match(host.Output);
        var simulator = SimulatorListening().Match(host.Output);
        Assert.True(azurite.Success, "The host did not log Azurite's start.");
        Assert.True(simulator.Success, "The host did not log the simulator's address.");
        var azuritePid = int.Parse(azurite.Groups["pid"].Value, CultureInfo.InvariantCulture);
        var tablePort = int.Parse(azurite.Groups["table"].Value, CultureInfo.InvariantCulture);
        var simulatorUri = new Uri(simulator.Groups["uri"].Value);
        using (var bot = new HttpClient { BaseAddress = simulatorUri })
        {
            var me = await bot.GetAsync("/bot123456:ABCdefGhIJKlmnoPQRstuVWXyz0123456789/getMe");
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            Assert.Equal(123456, (await me.ReadJsonAsync()).GetProperty("result").GetProperty("id").GetInt64());
        }

        var exit = await host.StopAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, exit);
        Assert.Contains("Application is shutting down", host.Output, StringComparison.Ordinal);
        Assert.False(IsRunning(azuritePid), $"Azurite (pid {azuritePid}) still runs after the host stopped.");
        await AssertRefusesAsync(tablePort);
        await AssertRefusesAsync(simulatorUri.Port);
        foreach (var part in token.Split('.'))
        {
            Assert.DoesNotContain(part, host.Output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(BotToken, host.Output, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task Host_WorkerCommand_RunsWorkersWithHealthOnlyAndNoApi()
    {
        string[] configuration = ["worker", "--environment", "Development", $"--Herald:DataDirectory={_data.Path}"];
        var (_, stdout, _) = await HeraldProcess.RunAsync(["token", "--tenant", "demo", .. configuration[1..]]);
        var token = stdout.Trim();

        await using var worker = await HeraldProcess.StartAsync(configuration, output);
        using var client = worker.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/whoami", token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/campaigns", token)).StatusCode);
        Assert.Equal(0, await worker.StopAsync(TimeSpan.FromSeconds(30)));

        // The campaign orchestrations ran in it too, and their sidecar ended its streams with the host.
        Assert.Matches(@"Durable Task sidecar for task hub herald listening on loopback port \d+", worker.Output);
        Assert.Contains("Durable Task sidecar for task hub herald stopped", worker.Output, StringComparison.Ordinal);
    }

    // The README's API walk-through: a bot against the simulator, a campaign to completion, its report.
    private static async Task RunReadmeCampaignAsync(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var bot = await client.RegisterBotAsync(BotToken);
        Assert.Equal("tg-bot-123456789", bot);
        var created = await client.CreateCampaignAsync("""
            {"name":"Hello","actions":["botMessage"],"message":"Hi {{name}}!",
             "recipients":[{"userId":1001,"name":"Ann"},{"userId":1002,"name":"Bob"},{"username":"carol_c"}]}
            """);
        var id = created.Str("id");
        var dropped = Assert.Single(created.GetProperty("recipients").GetProperty("droppedRows").EnumerateArray());
        Assert.Equal((3, "unreachable_by_bot"), (dropped.GetProperty("row").GetInt32(), dropped.Str("reason")));
        var status = await client.WaitForCampaignAsync(id, s => s.Str("status") == "completed", TimeSpan.FromSeconds(60));
        Assert.Equal(2, status.GetProperty("counts").GetProperty("messaged").GetInt64());
        var csv = await (await client.GetAsync($"/api/campaigns/{id}/report.csv")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("carol_c", csv, StringComparison.Ordinal);
        await (await client.PostAsync($"/api/campaigns/{id}/pause", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        client.DefaultRequestHeaders.Authorization = null;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task AssertRefusesAsync(int port)
    {
        using var probe = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => probe.ConnectAsync(IPAddress.Loopback, port));
    }

    [GeneratedRegex(@"Azurite listening: blob \d+, queue \d+, table (?<table>\d+) \(pid (?<pid>\d+)")]
    private static partial Regex AzuriteStarted();

    [GeneratedRegex(@"simulator listening on (?<uri>http://127\.0\.0\.1:\d+/)")]
    private static partial Regex SimulatorListening();
}
