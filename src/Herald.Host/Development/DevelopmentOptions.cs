using Herald.Simulator;

namespace Herald.Host.Development;

/// <summary>What the Development host starts for you, bound from <c>Herald:Development</c>. Ignored outside Development.</summary>
public sealed class DevelopmentOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Herald:Development";

    /// <summary>
    /// Start a private Azurite (in memory, free loopback ports) and use it as storage. Default: null, which starts it
    /// only when no storage is configured; <c>true</c> (the value in <c>appsettings.Development.json</c>) starts it even
    /// when a connection string is configured; <c>false</c> never starts it.
    /// </summary>
    public bool? StartAzurite { get; set; }

    /// <summary>
    /// Start the Telegram Bot API simulator in this process and point <c>Herald:Platforms:TelegramBot:BaseUrl</c> at it.
    /// Default: false (<c>appsettings.Development.json</c> sets true).
    /// </summary>
    public bool StartSimulator { get; set; }

    /// <summary>The simulator's port on 127.0.0.1. Default: 0, a free port (the host logs the address).</summary>
    public int SimulatorPort { get; set; }

    /// <summary>The simulator's scenario (tokens, blocked users, groups, limits). Default: accept any well-formed token, Telegram's limits.</summary>
    public SimulatorOptions Simulator { get; set; } = new();
}
