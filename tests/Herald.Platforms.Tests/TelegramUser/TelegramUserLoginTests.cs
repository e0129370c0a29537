using Herald.Core.Domain;
using Herald.Core.Outcomes;
using Herald.Platforms.Abstractions;
using Herald.Platforms.Tests.Support;
using Herald.Platforms.TelegramUser;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Herald.Platforms.Tests.TelegramUser;

/// <summary>Logging user accounts in through the simulated TDLib, and what a session directory carries.</summary>
public sealed class TelegramUserLoginTests(ITestOutputHelper output)
{
    [Fact(Timeout = 30_000)]
    public async Task Login_CodeThenPassword_ReadyAndTheSessionActs()
    {
        await using var host = await TdTestHost.StartAsync(output);
        var credentials = TelegramUserCredentials.Create(12345, "api-hash", "+10000001004");
        var reference = await host.Secrets.SetAsync("tenant-1", "acc", credentials.Serialize());

        var started = await host.Logins.StartAsync("tenant-1", "acc", credentials);
        var wrongCode = await host.Logins.SubmitCodeAsync("tenant-1", "acc", "00000");
        var code = await host.Logins.SubmitCodeAsync("tenant-1", "acc", "12345");
        var wrongPassword = await host.Logins.SubmitPasswordAsync("tenant-1", "acc", "guess");
        var password = await host.Logins.SubmitPasswordAsync("tenant-1", "acc", "secret-2fa");
        var outcome = await host.Platform.ExecuteAsync(
            new PlatformAccount("tenant-1", "acc", AccountKind.User, reference), TdTestHost.Message(new Recipient(Username: "ann")));

        Assert.Equal(new TelegramUserLoginStep(TelegramUserLoginState.WaitCode), started);
        Assert.Equal(new TelegramUserLoginStep(TelegramUserLoginState.WaitCode, "phone_code_invalid"), wrongCode);
        Assert.Equal(new TelegramUserLoginStep(TelegramUserLoginState.WaitPassword), code);
        Assert.Equal(new TelegramUserLoginStep(TelegramUserLoginState.WaitPassword, "password_hash_invalid"), wrongPassword);
        Assert.Equal(new TelegramUserLoginStep(TelegramUserLoginState.Ready), password);
        Assert.Equal("Done:Messaged", TelegramUserErrorTests.Describe(outcome));
        Assert.Equal([TdTestHost.WithPassword], host.World.Messages.Select(m => m.AccountUserId));
    }

    [Fact(Timeout = 30_000)]
    public async Task Login_UnknownPhone_FailsNamingTheReason()
    {
        await using var host = await TdTestHost.StartAsync(output);

        var step = await host.Logins.StartAsync("tenant-1", "acc", TelegramUserCredentials.Create(12345, "api-hash", "+19999999999"));

        Assert.Equal(new TelegramUserLoginStep(TelegramUserLoginState.Failed, "phone_number_invalid"), step);
    }

    [Fact(Timeout = 30_000)]
    public async Task Execute_NeverLoggedIn_AccountBlockedNotLoggedIn()
    {
        await using var host = await TdTestHost.StartAsync(output);
        var reference = await host.Secrets.SetAsync("tenant-1", "acc", TelegramUserCredentials.Create(12345, "api-hash", "+10000001001").Serialize());

        var outcome = await host.Platform.ExecuteAsync(new PlatformAccount("tenant-1", "acc", AccountKind.User, reference), TdTestHost.Message(new Recipient(Username: "ann")));
        var noSecret = await host.Platform.ExecuteAsync(new PlatformAccount("tenant-1", "other", AccountKind.User, "memory://nothing"), TdTestHost.Message(new Recipient(Username: "ann")));

        Assert.Equal(new ActionOutcome.AccountBlocked(TelegramUserReasons.NotLoggedIn), outcome);
        Assert.Equal(new ActionOutcome.AccountBlocked(TelegramUserReasons.SecretMissing), noSecret);
        Assert.Empty(host.World.Messages);
    }

    [Fact(Timeout = 30_000)]
    public async Task Execute_SessionOpenInTwoWorkers_AuthKeyDuplicatedBlocksBoth()
    {
        await using var host = await TdTestHost.StartAsync(output);
        var account = await host.LoginAsync(TdTestHost.Admin);
        await using var second = host.SecondWorker();

        var first = await host.Platform.ExecuteAsync(account, TdTestHost.Message(new Recipient(Username: "ann")));
        var other = await second.GetRequiredService<TelegramUserPlatform>().ExecuteAsync(account, TdTestHost.Message(new Recipient(Username: "kicked")));
        var again = await host.Platform.ExecuteAsync(account, TdTestHost.Message(new Recipient(Username: "banned")));

        Assert.Equal("Done:Messaged", TelegramUserErrorTests.Describe(first));
        Assert.Equal(new ActionOutcome.AccountBlocked(TelegramUserReasons.NotLoggedIn), other);
        Assert.Equal(new ActionOutcome.AccountBlocked(TelegramUserReasons.AuthKeyDuplicated), again);
        Assert.Equal([TdTestHost.Ann], host.World.Messages.Select(m => m.UserId));
    }
}
