using System.Net;
using Herald.Host.Tests.Infrastructure;

namespace Herald.Host.Tests.Hosting;

/// <summary>The real executable: the token command and the server, as separate processes, in Development.</summary>
public sealed class HostProcessTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact(Timeout = 120_000)]
    public async Task Host_DevelopmentProcess_ServesHealthAndAcceptsTokenFromTokenCommand()
    {
        string[] configuration = ["--environment", "Development", $"--Herald:DataDirectory={_data.Path}"];
        var (exitCode, stdout, stderr) = await HeraldProcess.RunAsync(["token", "--tenant", "demo", .. configuration]);
        output.WriteLine($"token command: exit {exitCode}, stderr: {stderr}");
        Assert.Equal(0, exitCode);
        var token = stdout.Trim();

        await using var host = await HeraldProcess.StartAsync(configuration, output);
        using var client = host.CreateClient();

        var health = await client.GetAsync("/healthz");
        var anonymous = await client.GetAsync("/api/whoami");
        var whoami = await client.GetAsync("/api/whoami", token);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
        Assert.Equal("demo", (await whoami.ReadJsonAsync()).GetProperty("tenantId").GetString());

        var exit = await host.StopAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, exit);
        Assert.Contains("Application is shutting down", host.Output, StringComparison.Ordinal);
        foreach (var part in token.Split('.'))
        {
            Assert.DoesNotContain(part, host.Output, StringComparison.Ordinal);
        }
    }
}
