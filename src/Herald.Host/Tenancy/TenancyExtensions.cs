using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Herald.Host.Tenancy;

/// <summary>Registers the tenant accessor.</summary>
public static class TenancyExtensions
{
    /// <summary>Adds <see cref="ITenantContext"/> (scoped) for endpoints and services that run inside a request.</summary>
    public static IServiceCollection AddHeraldTenancy(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.TryAddScoped<ITenantContext, HttpTenantContext>();
        return services;
    }
}
