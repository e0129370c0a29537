using Herald.Core.Imports;
using Herald.Engine;
using Herald.Engine.Campaigns;
using Herald.Engine.Workers;
using Herald.Host.Accounts;
using Herald.Host.Campaigns;
using Herald.Host.Email;
using Herald.Host.Health;
using Herald.Host.Hosting.Durable;
using Herald.Host.Imports;
using Herald.Host.Messages;
using Herald.Host.Storage;
using Herald.Host.WhatsApp;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Herald.Host.Hosting;

/// <summary>Composes the durable engine into the host: its services, its workers and the API's own stores.</summary>
public static class EngineHostExtensions
{
    /// <summary>
    /// The setting that says whether the engine's workers (ticks, sweeper, the campaign orchestrations) run in this process.
    /// Default true; false runs the host API-only while other processes (<c>AddHeraldWorkers</c>) do the work.
    /// </summary>
    public const string RunWorkersKey = Herald.Engine.ServiceCollectionExtensions.SectionName + ":RunWorkers";

    /// <summary>
    /// When the host has storage (<see cref="HostStorageExtensions.UsesStorage"/>; in Development the private Azurite):
    /// adds the engine (<c>AddHeraldEngine</c>, bound from <c>Herald:Engine</c>), its table and queue creation on start
    /// (<see cref="EngineStorageInitializer"/>: retried while storage is down), the <c>engine-storage</c> readiness check
    /// (<see cref="EngineStorageHealthCheck"/>),
    /// its workers unless <see cref="RunWorkersKey"/> is false, the campaign orchestrations (<see cref="DurableHostExtensions.AddHeraldDurable"/>:
    /// the client always, the worker with the other workers), recipient imports (<c>AddHeraldImports</c>) which large
    /// campaigns are prepared from (<see cref="ImportRecipientSource"/>), the deletion of ended campaigns past
    /// their retention (<see cref="CampaignRetention"/>, with the workers), and the API's stores (imports,
    /// messages, idempotency keys). Without storage it adds nothing and the resource APIs stay
    /// unmapped (see <see cref="HasHeraldEngine"/>). Call after storage, the core and the platforms are added.
    /// </summary>
    public static IHostApplicationBuilder AddHeraldEngineHost(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (!HostStorageExtensions.UsesStorage(builder) || services.Any(d => d.ServiceType == typeof(EngineStorageInitializer)))
        {
            return builder;
        }

        services.AddHeraldImports(builder.Configuration);
        services.AddHeraldEngine(builder.Configuration);
        services.AddOptions<CampaignRetentionOptions>().Bind(builder.Configuration.GetSection(CampaignPreparationOptions.SectionName))
            .Validate(o => o.IsValid, $"{CampaignPreparationOptions.SectionName}: RetentionDays must be from 1 to {CampaignRetentionOptions.MaxRetentionDays} (or left out) and RetentionSweepInterval positive.")
            .ValidateOnStart();
        services.TryAddSingleton<CampaignRetention>();
        var runWorkers = builder.Configuration.GetValue(RunWorkersKey, defaultValue: true);
        if (runWorkers)
        {
            services.AddHeraldWorkers();
            services.AddHostedService(sp => sp.GetRequiredService<CampaignRetention>());
        }

        services.AddHeraldDurable(builder.Configuration, runWorker: runWorkers);

        // The engine's own initializer fails the start when storage is down; the host's retries and reports readiness instead.
        foreach (var initializer in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(EngineInitializer)).ToList())
        {
            services.Remove(initializer);
        }

        services.AddSingleton<EngineStorageInitializer>();
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(sp => sp.GetRequiredService<EngineStorageInitializer>()));
        services.AddHealthChecks().AddCheck<EngineStorageHealthCheck>(EngineStorageHealthCheck.Name, tags: [HealthExtensions.ReadyTag]);

        services.TryAddSingleton<ImportStore>();
        services.TryAddSingleton<CampaignPreparer>();
        services.TryAddSingleton<CampaignCreateKeys>();
        services.TryAddSingleton<CampaignEditor>();
        services.TryAddSingleton<CampaignReportReader>();
        services.TryAddSingleton<CampaignDeletion>();
        services.AddOptions<CampaignPreparationOptions>().Bind(builder.Configuration.GetSection(CampaignPreparationOptions.SectionName))
            .Validate(o => o.BackgroundAbove >= 0, $"{CampaignPreparationOptions.SectionName}: BackgroundAbove must not be negative.")
            .ValidateOnStart();
        services.TryAddSingleton<AccountOwnership>();
        services.TryAddSingleton<AccountRegistration>();
        services.TryAddSingleton<TelegramUserLoginFlow>();
        services.AddHeraldMessages(builder.Configuration);
        services.AddHeraldWhatsApp();
        services.AddHeraldEmail();
        return builder;
    }

    /// <summary>True when the engine is composed in (the host has storage): the resource APIs can be mapped.</summary>
    public static bool HasHeraldEngine(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.ServiceProvider.GetService<CampaignService>() is not null;
    }
}
