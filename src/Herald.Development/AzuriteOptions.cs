namespace Herald.Development;

/// <summary>How <see cref="AzuriteLauncher"/> starts Azurite.</summary>
public sealed class AzuriteOptions
{
    /// <summary>
    /// Where Azurite is: the <c>node_modules/.bin/azurite</c> file, a <c>node_modules</c> folder or a folder that
    /// holds one. Default: null, which searches upward from the current directory and from
    /// <see cref="AppContext.BaseDirectory"/>, after the <c>HERALD_AZURITE</c> environment variable.
    /// </summary>
    public string? AzuritePath { get; set; }

    /// <summary>Keep data in memory (<c>--inMemoryPersistence</c>; fastest). Default: true. When false, data goes to a temp folder.</summary>
    public bool InMemoryPersistence { get; set; } = true;

    /// <summary>The in-memory extent limit in MB (<c>--extentMemoryLimit</c>). Default: 512.</summary>
    public int ExtentMemoryLimitMegabytes { get; set; } = 512;

    /// <summary>How long to wait for the services to listen. Default: 60 s.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many times to try starting before giving up. Default: 3.</summary>
    public int StartAttempts { get; set; } = 3;

    /// <summary>How long Azurite may take to exit after SIGTERM before its process tree is killed. Default: 3 s.</summary>
    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The process whose end also ends Azurite, even when it is killed outright and cannot stop Azurite itself (a
    /// watchdog inside Azurite's Node.js process checks it every second). Default: null, this process.
    /// </summary>
    public int? OwnerProcessId { get; set; }
}
