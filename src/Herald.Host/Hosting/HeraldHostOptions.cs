namespace Herald.Host.Hosting;

/// <summary>Settings shared by the host's features, bound from <c>Herald</c>.</summary>
public sealed class HeraldHostOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Herald";

    /// <summary>
    /// Folder for local state (development signing secret, local secret store, Data Protection key ring).
    /// Relative paths resolve against the content root. Default: <c>.herald</c>.
    /// </summary>
    public string DataDirectory { get; set; } = ".herald";
}
