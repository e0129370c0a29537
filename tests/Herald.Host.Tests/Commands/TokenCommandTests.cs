using System.Net;
using System.Text;
using Herald.Host.Commands;
using Herald.Host.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Herald.Host.Tests.Commands;

public sealed class TokenCommandTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));

    public void Dispose() => _data.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task Run_Development_PrintsOnlyATokenTheDevelopmentHostAccepts()
    {
        var (exitCode, stdout, _) = await RunAsync("--tenant", "demo", "--environment", "Development");

        Assert.Equal(0, exitCode);
        var token = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Trim();
        await using var factory = await HeraldApiFactory.StartAsync(DevelopmentConfiguration, output);
        var response = await factory.CreateClient().GetAsync("/api/whoami", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("demo", (await response.ReadJsonAsync()).GetProperty("tenantId").GetString());
        Assert.True(File.Exists(Path.Combine(_data.Path, "development", "jwt-hmac-secret")));
    }

    [Fact(Timeout = 60_000)]
    public async Task Run_Development_UsesConfiguredIssuerAudienceAndDefaultLifetime()
    {
        var (_, stdout, _) = await RunAsync("--tenant", "demo", "--environment", "Development");

        var token = new JsonWebToken(stdout.Trim());
        Assert.Equal("herald-dev", token.Issuer);
        Assert.Equal(["herald-api"], token.Audiences);
        Assert.Equal("demo", token.Subject);
        Assert.Equal("HS256", token.Alg);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, token.ValidFrom);
        Assert.Equal(TimeSpan.FromHours(8), token.ValidTo - token.ValidFrom);
    }

    [Fact(Timeout = 60_000)]
    public async Task Run_HoursOption_SetsLifetime()
    {
        var (_, stdout, _) = await RunAsync("--tenant", "demo", "--hours", "2", "--environment", "Development");

        var token = new JsonWebToken(stdout.Trim());
        Assert.Equal(TimeSpan.FromHours(2), token.ValidTo - token.ValidFrom);
    }

    [Fact(Timeout = 60_000)]
    public async Task Run_ConfiguredSecret_SignsWithIt()
    {
        var (exitCode, stdout, _) = await RunAsync(
            "--tenant", "acme", "--environment", "Production",
            "--Herald:Auth:Issuer=https://issuer.example", $"--Herald:Auth:HmacSecrets:0={TestKeys.HmacSecret}");

        Assert.Equal(0, exitCode);
        var result = new JsonWebTokenHandler().ValidateToken(stdout.Trim(), new TokenValidationParameters
        {
            ValidIssuer = "https://issuer.example",
            ValidAudience = "herald-api",
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TestKeys.HmacSecret)),
            ValidateLifetime = false,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Theory(Timeout = 60_000)]
    [InlineData]
    [InlineData("--tenant")]
    [InlineData("--tenant", "a/b")]
    [InlineData("--tenant", "demo", "--hours", "-1")]
    public async Task Run_BadArguments_Returns2WithUsage(params string[] args)
    {
        var (exitCode, stdout, stderr) = await RunAsync([.. args, "--environment", "Development"]);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("usage: token --tenant <id>", stderr, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Run_ProductionWithoutSecret_Returns1Explaining()
    {
        var (exitCode, stdout, stderr) = await RunAsync("--tenant", "demo", "--environment", "Production", "--Herald:Auth:Issuer=i", "--Herald:Auth:JwksUrl=https://keys.example/jwks.json");

        Assert.Equal(1, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("No HS256 secret is configured", stderr, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Run_InvalidConfiguration_Returns1NamingTheSetting()
    {
        var (exitCode, _, stderr) = await RunAsync("--tenant", "demo", "--environment", "Production");

        Assert.Equal(1, exitCode);
        Assert.Contains("Herald:Auth:Issuer is required", stderr, StringComparison.Ordinal);
    }

    private void DevelopmentConfiguration(HeraldApiFactory factory)
    {
        factory.EnvironmentName = "Development";
        foreach (var key in factory.Settings.Keys.Where(k => k.StartsWith("Herald:Auth:", StringComparison.Ordinal)).ToList())
        {
            factory.Settings.Remove(key);
        }

        factory.Settings["Herald:DataDirectory"] = _data.Path;

        // Only the token matters here: no Azurite, no simulator.
        factory.Settings["Herald:Development:StartAzurite"] = "false";
        factory.Settings["Herald:Development:StartSimulator"] = "false";
    }

    // Each run builds a host's configuration; run it off the test thread so the test's timeout applies.
    private Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args) => Task.Run(() => Run(args));

    private (int ExitCode, string Stdout, string Stderr) Run(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string[] all = [.. args, "--contentRoot", AppContext.BaseDirectory, "--Herald:DataDirectory", _data.Path];

        var exitCode = TokenCommand.Run(all, stdout, stderr, _clock);

        output.WriteLine($"exit {exitCode}\nstdout: {stdout}\nstderr: {stderr}");
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
