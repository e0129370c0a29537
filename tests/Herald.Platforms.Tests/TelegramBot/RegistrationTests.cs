using Herald.Core.Domain;
using Herald.Platforms.Abstractions;
using Herald.Platforms.Tests.Support;
using Herald.Platforms.TelegramBot;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Herald.Platforms.Tests.TelegramBot;

public sealed class RegistrationTests
{
    private static ServiceProvider Build(Action<TelegramBotOptions>? configure = null) =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton<ISecretStore, InMemorySecretStore>()
            .AddTelegramBotPlatform(configure)
            .AddTelegramBotPlatform()
            .BuildServiceProvider();

    [Fact]
    public void AddTelegramBotPlatform_CalledTwice_RegistersOneAdapterForBots()
    {
        using var services = Build();

        var adapter = Assert.Single(services.GetServices<IPlatformAdapter>());

        Assert.Same(services.GetRequiredService<TelegramBotPlatform>(), adapter);
        Assert.Equal(PlatformKind.Telegram, adapter.Platform);
        Assert.True(adapter.Handles(AccountKind.Bot));
        Assert.False(adapter.Handles(AccountKind.User));
        Assert.Equal("https://api.telegram.org", services.GetRequiredService<IOptions<TelegramBotOptions>>().Value.BaseUrl);
    }

    [Theory]
    [InlineData(nameof(TelegramBotOptions.MessagesPerSecond), 31)]
    [InlineData(nameof(TelegramBotOptions.ChatMessagesPerSecond), 1.5)]
    [InlineData(nameof(TelegramBotOptions.GroupMessagesPerMinute), 21)]
    [InlineData(nameof(TelegramBotOptions.MessagesPerSecond), 0)]
    public void Options_LimitRaisedAboveTelegramsOrZero_FailValidation(string limit, double value)
    {
        using var services = Build(o => typeof(TelegramBotOptions).GetProperty(limit)!.SetValue(o, value));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TelegramBotOptions>>().Value);

        Assert.Contains(limit, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_LimitsLowered_AreAccepted()
    {
        using var services = Build(o =>
        {
            o.MessagesPerSecond = 10;
            o.ChatMessagesPerSecond = 0.5;
            o.GroupMessagesPerMinute = 5;
            o.BaseUrl = "http://127.0.0.1:5081";
        });

        Assert.Equal(10, services.GetRequiredService<IOptions<TelegramBotOptions>>().Value.MessagesPerSecond);
    }

    [Theory]
    [InlineData("ftp://api.telegram.org")]
    [InlineData("http://127.0.0.1:5081/telegram/")]
    public void Options_BaseUrlNotHttpOrWithAPath_FailsValidation(string baseUrl)
    {
        using var services = Build(o => o.BaseUrl = baseUrl);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TelegramBotOptions>>().Value);

        Assert.Contains(nameof(TelegramBotOptions.BaseUrl), error.Message, StringComparison.Ordinal);
    }
}
