using Herald.Platforms.Abstractions;

namespace Herald.Platforms.TelegramBot;

/// <summary>
/// Settings of the Telegram Bot API platform. The limiter figures default to Telegram's documented
/// limits and may only be lowered (R35): validation on start refuses anything above them.
/// </summary>
public sealed class TelegramBotOptions : IPlatformEndpoints
{
    /// <summary>The configuration section these options bind from (<c>Platforms:TelegramBot</c>).</summary>
    public const string SectionName = "Platforms:TelegramBot";

    /// <summary>Telegram's overall limit per bot: 30 messages per second.</summary>
    public const double TelegramMessagesPerSecond = 30;

    /// <summary>Telegram's limit per bot with paid broadcasts (<c>allow_paid_broadcast</c>): 1,000 messages per second.</summary>
    public const int MaxPaidMessagesPerSecond = 1000;

    /// <summary>Telegram's limit per chat: 1 message per second.</summary>
    public const double TelegramChatMessagesPerSecond = 1;

    /// <summary>Telegram's limit per group: 20 messages per minute.</summary>
    public const double TelegramGroupMessagesPerMinute = 20;

    /// <summary>
    /// The Bot API server, scheme, host and port only (default <c>https://api.telegram.org</c>; a local Bot API server, or
    /// the simulator's address in tests and demos).
    /// </summary>
    public string BaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>How long one Bot API call may take, wall clock (default 30 s); a call that takes longer is a transient <c>timeout</c>.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages per second per bot, overall (default and maximum 30).</summary>
    public double MessagesPerSecond { get; set; } = TelegramMessagesPerSecond;

    /// <summary>Messages per second to one chat (default and maximum 1).</summary>
    public double ChatMessagesPerSecond { get; set; } = TelegramChatMessagesPerSecond;

    /// <summary>Messages per minute to one group (negative chat id or <c>@username</c>; default and maximum 20).</summary>
    public double GroupMessagesPerMinute { get; set; } = TelegramGroupMessagesPerMinute;

    /// <summary>How long a resolved bot token stays in memory before the secret store is asked again (default 5 min; zero: every call).</summary>
    public TimeSpan TokenCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A 429 for one chat whose <c>retry_after</c> is at most this long is waited out inside the call
    /// (only that chat waits) and the send retried once (default 5 s; zero: never wait inside a call).
    /// </summary>
    public TimeSpan ChatRetryAfterWaitLimit { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// When this many different chats of one bot get a 429 within <see cref="FloodWindow"/>, the whole
    /// bot is flooded and pauses for the <c>retry_after</c> (default 3).
    /// </summary>
    public int FloodChatThreshold { get; set; } = 3;

    /// <summary>The window for <see cref="FloodChatThreshold"/> (default 1 s).</summary>
    public TimeSpan FloodWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait assumed for a 429 that carries no <c>retry_after</c> (default 5 s).</summary>
    public TimeSpan DefaultRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a per-recipient invite link stays valid (default null: until used; it admits one member).</summary>
    public TimeSpan? InviteLinkLifetime { get; set; }

    /// <inheritdoc />
    public IEnumerable<(string Setting, string? Endpoint)> Endpoints() => [("Herald:" + SectionName + ":BaseUrl", BaseUrl)];
}
