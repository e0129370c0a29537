using Herald.Host.Alerts;
using Herald.Host.Audit;
using Herald.Host.Authentication;
using Herald.Host.Dashboard;
using Herald.Host.Development;
using Herald.Core;
using Herald.Host.Apis;
using Herald.Host.Health;
using Herald.Host.Integrations;
using Herald.Host.Logging;
using Herald.Host.Metrics;
using Herald.Host.OpenApi;
using Herald.Host.Platforms;
using Herald.Host.Secrets;
using Herald.Host.Storage;
using Herald.Host.Tracing;
using Herald.Host.Validation;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Herald.Host.Hosting;

/// <summary>Composes the host's foundation: what <c>Program.cs</c> (and test hosts) call before mapping the APIs.</summary>
public static class HeraldApiExtensions
{
    /// <summary>
    /// Adds problem details and strict JSON, storage (with the table-backed audit log and API keys, when there is
    /// storage), authentication and tenancy, secrets, health, OpenAPI, the audit log, the core policies
    /// (<c>AddHeraldCore</c>), the platforms, the engine with its workers and the API's stores (when there is storage:
    /// <see cref="EngineHostExtensions.AddHeraldEngineHost"/>), integration-service and parsing-service (when configured), the development seam (Azurite and the simulator in
    /// Development), the Prometheus metrics, the operator alerts and
    /// OpenTelemetry traces (when configured).
    /// </summary>
    public static WebApplicationBuilder AddHeraldApi(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddHeraldValidation();
        builder.AddHeraldHostStorage();
        builder.AddHeraldAuthentication();
        builder.AddHeraldSecrets();
        builder.AddHeraldHealth();
        builder.AddHeraldOpenApi();
        builder.Services.AddHeraldAudit();
        builder.Services.AddHeraldCore(builder.Configuration);
        builder.AddHeraldPlatforms();
        builder.AddHeraldEngineHost();
        builder.AddHeraldIntegrations();
        builder.AddHeraldDevelopmentDependencies();
        builder.AddHeraldMetrics();
        builder.AddHeraldAlerts();
        builder.AddHeraldTracing();
        return builder;
    }

    /// <summary>
    /// The middleware order: exceptions and bare status codes become problem details (a storage outage 503 with
    /// <c>Retry-After</c>); every request's storage calls get a short budget; Swagger UI and the dashboard's files
    /// before authorization (they are public); then authentication and authorization (every endpoint needs a tenant unless anonymous), and the tenant's log scope.
    /// </summary>
    public static WebApplication UseHeraldApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseHeraldStorageBudget();
        app.UseHeraldSwaggerUI();
        app.UseHeraldDashboard();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseHeraldLogScopes();
        app.MapHeraldOpenApi();
        return app;
    }

    /// <summary>
    /// Herald's endpoint table, the one both hosts serve (the local host's <c>Program.cs</c> and the Azure Functions
    /// worker): the health probes and metrics always; with <paramref name="apiRoutes"/> identity, audit and the dashboard's config, and the resource APIs
    /// when the engine is composed in (<see cref="EngineHostExtensions.HasHeraldEngine"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapHeraldEndpoints(this IEndpointRouteBuilder app, bool apiRoutes = true)
    {
        app.MapHealthApi();
        app.MapHeraldMetrics();
        if (!apiRoutes)
        {
            return app;
        }

        app.MapWhoAmIApi();
        app.MapAuditApi();
        app.MapDashboardApi(app.ServiceProvider.GetRequiredService<IHostEnvironment>());
        if (app.HasHeraldEngine())
        {
            app.MapCampaignsApi();
            app.MapImportsApi();
            app.MapSuppressionsApi();
            app.MapAccountsApi();
            app.MapMessagesApi();
            app.MapApiKeysApi();
            app.MapWhatsAppApi();
            app.MapEmailApi();
        }

        return app;
    }
}
