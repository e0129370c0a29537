using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Herald.Host.Audit;

/// <summary>Registers the audit log.</summary>
public static class AuditExtensions
{
    /// <summary>Adds the in-memory <see cref="IAuditLog"/> (TryAdd: the table-backed one, registered first when there is storage, wins).</summary>
    public static IServiceCollection AddHeraldAudit(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<InMemoryAuditLog>();
        services.TryAddSingleton<IAuditLog>(sp => sp.GetRequiredService<InMemoryAuditLog>());
        return services;
    }
}
