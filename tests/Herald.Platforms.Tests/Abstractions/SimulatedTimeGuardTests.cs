using Herald.Core;
using Herald.Core.Limits;
using Herald.Platforms.Abstractions;
using Herald.Platforms.Email;
using Herald.Platforms.TelegramBot;
using Herald.Platforms.TelegramUser;
using Herald.Platforms.WhatsAppCloud;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Herald.Platforms.Tests.Abstractions;

/// <summary>
/// Limits at a time factor above 1 run faster than the platforms allow (R35): a host accepts them only when every
/// registered platform is reached on loopback (a simulator), and names the setting that points elsewhere.
/// </summary>
public sealed class SimulatedTimeGuardTests
{
    private const string Simulator = "http://127.0.0.1:5099";

    [Theory]
    [InlineData("Herald:Platforms:TelegramBot:BaseUrl", "https://api.telegram.org")]
    [InlineData("Herald:Platforms:WhatsAppCloud:BaseUrl", "https://graph.facebook.com")]
    [InlineData("Herald:TelegramUser:SimulatorUrl", "")]
    [InlineData("Herald:Platforms:Email:Providers:gmail:Host", "smtp.gmail.com")]
    public void Start_TimeFactorWithOnePlatformNotOnLoopback_RefusedNamingThatSetting(string setting, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Limits(timeFactor: 100, (setting, value)));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
        Assert.Contains("TimeFactor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_TimeFactorWithEveryPlatformOnLoopback_LimitsScaled()
    {
        var limits = Limits(timeFactor: 100);

        Assert.Equal(100, limits.TimeFactor);
    }

    [Fact]
    public void Start_RealTimeAgainstTheRealPlatforms_Accepted()
    {
        var limits = Limits(timeFactor: 1, ("Herald:Platforms:TelegramBot:BaseUrl", "https://api.telegram.org"), ("Herald:TelegramUser:SimulatorUrl", ""));

        Assert.Equal(1, limits.TimeFactor);
    }

    [Theory]
    [InlineData("http://localhost:8080", true)]
    [InlineData("http://127.0.0.1", true)]
    [InlineData("http://[::1]:5000/bot", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("https://api.telegram.org", false)]
    [InlineData("smtp.example.org", false)]
    [InlineData("http://127.0.0.1.example.org", false)]
    [InlineData("", false)]
    public void Names_Endpoint_TrueOnlyForThisMachine(string endpoint, bool expected) =>
        Assert.Equal(expected, Loopback.Names(endpoint));

    private static PlatformLimitsOptions Limits(double timeFactor, params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Herald:Limits:TimeFactor"] = timeFactor.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Herald:Platforms:TelegramBot:BaseUrl"] = Simulator,
            ["Herald:Platforms:WhatsAppCloud:BaseUrl"] = Simulator,
            ["Herald:TelegramUser:SimulatorUrl"] = Simulator,
            ["Herald:Platforms:Email:Providers:sim:Host"] = "127.0.0.1",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddHeraldCore(configuration);
        services.AddTelegramBotPlatform(o => configuration.GetSection("Herald:" + TelegramBotOptions.SectionName).Bind(o));
        services.AddWhatsAppCloudPlatform(o => configuration.GetSection("Herald:" + WhatsAppCloudOptions.SectionName).Bind(o));
        services.AddEmailPlatform(o => configuration.GetSection("Herald:" + EmailOptions.SectionName).Bind(o));
        services.AddTelegramUserPlatform(o => configuration.GetSection("Herald:" + TelegramUserOptions.SectionName).Bind(o));
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<PlatformLimitsOptions>>().Value;
    }
}
