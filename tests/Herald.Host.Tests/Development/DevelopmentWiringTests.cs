using System.Net;
using Herald.Host.Development;
using Herald.Host.Tests.Infrastructure;
using Herald.Platforms.TelegramBot;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Herald.Host.Tests.Development;

public sealed class DevelopmentWiringTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("Development", null, false, true)]
    [InlineData("Development", null, true, false)]
    [InlineData("Development", "true", true, true)]
    [InlineData("Development", "false", false, false)]
    [InlineData("Production", "true", false, false)]
    [InlineData("Testing", null, false, false)]
    public void StartsAzurite_FollowsEnvironmentSettingAndConfiguredStorage(string environment, string? startAzurite, bool storageConfigured, bool expected)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Herald:Development:StartAzurite"] = startAzurite,
            ["ConnectionStrings:Storage"] = storageConfigured ? "UseDevelopmentStorage=true" : null,
        });

        Assert.Equal(expected, DevelopmentExtensions.StartsAzurite(builder));
    }

    [Fact(Timeout = 60_000)]
    public async Task Simulator_InDevelopment_IsTheTelegramBaseUrlAndAnswersGetMe()
    {
        Uri baseUri;
        await using (var factory = await HeraldApiFactory.StartAsync(Development(startSimulator: true), output))
        {
            var simulator = factory.Services.GetRequiredService<DevelopmentSimulator>();
            baseUri = simulator.BaseUri;
            var telegram = factory.Services.GetRequiredService<IOptions<TelegramBotOptions>>().Value;

            Assert.Equal(baseUri.ToString(), telegram.BaseUrl);
            Assert.Equal(IPAddress.Loopback.ToString(), baseUri.Host);
            using var http = new HttpClient { BaseAddress = baseUri };
            var me = await http.GetAsync("/bot123456:ABCdefGhIJKlmnoPQRstuVWXyz0123456789/getMe");
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            Assert.True((await me.ReadJsonAsync()).GetProperty("ok").GetBoolean());
        }

        // Stopped with the host. (Its freed port may already serve another test's listener in a parallel run, so the
        // check is that the simulator no longer answers there, not that nothing listens.)
        Assert.False(await SimulatorAnswersAsync(baseUri));
    }

    private static async Task<bool> SimulatorAnswersAsync(Uri baseUri)
    {
        using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            var me = await http.GetAsync("/bot123456:ABCdefGhIJKlmnoPQRstuVWXyz0123456789/getMe");
            return me.IsSuccessStatusCode && (await me.Content.ReadAsStringAsync()).Contains("\"ok\":true", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task Simulator_NotAskedFor_TelegramKeepsItsBaseUrl()
    {
        await using var factory = await HeraldApiFactory.StartAsync(Development(startSimulator: false), output);

        Assert.Null(factory.Services.GetService<DevelopmentSimulator>());
        Assert.Equal("https://api.telegram.org", factory.Services.GetRequiredService<IOptions<TelegramBotOptions>>().Value.BaseUrl);
    }

    private static Action<HeraldApiFactory> Development(bool startSimulator) => factory =>
    {
        factory.EnvironmentName = "Development";
        factory.Settings["Herald:Development:StartAzurite"] = "false";
        factory.Settings["Herald:Development:StartSimulator"] = startSimulator ? "true" : "false";
    };
}
