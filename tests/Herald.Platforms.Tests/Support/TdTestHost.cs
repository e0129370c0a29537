using Herald.Core.Domain;
using Herald.Platforms.Abstractions;
using Herald.Platforms.TelegramUser;
using Herald.Platforms.TelegramUser.Sessions;
using Herald.Simulator;
using Herald.Simulator.TdLib;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Herald.Platforms.Tests.Support;

/// <summary>
/// The simulated TDLib on a free loopback port (on a manual clock) and the TDLib user-account platform wired to it
/// through <c>AddTelegramUserPlatform</c>, sessions in a temporary directory.
/// </summary>
internal sealed class TdTestHost : IAsyncDisposable
{
    public const long ChatId = -1001000000001;
    public const long Admin = 1001;
    public const long AdminWithoutInvite = 1002;
    public const long NotAdmin = 1003;
    public const long WithPassword = 1004;
    public const long Ann = 2001;
    public const long PrivateInvites = 2002;
    public const long PrivateMessages = 2003;
    public const long Gone = 2004;
    public const long TooManyChannels = 2005;
    public const long Kicked = 2006;
    public const long Banned = 2007;
    public const long BlocksStrangers = 2008;
    public const long ByPhone = 2009;

    private readonly string _directory;
    private ITdSessionStore? _store;
    private TdScenario _scenario = Scenario();

    private TdTestHost(RunningSimulator simulator, string directory, ServiceProvider services, LogCapture logs, FakeTimeProvider clock)
    {
        Clock = clock;
        Simulator = simulator;
        _directory = directory;
        Services = services;
        Logs = logs;
    }

    public RunningSimulator Simulator { get; }

    public TdWorld World => Simulator.TdLib;

    public ServiceProvider Services { get; }

    public LogCapture Logs { get; }

    /// <summary>The simulator's clock (flood windows, daily budgets).</summary>
    public FakeTimeProvider Clock { get; }

    public TelegramUserPlatform Platform => Services.GetRequiredService<TelegramUserPlatform>();

    public TelegramUserLogins Logins => Services.GetRequiredService<TelegramUserLogins>();

    public InMemorySecretStore Secrets => (InMemorySecretStore)Services.GetRequiredService<ISecretStore>();

    public string SessionDirectory => Path.Combine(_directory, "sessions");

    public static TdScenario Scenario() => new()
    {
        Accounts =
        [
            new() { UserId = Admin, Phone = "+10000001001", Username = "herald_admin" },
            new() { UserId = AdminWithoutInvite, Phone = "+10000001002" },
            new() { UserId = NotAdmin, Phone = "+10000001003" },
            new() { UserId = WithPassword, Phone = "+10000001004", Password = "secret-2fa" },
        ],
        Users =
        [
            new() { Id = Ann, Username = "ann", FirstName = "Ann" },
            new() { Id = PrivateInvites, Username = "private_invites", RestrictsInvites = true },
            new() { Id = PrivateMessages, Username = "private_messages", RestrictsMessages = true },
            new() { Id = Gone, Username = "gone", Deactivated = true },
            new() { Id = TooManyChannels, Username = "too_many", ChannelsTooMuch = true },
            new() { Id = Kicked, Username = "kicked" },
            new() { Id = Banned, Username = "banned" },
            new() { Id = BlocksStrangers, Username = "blocks", BlocksStrangers = true },
            new() { Id = ByPhone, Phone = "+4915100002009" },
        ],
        Chats =
        [
            new()
            {
                Id = ChatId,
                Username = "herald_group",
                Admins = [new() { UserId = Admin }, new() { UserId = AdminWithoutInvite, CanInviteUsers = false }],
                Members = [Admin, AdminWithoutInvite],
                Kicked = [Kicked],
                Banned = [Banned],
            },
        ],
    };

    public static async Task<TdTestHost> StartAsync(ITestOutputHelper output, TdScenario? scenario = null, ITdSessionStore? store = null)
    {
        var logs = new LogCapture(output);
        var directory = Directory.CreateTempSubdirectory("herald-td-").FullName;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var sim = await SimulatorHost.StartAsync(timeProvider: clock);
        scenario ??= Scenario();
        sim.TdLib.Load(scenario);
        var services = Build(sim.BaseUri, Path.Combine(directory, "sessions"), logs, new InMemorySecretStore(), store);
        return new TdTestHost(sim, directory, services, logs, clock) { _store = store, _scenario = scenario };
    }

    /// <summary>
    /// Another worker: its own clients, the same secrets and session store as the first, and the same session directory
    /// (one machine) or <paramref name="ownDirectory"/> its own (another machine).
    /// </summary>
    public ServiceProvider SecondWorker(bool ownDirectory = false, TimeProvider? clock = null) =>
        Build(Simulator.BaseUri, ownDirectory ? Path.Combine(_directory, "sessions-2") : SessionDirectory, Logs, Secrets, _store, clock);

    /// <summary>A worker on another machine: its own session directory <paramref name="name"/>, the same secrets and store.</summary>
    public ServiceProvider Worker(string name, TimeProvider? clock = null) =>
        Build(Simulator.BaseUri, Path.Combine(_directory, name), Logs, Secrets, _store, clock);

    /// <summary>Logs <paramref name="userId"/>'s account in (code 12345) and returns it as Herald passes it to the adapter.</summary>
    public async Task<PlatformAccount> LoginAsync(long userId, string? proxy = null)
    {
        var phone = _scenario.Accounts.Single(a => a.UserId == userId).Phone;
        var account = "tg-user-" + userId;
        var reference = await Secrets.GetAsync($"memory://tenant-1/{account}") is null
            ? await Secrets.SetAsync("tenant-1", account, TelegramUserCredentials.Create(12345, "api-hash", phone).Serialize())
            : $"memory://tenant-1/{account}";
        var step = await Logins.StartAsync("tenant-1", account, TelegramUserCredentials.Parse(await Secrets.GetAsync(reference))!);
        if (step.State != TelegramUserLoginState.Ready)
        {
            Assert.Equal(TelegramUserLoginState.WaitCode, step.State);
            step = await Logins.SubmitCodeAsync("tenant-1", account, "12345");
        }

        Assert.Equal(TelegramUserLoginState.Ready, step.State);
        return new PlatformAccount("tenant-1", account, AccountKind.User, reference, proxy);
    }

    public static PlatformAction Invite(Recipient recipient, string chat = "-1001000000001") =>
        new(ActionKind.Invite, recipient, null, chat, "invite-" + recipient.Key);

    public static PlatformAction Message(Recipient recipient, string text = "Hello from Herald") =>
        new(ActionKind.PersonalMessage, recipient, text, null, "dm-" + recipient.Key);

    public static PlatformAction AddContact(Recipient recipient) =>
        new(ActionKind.AddContact, recipient, null, null, "contact-" + recipient.Key);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Simulator.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static ServiceProvider Build(Uri simulator, string sessions, LogCapture logs, InMemorySecretStore secrets, ITdSessionStore? store, TimeProvider? workerClock = null)
    {
        var services = new ServiceCollection();
        if (workerClock is not null)
        {
            services.AddSingleton(workerClock);
        }

        if (store is not null)
        {
            services.AddSingleton(store);
        }

        return services
            .AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug))
            .AddSingleton<ISecretStore>(secrets)
            .AddTelegramUserPlatform(o =>
            {
                o.SimulatorUrl = simulator.ToString();
                o.SessionDirectory = sessions;
                o.RequestTimeout = TimeSpan.FromSeconds(10);
                o.SendConfirmTimeout = TimeSpan.FromSeconds(10);
            })
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
