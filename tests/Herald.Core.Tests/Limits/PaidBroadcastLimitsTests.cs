namespace Herald.Core.Tests.Limits;

/// <summary>A bot's paid broadcast rate (issue 16): its own setting, never above the configured 1,000, and used only when asked.</summary>
public sealed class PaidBroadcastLimitsTests
{
    [Fact(Timeout = 10_000)]
    public Task For_BotWithoutItsOwnPaidRate_HasNoneAndStaysAtThirty() => Bounded.Run(() =>
    {
        var bot = PlatformLimits.Default.For(PlatformKind.Telegram, AccountKind.Bot);

        Assert.Null(bot.PaidRequestsPerSecond);
        Assert.Equal(30, bot.WithPaidBroadcast().RequestsPerSecond);
    });

    [Fact(Timeout = 10_000)]
    public Task For_BotWithAPaidRate_SendsAtItOnlyWithPaidBroadcast() => Bounded.Run(() =>
    {
        var bot = PlatformLimits.Default.For(PlatformKind.Telegram, AccountKind.Bot, new LimitOverrides(PaidRequestsPerSecond: 250));

        Assert.Equal(250, bot.PaidRequestsPerSecond);
        Assert.Equal(30, bot.RequestsPerSecond);
        Assert.Equal(250, bot.WithPaidBroadcast().RequestsPerSecond);
    });

    [Fact(Timeout = 10_000)]
    public Task ValidateOverrides_PaidRateAboveOneThousand_NamesTheLimit() => Bounded.Run(() =>
    {
        var errors = PlatformLimits.Default.ValidateOverrides(PlatformKind.Telegram, AccountKind.Bot, new LimitOverrides(PaidRequestsPerSecond: 1001));

        Assert.Contains(errors, e => e.Contains("PaidRequestsPerSecond is 1001", StringComparison.Ordinal) && e.Contains("1000", StringComparison.Ordinal));
        Assert.Equal(1000, PlatformLimits.Default.For(PlatformKind.Telegram, AccountKind.Bot, new LimitOverrides(PaidRequestsPerSecond: 5000)).PaidRequestsPerSecond);
    });

    [Fact(Timeout = 10_000)]
    public Task ValidateOverrides_PaidRateOnAUserAccount_Refused() => Bounded.Run(() =>
    {
        var errors = PlatformLimits.Default.ValidateOverrides(PlatformKind.Telegram, AccountKind.User, new LimitOverrides(PaidRequestsPerSecond: 100));

        Assert.Contains(errors, e => e.Contains("paid rate", StringComparison.Ordinal));
        Assert.Null(PlatformLimits.Default.For(PlatformKind.Telegram, AccountKind.User, new LimitOverrides(PaidRequestsPerSecond: 100)).PaidRequestsPerSecond);
    });
}
