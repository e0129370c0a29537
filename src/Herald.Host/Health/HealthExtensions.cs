using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Herald.Host.Health;

/// <summary>Registers the readiness probe and its checks.</summary>
public static class HealthExtensions
{
    /// <summary>Adds the probe behind <c>/readyz</c>; dependencies add their checks with <see cref="AddReadinessCheck{T}"/>.</summary>
    public static IHostApplicationBuilder AddHeraldHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReadinessOptions>()
            .Bind(builder.Configuration.GetSection(ReadinessOptions.SectionName))
            .Validate(o => o.CheckTimeout > TimeSpan.Zero, $"{ReadinessOptions.SectionName}:CheckTimeout must be positive.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<ReadinessProbe>();
        return builder;
    }

    /// <summary>Adds <typeparamref name="T"/> to the checks <c>/readyz</c> runs (once per type).</summary>
    public static IServiceCollection AddReadinessCheck<T>(this IServiceCollection services)
        where T : class, IReadinessCheck
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReadinessCheck, T>());
        return services;
    }
}
