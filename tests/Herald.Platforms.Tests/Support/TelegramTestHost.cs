using Herald.Core.Domain;
using Herald.Platforms.Abstractions;
using Herald.Platforms.TelegramBot;
using Herald.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;
using Xunit.Abstractions;

namespace Herald.Platforms.Tests.Support;

/// <summary>
/// A simulator on a free loopback port and the Telegram bot platform wired to it through
/// <c>AddTelegramBotPlatform</c>, sharing one manual clock (or both on the system clock).
/// </summary>
internal sealed class TelegramTestHost : IAsyncDisposable
{
    public const string Token = "4242:AAE-secret_part_of_the_token";
    public const long BotId = 4242;

    private TelegramTestHost(RunningSimulator simulator, ServiceProvider services, TrackingTimeProvider? time, LogCapture logs)
    {
        Simulator = simulator;
        Services = services;
        Time = time;
        Logs = logs;
    }

    public RunningSimulator Simulator { get; }

    public SimulatorState Sim => Simulator.State;

    public ServiceProvider Services { get; }

    /// <summary>The shared manual clock, or null when both sides run on the system clock.</summary>
    public TrackingTimeProvider? Time { get; }

    public FakeTimeProvider Clock => Time?.Clock ?? throw new InvalidOperationException("This host runs on the system clock.");

    public LogCapture Logs { get; }

    public TelegramBotPlatform Platform => Services.GetRequiredService<TelegramBotPlatform>();

    /// <summary>The test bot's token.</summary>
    public static TelegramBotToken BotToken { get; } = TelegramBotToken.Parse(Token);

    public TelegramBotApi Api => Services.GetRequiredService<TelegramBotApi>();

    public TelegramBotMessenger Messenger => Services.GetRequiredService<TelegramBotMessenger>();

    public InMemorySecretStore Secrets => (InMemorySecretStore)Services.GetRequiredService<ISecretStore>();

    public static async Task<TelegramTestHost> StartAsync(
        ITestOutputHelper output,
        SimulatorOptions? simulator = null,
        Action<TelegramBotOptions>? configure = null,
        bool manualClock = true,
        string? baseUrl = null)
    {
        var time = manualClock ? new TrackingTimeProvider(new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero))) : null;
        var logs = new LogCapture(output);
        var sim = await SimulatorHost.StartAsync(simulator, timeProvider: time?.Clock ?? TimeProvider.System);
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddSingleton<ISecretStore, InMemorySecretStore>()
            .AddSingleton<TimeProvider>(time ?? TimeProvider.System)
            .AddTelegramBotPlatform(o =>
            {
                o.BaseUrl = baseUrl ?? sim.BaseUri.ToString();
                configure?.Invoke(o);
            })
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new TelegramTestHost(sim, services, time, logs);
    }

    /// <summary>A bot account whose token is in the secret store.</summary>
    public async Task<PlatformAccount> BotAsync(string token = Token, string name = "bot")
    {
        var reference = await Secrets.SetAsync("tenant-1", name, token);
        return new PlatformAccount("tenant-1", "account-" + name, AccountKind.Bot, reference);
    }

    public static PlatformAction Message(long userId, string text, IReadOnlyList<IReadOnlyList<InlineButton>>? keyboard = null) =>
        new(ActionKind.BotMessage, new Recipient(UserId: userId), text, null, $"key-{userId}-{text}", keyboard);

    public static PlatformAction Invite(long userId, string target, string? text = "Join us: {invite_link}") =>
        new(ActionKind.Invite, new Recipient(UserId: userId), text, target, $"invite-{userId}");

    /// <summary>A send that bypasses Herald's limiter, as another sender of the same bot would.</summary>
    public Task<TelegramResult<Message>> SendDirectAsync(long chat, string text) =>
        Api.SendAsync(BotToken, new SendMessageRequest { ChatId = chat, Text = text });

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
