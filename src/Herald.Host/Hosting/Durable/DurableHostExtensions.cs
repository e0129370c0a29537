using Herald.Engine.Orchestrations;
using Herald.Host.Campaigns;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Herald.Host.Hosting.Durable;

/// <summary>Composes the campaign orchestrations into the host: the sidecar, the DurableTask SDK worker and client.</summary>
public static class DurableHostExtensions
{
    /// <summary>
    /// Adds the in-process Durable Task sidecar (<see cref="DurableSidecar"/>, on the engine's storage account, task hub
    /// from <c>Herald:Durable</c>), the DurableTask SDK client (campaigns start and signal their orchestrations through
    /// it) and, when <paramref name="runWorker"/>, the worker that runs <see cref="CampaignOrchestration"/> and its
    /// activities. Without the worker the sidecar only serves the client (an API-only host). Call after the engine is
    /// added. Idempotent.
    /// </summary>
    public static IServiceCollection AddHeraldDurable(this IServiceCollection services, IConfiguration configuration, bool runWorker)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(DurableSidecar)))
        {
            return services;
        }

        services.AddOptions<DurableOptions>().Bind(configuration.GetSection(DurableOptions.SectionName))
            .Validate(o => !o.Validate().Any(), $"Invalid {DurableOptions.SectionName} options.").ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<DurableOptions>>().Value);
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<DurableSidecar>(sp, runWorker));

        // Registered before the worker: hosted services stop in reverse order, so the worker ends its stream first.
        services.AddHostedService(sp => sp.GetRequiredService<DurableSidecar>());
        if (runWorker)
        {
            services.AddDurableTaskWorker(worker =>
            {
                worker.AddTasks(tasks => tasks.AddHeraldOrchestrations());
                worker.UseGrpc(_ => { });
                worker.Services.AddOptions<GrpcDurableTaskWorkerOptions>(worker.Name)
                    .Configure<DurableSidecar>((o, sidecar) => o.Channel = sidecar.Channel);
            });

            // After the sidecar: it stops before it.
            services.AddHostedService<OrchestrationReconciler>();
        }

        services.AddDurableTaskClient(client =>
        {
            client.UseGrpc(_ => { });
            client.Services.AddOptions<GrpcDurableTaskClientOptions>(client.Name)
                .Configure<DurableSidecar>((o, sidecar) => o.Channel = sidecar.Channel);
        });
        services.Replace(ServiceDescriptor.Singleton<ICampaignLifecycle, DurableCampaignLifecycle>());
        services.Replace(ServiceDescriptor.Singleton<IRecipientSource, ImportRecipientSource>());
        return services;
    }
}
