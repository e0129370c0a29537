using Microsoft.Extensions.Configuration;

namespace Herald.Functions.Hosting;

/// <summary>
/// What Herald's settings default to inside a Functions app: its storage is the app's own (<c>AzureWebJobsStorage</c>,
/// a connection string, or <c>AzureWebJobsStorage__accountName</c> for the managed identity) unless
/// <c>Herald:Storage</c> names another; no private Azurite in Development (Core Tools and the queue triggers use the
/// Azurite of <c>UseDevelopmentStorage=true</c>); the engine's workers never run as background loops (the triggers are
/// the workers).
/// </summary>
internal static class FunctionsSettings
{
    public static Dictionary<string, string?> Defaults(IConfiguration configuration)
    {
        var defaults = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [Herald.Host.Hosting.EngineHostExtensions.RunWorkersKey] = "false",
        };
        if (configuration["Herald:Development:StartAzurite"] is null)
        {
            defaults["Herald:Development:StartAzurite"] = "false";
        }

        var herald = configuration.GetSection("Herald:Storage");
        if (herald["ConnectionString"] is { Length: > 0 } || configuration.GetConnectionString("Storage") is { Length: > 0 } || herald["TableEndpoint"] is { Length: > 0 })
        {
            return defaults;
        }

        if (configuration["AzureWebJobsStorage"] is { Length: > 0 } connectionString)
        {
            defaults["Herald:Storage:ConnectionString"] = connectionString;
        }
        else if (configuration["AzureWebJobsStorage:accountName"] is { Length: > 0 } account)
        {
            defaults["Herald:Storage:TableEndpoint"] = $"https://{account}.table.core.windows.net";
            defaults["Herald:Storage:QueueEndpoint"] = $"https://{account}.queue.core.windows.net";
        }

        return defaults;
    }
}
