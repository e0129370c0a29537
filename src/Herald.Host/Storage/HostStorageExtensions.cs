using Azure.Data.Tables;
using Herald.Host.Audit;
using Herald.Host.Authentication;
using Herald.Host.Development;
using Herald.Host.Health;
using Herald.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Herald.Host.Storage;

/// <summary>Connects the host to Azure Storage (or the development Azurite) and puts its own state there.</summary>
public static class HostStorageExtensions
{
    /// <summary>
    /// When storage is configured (<see cref="HostStorageConfiguration"/>) or the Development host starts Azurite: adds the
    /// storage clients (<c>AddHeraldStorage</c>) bound from <c>Herald:Storage</c>, the <c>storage</c> readiness check, the
    /// 503 answer for requests that meet a storage outage (<see cref="StorageOutageExceptionHandler"/>), and the table-backed <see cref="IAuditLog"/> and <see cref="IApiKeyStore"/>. Without storage it adds nothing, and the
    /// in-memory audit log and configured API keys serve. Call before the audit log and authentication are added (TryAdd:
    /// the first registration wins).
    /// </summary>
    public static IHostApplicationBuilder AddHeraldHostStorage(this IHostApplicationBuilder builder)
    {
        if (!UsesStorage(builder))
        {
            return builder;
        }

        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddHeraldStorage(options => HostStorageConfiguration.Bind(configuration, options));
        services.AddHealthChecks().AddCheck<StorageHealthCheck>(StorageHealthCheck.Name, tags: [HealthExtensions.ReadyTag]);
        services.AddExceptionHandler<StorageOutageExceptionHandler>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TableAuditLog>();
        services.TryAddSingleton<IAuditLog>(sp => sp.GetRequiredService<TableAuditLog>());
        services.TryAddSingleton<InMemoryApiKeyStore>();
        services.TryAddSingleton(sp => new TableApiKeyStore(
            sp.GetRequiredService<TableServiceClient>(),
            sp.GetRequiredService<InMemoryApiKeyStore>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IApiKeyStore>(sp => sp.GetRequiredService<TableApiKeyStore>());
        return builder;
    }

    /// <summary>True when the host built by <paramref name="builder"/> has storage: configured, or the development Azurite.</summary>
    public static bool UsesStorage(IHostApplicationBuilder builder) =>
        HostStorageConfiguration.IsConfigured(builder.Configuration) || DevelopmentExtensions.StartsAzurite(builder);

    /// <summary>
    /// Gives every request's storage calls <see cref="StorageOptions.RequestBudget"/> each, without retries
    /// (<see cref="StorageCallBudget"/>): during an outage an API call answers 503 within about the budget. Place after
    /// the exception handler and before authentication (API keys are read from storage).
    /// </summary>
    public static IApplicationBuilder UseHeraldStorageBudget(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            using (StorageCallBudget.Begin(context.RequestServices.GetRequiredService<IOptions<StorageOptions>>().Value.RequestBudget))
            {
                await next(context);
            }
        });
}
