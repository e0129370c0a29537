using Herald.Host.Tenancy;

namespace Herald.Host.Logging;

/// <summary>
/// Log scopes for API requests (R31): every line written while serving a tenant's request carries <c>TenantId</c>, and
/// the <c>CampaignId</c> or <c>AccountId</c> of the route, so logs are searchable per tenant and task. The engine's ticks
/// add their own (tenant, account, campaign). With the JSON console formatter (<c>Logging:Console:FormatterName=json</c>,
/// the default outside Development) scopes are written as properties.
/// </summary>
public static class LogScopeExtensions
{
    private static readonly (string Prefix, string Name)[] Resources = [("/api/campaigns", "CampaignId"), ("/api/accounts", "AccountId")];

    /// <summary>Opens the scope after authentication, once the tenant is known.</summary>
    public static WebApplication UseHeraldLogScopes(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Herald.Host.Requests");
        app.Use(async (context, next) =>
        {
            if (context.FindTenantId() is not { } tenant)
            {
                await next(context);
                return;
            }

            var state = new Dictionary<string, object?> { ["TenantId"] = tenant };
            if (context.Request.RouteValues.TryGetValue("id", out var id) && id is string value)
            {
                foreach (var (prefix, name) in Resources)
                {
                    if (context.Request.Path.StartsWithSegments(prefix, StringComparison.Ordinal))
                    {
                        state[name] = value;
                    }
                }
            }

            using (logger.BeginScope(state))
            {
                await next(context);
            }
        });
        return app;
    }
}
