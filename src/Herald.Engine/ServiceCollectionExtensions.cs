using Azure.Data.Tables;
using Azure.Storage.Queues;
using Herald.Engine.Accounts;
using Herald.Engine.Actors;
using Herald.Engine.Campaigns;
using Herald.Engine.Lanes;
using Herald.Engine.Orchestrations;
using Herald.Engine.Persistence;
using Herald.Engine.Platforms;
using Herald.Engine.Suppression;
using Herald.Engine.Ticks;
using Herald.Engine.Workers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Herald.Engine;

/// <summary>Registers the durable engine.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>The configuration section of <see cref="EngineOptions"/>.</summary>
    public const string SectionName = "Herald:Engine";

    /// <summary>
    /// Registers the engine's stores, actor and services (not the workers: see <see cref="AddHeraldWorkers"/>).
    /// Needs <see cref="TableServiceClient"/> and <see cref="QueueServiceClient"/> (<c>AddHeraldStorage</c>), the
    /// core (<c>AddHeraldCore</c>) and the platform adapters. Binds <c>Herald:Engine</c>; validated on start. Idempotent.
    /// </summary>
    public static IServiceCollection AddHeraldEngine(this IServiceCollection services, IConfiguration? configuration = null, Action<EngineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<EngineOptions>();
        if (configuration is not null)
        {
            builder.Bind(configuration.GetSection(SectionName));
        }

        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.Validate(o => !o.Validate().Any(), "Invalid Herald:Engine options.").ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<EngineOptions>>().Value);
        services.TryAddSingleton(sp => new EngineStorage(
            sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<QueueServiceClient>(), sp.GetRequiredService<EngineOptions>()));
        services.TryAddSingleton<AccountStore>();
        services.TryAddSingleton<CampaignStore>();
        services.TryAddSingleton<TargetStore>();
        services.TryAddSingleton<StatsStore>();
        services.TryAddSingleton<CounterStore>();
        services.TryAddSingleton<SuppressionStore>();
        services.TryAddSingleton<LaneStore>();
        services.TryAddSingleton<TransactionalLane>();
        services.TryAddSingleton<SingleMessageQueue>();
        services.TryAddSingleton<TickSignal>();
        services.TryAddSingleton<TickScheduler>();
        services.TryAddSingleton<PlatformResolver>();
        services.TryAddSingleton<CampaignCompletion>();
        services.TryAddSingleton<CampaignEraser>();
        services.TryAddSingleton<CampaignStatusCache>();
        services.TryAddSingleton<TargetClaims>();
        services.TryAddSingleton<AttemptRecovery>();
        services.TryAddSingleton<TargetRunner>();
        services.TryAddSingleton<BatchRunner>();
        services.TryAddSingleton<AccountActor>();
        services.TryAddSingleton<AccountService>();
        services.TryAddSingleton<AccountLeases>();
        services.TryAddSingleton<AccountAdminRights>();
        services.TryAddSingleton<CampaignService>();
        services.TryAddSingleton<CampaignStatusReader>();
        services.TryAddSingleton<CampaignRightsCheck>();
        services.TryAddSingleton<CampaignAccountRecheck>();
        services.TryAddSingleton<ICampaignLifecycle, NoCampaignLifecycle>();
        services.TryAddSingleton<ICampaignNotifier, NoCampaignNotifier>();
        return services;
    }

    /// <summary>Runs the account actors' workers in this process: ticks and the sweeper. Idempotent.</summary>
    public static IServiceCollection AddHeraldWorkers(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EngineInitializer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, TickWorker>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, Sweeper>());
        return services;
    }
}
