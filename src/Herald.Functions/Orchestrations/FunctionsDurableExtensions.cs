using Herald.Engine.Orchestrations;
using Herald.Host.Campaigns;
using Herald.Host.Hosting.Durable;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Herald.Functions.Orchestrations;

/// <summary>The campaign orchestrations' side of Herald in a Functions app.</summary>
internal static class FunctionsDurableExtensions
{
    /// <summary>
    /// What <see cref="DurableHostExtensions.AddHeraldDurable"/> adds to the local host, minus its sidecar, worker and
    /// gRPC client (the Functions host runs the task hub; the orchestration and activity triggers are the worker):
    /// <c>Herald:Durable</c>, the import-backed recipient source and <see cref="InvocationCampaignLifecycle"/>. Call
    /// before <c>AddHeraldApi</c>.
    /// </summary>
    public static IServiceCollection AddHeraldFunctionsDurable(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DurableOptions>().Bind(configuration.GetSection(DurableOptions.SectionName))
            .Validate(o => !o.Validate().Any(), $"Invalid {DurableOptions.SectionName} options.").ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<DurableOptions>>().Value);
        services.TryAddSingleton<ICampaignLifecycle, InvocationCampaignLifecycle>();
        services.TryAddSingleton<IRecipientSource, ImportRecipientSource>();

        // AddHeraldDurable adds nothing once a sidecar is registered: this one is never resolved.
        services.TryAddSingleton<DurableSidecar>(_ => throw new InvalidOperationException("A Functions app has no Durable Task sidecar: the Functions host runs the task hub."));
        return services;
    }
}
