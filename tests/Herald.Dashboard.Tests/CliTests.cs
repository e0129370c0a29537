using Herald.Dashboard.Tests.Infrastructure;
using Herald.Testing.Processes;

namespace Herald.Dashboard.Tests;

/// <summary><c>herald campaigns watch</c> (the CLI, its own process) against the real host.</summary>
[Collection(DashboardCollection.Name)]
public sealed class CliTests(DashboardFixture fixture, ITestOutputHelper output)
{
    [Fact(Timeout = 90_000)]
    public async Task CampaignsWatch_CampaignEndsWithErrors_FinalLineSaysSoAndExitCodeIsOne()
    {
        fixture.LogTo(output);
        var id = await fixture.CreateCampaignAsync("cli", [(9_600_001, "Ann"), (9_600_002, "Bob"), (9_600_003, "Blocked")]);

        var (exitCode, stdout, stderr) = await ChildProcess.RunAsync(
            RepositoryOutputs.Assembly("Herald.Cli"),
            ["campaigns", "watch", id, "--url", fixture.BaseAddress.ToString(), "--token", fixture.Token, "--interval", "0.5"]);

        output.WriteLine(stdout);
        output.WriteLine(stderr);
        var last = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        Assert.Equal($"{id} completed_with_errors: 3/3 processed, 1 failed, 0 unknown", last);
        Assert.Equal(1, exitCode);
        Assert.Contains("tg-bot-777000111", stdout, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task CampaignsWatch_WithoutCredential_ExitCodeFourAndHowToSignIn()
    {
        var config = Path.Combine(Path.GetTempPath(), "herald-cli-" + Guid.NewGuid().ToString("N"), "login.json");
        Environment.SetEnvironmentVariable("HERALD_CONFIG", config);
        try
        {
            var (exitCode, _, stderr) = await ChildProcess.RunAsync(
                RepositoryOutputs.Assembly("Herald.Cli"), ["campaigns", "watch", "abc", "--url", fixture.BaseAddress.ToString()]);

            Assert.Equal(4, exitCode);
            Assert.Contains("herald login", stderr, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("HERALD_CONFIG", null);
        }
    }
}
