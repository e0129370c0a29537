using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Herald.Host.Audit;

/// <summary>Registers the audit log.</summary>
public static class AuditExtensions
{
    /// <summary>Adds <see cref="IAuditLog"/> (in memory for now; TryAdd, so a table-backed one registered first wins).</summary>
    public static IServiceCollection AddHeraldAudit(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<InMemoryAuditLog>();
        services.TryAddSingleton<IAuditLog>(sp => sp.GetRequiredService<InMemoryAuditLog>());
        return services;
    }
}
