using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Herald.Core.Tests.Limits;

public sealed class PlatformLimitsTests
{
    [Fact(Timeout = 10_000)]
    public Task Validate_Defaults_NoErrors() => Bounded.Run(() =>
        Assert.Empty(new PlatformLimitsOptions().Validate()));

    [Fact(Timeout = 10_000)]
    public Task Defaults_TelegramUser_MatchR16() => Bounded.Run(() =>
    {
        var limits = PlatformLimits.Default.For(PlatformKind.Telegram, AccountKind.User);
        Assert.Equal(50, limits.InvitesPerDay);
        Assert.Equal(40, limits.MessagesPerDay);
        Assert.Equal(10, limits.MessagesWithLinksPerDay);
        Assert.Equal(20, limits.ForwardsPerDay);
        Assert.Equal(TimeSpan.FromSeconds(10), limits.MinPause);
        Assert.Equal(TimeSpan.FromSeconds(15), limits.MaxPause);
        Assert.Equal(30, limits.RequestsPerSecond);
        var bot = PlatformLimits.Default.For(PlatformKind.Telegram, AccountKind.Bot);
        Assert.Equal(30, bot.RequestsPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(1), bot.PerChatInterval);
        Assert.Equal(20, bot.PerGroupPerMinute);
        Assert.Null(bot.MessagesPerDay);
        var instagram = PlatformLimits.Default.For(PlatformKind.Instagram, AccountKind.User);
        Assert.Equal(1000, instagram.MaxMessageLength);
        Assert.Equal(TimeSpan.FromMinutes(8), instagram.MinPause);
        var cloud = PlatformLimits.Default.For(PlatformKind.WhatsApp, AccountKind.Bot);
        Assert.Equal(80, cloud.RequestsPerSecond);
        Assert.Equal(250, cloud.MessagesPerDay);
        Assert.Equal(50, PlatformLimits.Default.For(PlatformKind.WhatsApp, AccountKind.User).MessagesPerDay);
    });

    [Fact(Timeout = 10_000)]
    public Task Validate_CapAboveDocumented_NamesKeyAndLimit() => Bounded.Run(() =>
    {
        var options = new PlatformLimitsOptions();
        options.Telegram.User!.InvitesPerDay = 80;
        var error = Assert.Single(options.Validate());
        Assert.Contains("Herald:Limits:Telegram:User:InvitesPerDay is 80", error, StringComparison.Ordinal);
        Assert.Contains("50", error, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new PlatformLimits(options));
    });

    [Fact(Timeout = 10_000)]
    public Task Validate_LoosenedPauseRateAndRamp_Errors() => Bounded.Run(() =>
    {
        var options = new PlatformLimitsOptions();
        options.Telegram.User!.MinPause = TimeSpan.FromSeconds(2);
        options.Telegram.Bot!.RequestsPerSecond = 100;
        options.Telegram.Bot.PerChatInterval = TimeSpan.FromMilliseconds(100);
        options.Email.User!.WarmupShareByDay[30] = 0.5;
        options.Instagram.Bot = new AccountLimitsOptions();
        var errors = options.Validate();
        Assert.Contains(errors, e => e.Contains("Telegram:User:MinPause", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Telegram:Bot:RequestsPerSecond", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Telegram:Bot:PerChatInterval", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Email:User:WarmupShareByDay:30", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Instagram has no bot accounts", StringComparison.Ordinal));
    });

    [Fact(Timeout = 10_000)]
    public Task Validate_TimeFactor100_ScaledLimitsAcceptedBeyondScaledRefused() => Bounded.Run(() =>
    {
        var options = new PlatformLimitsOptions { TimeFactor = 100 };
        options.Telegram.User!.MinPause = TimeSpan.FromMilliseconds(100);
        options.Telegram.User.MaxPause = TimeSpan.FromMilliseconds(150);
        options.Telegram.User.InvitesPerDay = 5000;
        Assert.Empty(options.Validate());

        options.Telegram.User.MinPause = TimeSpan.FromMilliseconds(99);
        options.Telegram.User.InvitesPerDay = 5001;
        var errors = options.Validate();
        Assert.Contains(errors, e => e.Contains("Telegram:User:MinPause", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Telegram:User:InvitesPerDay is 5001", StringComparison.Ordinal));
        Assert.Contains("TimeFactor", Assert.Single(new PlatformLimitsOptions { TimeFactor = 0.5 }.Validate()), StringComparison.Ordinal);
        Assert.NotEmpty(new PlatformLimitsOptions { TimeFactor = 1, Telegram = options.Telegram }.Validate());
    });

    [Fact(Timeout = 10_000)]
    public Task Bind_LowerCapFromConfiguration_KeepsOtherDefaults() => Bounded.Run(() =>
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Herald:Limits:Telegram:User:InvitesPerDay"] = "30",
            ["Herald:Limits:Telegram:User:WarmupShareByDay:3"] = "0.4",
            ["Herald:Limits:WhatsApp:Bot:MessagesPerDay"] = "1000",
        }).Build();
        using var provider = new ServiceCollection().AddHeraldCore(configuration).BuildServiceProvider();

        var limits = provider.GetRequiredService<PlatformLimits>().For(PlatformKind.Telegram, AccountKind.User);

        Assert.Equal(30, limits.InvitesPerDay);
        Assert.Equal(40, limits.MessagesPerDay);
        Assert.Equal(new[] { new WarmupStep(0, 0.25), new WarmupStep(3, 0.4), new WarmupStep(7, 0.75), new WarmupStep(14, 1.0) }, limits.Warmup);
        Assert.Equal(1000, provider.GetRequiredService<PlatformLimits>().For(PlatformKind.WhatsApp, AccountKind.Bot).MessagesPerDay);
    });

    [Fact(Timeout = 10_000)]
    public Task AddHeraldCore_RaisedLimit_FailsValidation() => Bounded.Run(() =>
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Herald:Limits:Telegram:User:MessagesPerDay"] = "400",
        }).Build();
        using var provider = new ServiceCollection().AddHeraldCore(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PlatformLimitsOptions>>().Value);
        Assert.Contains("MessagesPerDay is 400", error.Message, StringComparison.Ordinal);
    });

    [Fact(Timeout = 10_000)]
    public Task ValidateOverrides_Loosening_NamesEachValue() => Bounded.Run(() =>
    {
        var errors = PlatformLimits.Default.ValidateOverrides(PlatformKind.Telegram, AccountKind.User,
            new LimitOverrides(MinPause: TimeSpan.FromSeconds(5), InvitesPerDay: 60, MessagesPerDay: 20));

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("MinPause", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("InvitesPerDay is 60", StringComparison.Ordinal));
    });

    [Fact(Timeout = 10_000)]
    public Task ValidateOverrides_OneStricterValueAlone_AcceptedWithWhatFollowsFromIt() => Bounded.Run(() =>
    {
        // A longer MinPause alone lifts MaxPause with it; a lower MessagesPerDay alone lowers the cap with links.
        Assert.Empty(PlatformLimits.Default.ValidateOverrides(PlatformKind.Telegram, AccountKind.User, new LimitOverrides(MinPause: TimeSpan.FromSeconds(20))));
        Assert.Empty(PlatformLimits.Default.ValidateOverrides(PlatformKind.Telegram, AccountKind.User, new LimitOverrides(MessagesPerDay: 5)));
        var limits = PlatformLimits.Default.For(PlatformKind.Telegram, AccountKind.User, new LimitOverrides(MinPause: TimeSpan.FromSeconds(20), MessagesPerDay: 5));
        Assert.Equal(TimeSpan.FromSeconds(20), limits.MaxPause);
        Assert.Equal(5, limits.MessagesWithLinksPerDay);
    });

    [Fact(Timeout = 10_000)]
    public Task ValidateOverrides_ShorterMaxPause_RefusedAsLooser() => Bounded.Run(() =>
    {
        var configured = PlatformLimits.Default.For(PlatformKind.Telegram, AccountKind.User);
        var errors = PlatformLimits.Default.ValidateOverrides(PlatformKind.Telegram, AccountKind.User, new LimitOverrides(MaxPause: configured.MinPause));

        var error = Assert.Single(errors);
        Assert.Contains("MaxPause", error, StringComparison.Ordinal);
        Assert.Contains("configured", error, StringComparison.Ordinal);
    });

    [Fact(Timeout = 10_000)]
    public Task For_Overrides_StricterAppliedLooserClamped() => Bounded.Run(() =>
    {
        var limits = PlatformLimits.Default.For(PlatformKind.Telegram, AccountKind.User,
            new LimitOverrides(MinPause: TimeSpan.FromSeconds(5), MaxPause: TimeSpan.FromSeconds(30), InvitesPerDay: 500, MessagesPerDay: 20));

        Assert.Equal(TimeSpan.FromSeconds(10), limits.MinPause);
        Assert.Equal(TimeSpan.FromSeconds(30), limits.MaxPause);
        Assert.Equal(50, limits.InvitesPerDay);
        Assert.Equal(20, limits.MessagesPerDay);
        Assert.Equal(10, limits.MessagesWithLinksPerDay);
    });

    [Fact(Timeout = 10_000)]
    public Task Overrides_WhatsAppTier_RaisesCapOnlyForCloudNumbers() => Bounded.Run(() =>
    {
        var tier = new LimitOverrides(MessagingTier: 10_000);
        Assert.Empty(PlatformLimits.Default.ValidateOverrides(PlatformKind.WhatsApp, AccountKind.Bot, tier));
        Assert.Equal(10_000, PlatformLimits.Default.For(PlatformKind.WhatsApp, AccountKind.Bot, tier).MessagesPerDay);

        Assert.NotEmpty(PlatformLimits.Default.ValidateOverrides(PlatformKind.WhatsApp, AccountKind.Bot, new LimitOverrides(MessagingTier: 5000)));
        Assert.NotEmpty(PlatformLimits.Default.ValidateOverrides(PlatformKind.Telegram, AccountKind.User, tier));
        Assert.Equal(40, PlatformLimits.Default.For(PlatformKind.Telegram, AccountKind.User, tier).MessagesPerDay);
    });

    [Fact(Timeout = 10_000)]
    public Task For_KindMissingOnPlatform_Throws() => Bounded.Run(() =>
    {
        Assert.False(PlatformLimits.Default.Supports(PlatformKind.Instagram, AccountKind.Bot));
        Assert.Throws<ArgumentException>(() => PlatformLimits.Default.For(PlatformKind.Instagram, AccountKind.Bot));
    });

    [Theory(Timeout = 10_000)]
    [InlineData(PlatformKind.Telegram, 0.0, 12)]
    [InlineData(PlatformKind.Telegram, 2.9, 12)]
    [InlineData(PlatformKind.Telegram, 3.0, 25)]
    [InlineData(PlatformKind.Telegram, 7.5, 37)]
    [InlineData(PlatformKind.Telegram, 14.0, 50)]
    [InlineData(PlatformKind.Instagram, 1.0, 20)]
    [InlineData(PlatformKind.Instagram, 30.0, 40)]
    [InlineData(PlatformKind.Instagram, 200.0, 50)]
    public Task EffectiveDailyCap_WarmupRamp_ByAge(PlatformKind platform, double days, int expected) => Bounded.Run(() =>
    {
        var limits = PlatformLimits.Default.For(platform, AccountKind.User);
        var key = platform == PlatformKind.Telegram ? CounterKey.Invite : CounterKey.PersonalMessage;

        Assert.Equal(expected, limits.EffectiveDailyCap(key, TimeSpan.FromDays(days)));
        Assert.Equal(limits.DailyCap(key), limits.EffectiveDailyCap(key, null));
    });
}
