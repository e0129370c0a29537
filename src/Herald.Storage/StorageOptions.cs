using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Herald.Storage;

/// <summary>
/// Where Herald's tables and queues live (configuration section <c>Storage</c>). Either a
/// <see cref="ConnectionString"/> (Shared Key; <c>UseDevelopmentStorage=true</c> for Azurite on default ports), or
/// <see cref="TableEndpoint"/> and <see cref="QueueEndpoint"/> with Microsoft Entra ID (the registered
/// <c>Azure.Core.TokenCredential</c>, else <c>DefaultAzureCredential</c>).
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Storage";

    /// <summary>A storage connection string. Default: null. When set, it wins over the endpoints.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The Table service endpoint for Entra ID auth (https). Default: null.</summary>
    public Uri? TableEndpoint { get; set; }

    /// <summary>The Queue service endpoint for Entra ID auth (https). Default: null.</summary>
    public Uri? QueueEndpoint { get; set; }

    /// <summary>
    /// Queue message encoding. Default: <see cref="QueueMessageEncoding.Base64"/> (the SDK defaults to None; Azure
    /// Functions queue triggers expect base64, and any text survives the service's XML body).
    /// </summary>
    public QueueMessageEncoding MessageEncoding { get; set; } = QueueMessageEncoding.Base64;

    /// <summary>
    /// How long one storage call made for an API request or a readiness check may wait for the service, without
    /// retries (<see cref="StorageCallBudget"/>), so an outage answers 503 at once instead of after the SDK's retries.
    /// The engine's own calls keep the full retries. Default: 1.5 s.
    /// </summary>
    public TimeSpan RequestBudget { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Why these options cannot work, or null when they can.</summary>
    public string? Validate()
    {
        if (RequestBudget <= TimeSpan.Zero)
        {
            return "Storage:RequestBudget must be positive.";
        }

        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return IsValidConnectionString(ConnectionString) ? null : "Storage:ConnectionString is not a valid storage connection string.";
        }

        return TableEndpoint is null || QueueEndpoint is null
            ? "Set Storage:ConnectionString, or both Storage:TableEndpoint and Storage:QueueEndpoint (Entra ID)."
            : null;
    }

    private static bool IsValidConnectionString(string connectionString)
    {
        try
        {
            _ = new TableServiceClient(connectionString);
            _ = new QueueServiceClient(connectionString);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
