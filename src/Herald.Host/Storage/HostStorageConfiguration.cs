using Herald.Storage;

namespace Herald.Host.Storage;

/// <summary>
/// Where the host reads its storage settings: <c>Herald:Storage</c> (<see cref="StorageOptions"/>: <c>ConnectionString</c>,
/// or <c>TableEndpoint</c> and <c>QueueEndpoint</c> for Microsoft Entra ID), with <c>ConnectionStrings:Storage</c> as the
/// connection string when <c>Herald:Storage:ConnectionString</c> is empty.
/// </summary>
public static class HostStorageConfiguration
{
    /// <summary>The configuration section bound to <see cref="StorageOptions"/>.</summary>
    public const string SectionName = "Herald:Storage";

    /// <summary>The name under <c>ConnectionStrings</c> read when the section has no connection string.</summary>
    public const string ConnectionStringName = "Storage";

    /// <summary>True when <paramref name="configuration"/> names a storage account (a connection string, or both endpoints).</summary>
    public static bool IsConfigured(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        return !string.IsNullOrWhiteSpace(ConnectionString(configuration))
            || (!string.IsNullOrWhiteSpace(section[nameof(StorageOptions.TableEndpoint)])
                && !string.IsNullOrWhiteSpace(section[nameof(StorageOptions.QueueEndpoint)]));
    }

    /// <summary>Fills <paramref name="options"/> from <paramref name="configuration"/>.</summary>
    public static void Bind(IConfiguration configuration, StorageOptions options)
    {
        configuration.GetSection(SectionName).Bind(options);
        options.ConnectionString = ConnectionString(configuration);
    }

    private static string? ConnectionString(IConfiguration configuration)
    {
        var own = configuration[$"{SectionName}:{nameof(StorageOptions.ConnectionString)}"];
        return string.IsNullOrWhiteSpace(own) ? configuration.GetConnectionString(ConnectionStringName) : own;
    }
}
