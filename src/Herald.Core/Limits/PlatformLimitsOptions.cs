using Herald.Core.Domain;

namespace Herald.Core.Limits;

/// <summary>
/// Platform limits per platform and kind of account (R16), bound from <c>Herald:Limits</c>.
/// Defaults (from the seeds and <c>PLATFORMS.md</c>; community figures where the platform publishes none):
/// <list type="bullet">
/// <item>Telegram user: 10–15 s between actions, 30 requests/s, per rolling 24 h 50 invites, 50 contacts added,
/// 40 personal messages of which at most 10 with a link, 20 forwards; warm-up 25 % → 50 % (day 3) → 75 % (day 7)
/// → 100 % (day 14); messages up to 4096 characters.</item>
/// <item>Telegram bot: 30 messages/s, 1 s between messages to one chat, 20 messages/minute per group; no daily cap.</item>
/// <item>WhatsApp Cloud API (bot): 80 messages/s, 6 s between messages to one recipient, 250 unique recipients per
/// 24 h (tier 1; higher tiers per account through <see cref="LimitOverrides.MessagingTier"/>, up to 100,000).</item>
/// <item>WhatsApp personal number (user): 30–90 s between messages, 50 new chats per 24 h, warm-up as Telegram.</item>
/// <item>Instagram (user): 8–10 minutes between DMs, 50 DMs per 24 h with the age ramp 20 (first week) → 40
/// (to six months) → 50; messages up to 1000 characters.</item>
/// <item>E-mail (user, R33): 20–60 s between messages, 300 per 24 h, warm-up 10 % → 100 % over four weeks.</item>
/// </list>
/// Configuration may only lower these (R35): <see cref="Validate"/> rejects anything above the documented limits
/// (at <see cref="TimeFactor"/> speed, for simulations whose platform runs faster than the real one).
/// </summary>
public sealed class PlatformLimitsOptions
{
    /// <summary>The configuration section the host binds.</summary>
    public const string SectionName = "Herald:Limits";

    private const double MaxTimeFactor = 100_000;

    private static readonly PlatformLimitsOptions Maximums = CreateDocumentedMaximums();

    /// <summary>Creates options holding the documented defaults.</summary>
    public PlatformLimitsOptions()
    {
        Telegram = new PlatformSectionOptions { User = TelegramUser(), Bot = TelegramBot() };
        WhatsApp = new PlatformSectionOptions { User = WhatsAppUser(), Bot = WhatsAppCloud(tier: 250, perSecond: 80) };
        Instagram = new PlatformSectionOptions { User = InstagramUser() };
        Email = new PlatformSectionOptions { User = EmailUser() };
    }

    /// <summary>Telegram: user accounts and bots.</summary>
    public PlatformSectionOptions Telegram { get; set; }

    /// <summary>WhatsApp: Cloud API numbers (bot) and personal numbers (user).</summary>
    public PlatformSectionOptions WhatsApp { get; set; }

    /// <summary>Instagram direct messages (user accounts only).</summary>
    public PlatformSectionOptions Instagram { get; set; }

    /// <summary>E-mail over SMTP (user accounts only).</summary>
    public PlatformSectionOptions Email { get; set; }

    /// <summary>
    /// For simulations only (the simulator as every platform): how many times faster than real time the simulated
    /// platforms are taken to run [1]. The ceilings of <see cref="Validate"/> scale with it: pauses and per-chat
    /// intervals may be that many times shorter, rates and daily caps that many times higher (a platform day of limits
    /// in 1/<c>TimeFactor</c> of a day), so a test can run days of an account's work in minutes with the documented
    /// ratios. Against real platforms it must stay 1; 1 to 100,000.
    /// </summary>
    public double TimeFactor { get; set; } = 1;

    /// <summary>Options holding the documented defaults (the same as <c>new PlatformLimitsOptions()</c>).</summary>
    public static PlatformLimitsOptions CreateDefaults() => new();

    /// <summary>The section of one platform.</summary>
    public PlatformSectionOptions For(PlatformKind platform) => platform switch
    {
        PlatformKind.Telegram => Telegram,
        PlatformKind.WhatsApp => WhatsApp,
        PlatformKind.Instagram => Instagram,
        PlatformKind.Email => Email,
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "Unknown platform."),
    };

    /// <summary>The limits of one kind of account on one platform, or null when that kind does not exist there.</summary>
    public AccountLimitsOptions? For(PlatformKind platform, AccountKind kind)
    {
        var section = For(platform);
        return kind == AccountKind.Bot ? section.Bot : section.User;
    }

    /// <summary>
    /// Checks every figure: positive, consistent, and never above the documented platform limits (R35).
    /// Returns one message per problem, naming the configuration key; empty when valid.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!(TimeFactor is >= 1 and <= MaxTimeFactor))
        {
            errors.Add($"{SectionName}:TimeFactor is {TimeFactor}; it must be 1 (real platforms) up to {MaxTimeFactor} (simulations).");
            return errors;
        }

        foreach (var platform in Enum.GetValues<PlatformKind>())
        {
            foreach (var kind in Enum.GetValues<AccountKind>())
            {
                var configured = For(platform, kind);
                var maximum = Maximums.For(platform, kind);
                var path = $"{SectionName}:{platform}:{kind}";
                if (configured is null)
                {
                    continue;
                }

                if (maximum is null)
                {
                    errors.Add($"{path}: {platform} has no {kind.ToString().ToLowerInvariant()} accounts; remove the section.");
                    continue;
                }

                LimitRules.Check(path, configured, TimeFactor == 1 ? maximum : maximum.ScaledBy(TimeFactor), errors);
            }
        }

        return errors;
    }

    /// <summary>The documented platform limits: the ceiling for configuration (R35).</summary>
    internal static PlatformLimitsOptions DocumentedMaximums => Maximums;

    private static PlatformLimitsOptions CreateDocumentedMaximums()
    {
        var maximums = new PlatformLimitsOptions();
        maximums.WhatsApp.Bot = WhatsAppCloud(tier: 100_000, perSecond: 1000);
        return maximums;
    }

    private static Dictionary<int, double> StandardRamp() => new() { [0] = 0.25, [3] = 0.5, [7] = 0.75, [14] = 1.0 };

    private static AccountLimitsOptions TelegramUser() => new()
    {
        MinPause = TimeSpan.FromSeconds(10),
        MaxPause = TimeSpan.FromSeconds(15),
        RequestsPerSecond = 30,
        InvitesPerDay = 50,
        AddContactsPerDay = 50,
        MessagesPerDay = 40,
        MessagesWithLinksPerDay = 10,
        ForwardsPerDay = 20,
        WarmupShareByDay = StandardRamp(),
        SpreadOverDay = true,
        MaxMessageLength = 4096,
    };

    private static AccountLimitsOptions TelegramBot() => new()
    {
        RequestsPerSecond = 30,
        PaidRequestsPerSecond = 1000,
        PerChatInterval = TimeSpan.FromSeconds(1),
        PerGroupPerMinute = 20,
        MaxMessageLength = 4096,
    };

    private static AccountLimitsOptions WhatsAppCloud(int tier, int perSecond) => new()
    {
        RequestsPerSecond = perSecond,
        PerChatInterval = TimeSpan.FromSeconds(6),
        MessagesPerDay = tier,
        MaxMessageLength = 4096,
    };

    private static AccountLimitsOptions WhatsAppUser() => new()
    {
        MinPause = TimeSpan.FromSeconds(30),
        MaxPause = TimeSpan.FromSeconds(90),
        RequestsPerSecond = 1,
        MessagesPerDay = 50,
        WarmupShareByDay = StandardRamp(),
        SpreadOverDay = true,
        MaxMessageLength = 4096,
    };

    private static AccountLimitsOptions InstagramUser() => new()
    {
        MinPause = TimeSpan.FromMinutes(8),
        MaxPause = TimeSpan.FromMinutes(10),
        RequestsPerSecond = 1,
        MessagesPerDay = 50,
        WarmupShareByDay = new() { [0] = 0.4, [7] = 0.8, [180] = 1.0 },
        SpreadOverDay = true,
        MaxMessageLength = 1000,
    };

    private static AccountLimitsOptions EmailUser() => new()
    {
        MinPause = TimeSpan.FromSeconds(20),
        MaxPause = TimeSpan.FromSeconds(60),
        RequestsPerSecond = 1,
        MessagesPerDay = 300,
        WarmupShareByDay = new() { [0] = 0.1, [7] = 0.25, [14] = 0.5, [21] = 0.75, [28] = 1.0 },
        SpreadOverDay = true,
        MaxMessageLength = 100_000,
    };
}
