using Herald.Platforms.Abstractions;

namespace Herald.Platforms.TelegramUser;

/// <summary>Settings of Telegram user accounts through TDLib (<c>Herald:TelegramUser</c>).</summary>
public sealed class TelegramUserOptions : IPlatformEndpoints
{
    /// <summary>The configuration section these options bind from, under <c>Herald</c> (<c>TelegramUser</c>).</summary>
    public const string SectionName = "TelegramUser";

    /// <summary>
    /// The libtdjson file (or its directory). Default null: <c>node_modules/@prebuilt-tdlib/…</c> found from the app's
    /// directory upwards (what <c>npm ci</c> installs). Unused when <see cref="SimulatorUrl"/> is set.
    /// </summary>
    public string? TdJsonPath { get; set; }

    /// <summary>The simulated TDLib (Herald.Simulator's base address) instead of libtdjson; default null (libtdjson).</summary>
    public string? SimulatorUrl { get; set; }

    /// <summary>Where open sessions' TDLib database directories live while a worker serves them (default <c>{temp}/herald-tdlib</c>).</summary>
    public string SessionDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "herald-tdlib");

    /// <summary>The blob container sessions rest in between workers, when storage is configured (default <c>herald-tdlib-sessions</c>).</summary>
    public string SessionContainer { get; set; } = "herald-tdlib-sessions";

    /// <summary>The Telegram app's api_id for logins that do not bring their own (default null: the request must).</summary>
    public int? ApiId { get; set; }

    /// <summary>The Telegram app's api_hash for logins that do not bring their own; a secret: configure it from the vault.</summary>
    public string? ApiHash { get; set; }

    /// <summary>How long one TDLib request may take before it is a transient <c>timeout</c> (default 30 s).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a sent message may stay pending before it is a transient <c>timeout</c> (default 60 s; it is not counted).</summary>
    public TimeSpan SendConfirmTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A client unused this long is closed and its session stored, so the account can move to another worker (default 5 min;
    /// longer than <see cref="RequestTimeout"/> plus <see cref="SendConfirmTimeout"/>).
    /// </summary>
    public TimeSpan SessionIdleClose { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Use Telegram's test data centres (<c>use_test_dc</c>; default false).</summary>
    public bool UseTestDc { get; set; }

    /// <inheritdoc />
    public IEnumerable<(string Setting, string? Endpoint)> Endpoints() => [("Herald:" + SectionName + ":SimulatorUrl", SimulatorUrl)];
}
