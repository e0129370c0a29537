using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Herald.Host.Development;

/// <summary>The seam for the local run: dependencies the Development host starts for you.</summary>
public static class DevelopmentExtensions
{
    /// <summary>In Development, adds the hosted service that starts the registered <see cref="IDevelopmentDependency"/>s.</summary>
    public static IHostApplicationBuilder AddHeraldDevelopmentDependencies(this IHostApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddHostedService<DevelopmentDependencies>();
        }

        return builder;
    }

    /// <summary>Adds <typeparamref name="T"/> to the dependencies the Development host starts (once per type).</summary>
    public static IServiceCollection AddDevelopmentDependency<T>(this IServiceCollection services)
        where T : class, IDevelopmentDependency
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDevelopmentDependency, T>());
        return services;
    }
}
