namespace Herald.Host.Alerts;

/// <summary>
/// Operator alerts to a Telegram chat through a bot (<c>Herald:Alerts</c>, R27). Off until both <see cref="BotToken"/>
/// and <see cref="ChatId"/> are set. Alerts carry account and campaign ids, counts and reason codes, never recipient data.
/// </summary>
public sealed class AlertOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Herald:Alerts";

    /// <summary>The alert bot's token (keep it in a secret store or environment variable, not in a file).</summary>
    public string? BotToken { get; set; }

    /// <summary>The operators' chat (a user, group or channel id, or <c>@channel</c>).</summary>
    public string? ChatId { get; set; }

    /// <summary>The Bot API server. Default: the Telegram platform's (<c>Herald:Platforms:TelegramBot:BaseUrl</c>; the simulator in Development).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>How often the monitor looks at accounts and campaigns. Default 30 s.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>At most one alert per kind per account (or campaign) within this window. Default 1 h.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A FloodWait spike is this many rate-limit answers … Default 20.</summary>
    public int FloodWaitCount { get; set; } = 20;

    /// <summary>… within this time. Default 5 min.</summary>
    public TimeSpan FloodWaitWithin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Alert when every account of a campaign rests (or will rest) longer than this. Default 30 min.</summary>
    public TimeSpan RestingLongerThan { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>True when alerts are configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken) && !string.IsNullOrWhiteSpace(ChatId);

    /// <summary>True when every duration and count is usable.</summary>
    public bool IsValid =>
        CheckInterval > TimeSpan.Zero && Window > TimeSpan.Zero && FloodWaitCount > 0 && FloodWaitWithin > TimeSpan.Zero && RestingLongerThan > TimeSpan.Zero;
}
