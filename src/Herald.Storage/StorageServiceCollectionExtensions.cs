using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Herald.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Azure Storage clients Herald uses.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="StorageOptions"/> (validated on start) and singleton <see cref="TableServiceClient"/> and
    /// <see cref="QueueServiceClient"/> built from them with <see cref="StorageClientOptions"/>: Shared Key from the
    /// connection string, or Microsoft Entra ID (the registered <see cref="TokenCredential"/>, else
    /// <see cref="DefaultAzureCredential"/>) with the endpoints. Idempotent: existing registrations are kept.
    /// </summary>
    public static IServiceCollection AddHeraldStorage(this IServiceCollection services, Action<StorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<StorageOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.Validate(o => o.Validate() is null, "Storage needs a valid ConnectionString, or TableEndpoint and QueueEndpoint, and a positive RequestBudget.").ValidateOnStart();

        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var clientOptions = StorageClientOptions.Tables();
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? new TableServiceClient(options.TableEndpoint!, Credential(sp), clientOptions)
                : new TableServiceClient(options.ConnectionString, clientOptions);
        });
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var clientOptions = StorageClientOptions.Queues(options.MessageEncoding);
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? new QueueServiceClient(options.QueueEndpoint!, Credential(sp), clientOptions)
                : new QueueServiceClient(options.ConnectionString, clientOptions);
        });
        return services;
    }

    private static TokenCredential Credential(IServiceProvider sp) => sp.GetService<TokenCredential>() ?? new DefaultAzureCredential();
}
