namespace Herald.Simulator.WhatsApp;

/// <summary>Registers the simulated WhatsApp Cloud API.</summary>
internal static class ServiceCollectionExtensions
{
    public static IServiceCollection AddWhatsAppCloudSimulator(this IServiceCollection services, WhatsAppScenario scenario, TimeProvider time)
    {
        services.AddSingleton(new WhatsAppCloudState(scenario, time));
        services.AddHostedService<WhatsAppWebhookSender>();
        services.Configure<RouteOptions>(o => o.SetParameterPolicy<GraphVersionConstraint>(WhatsAppCloudApi.VersionConstraint));
        return services;
    }
}
