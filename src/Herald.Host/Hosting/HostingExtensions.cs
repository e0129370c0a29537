using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Herald.Host.Hosting;

/// <summary>Registers the settings every feature of the host shares.</summary>
public static class HostingExtensions
{
    /// <summary>Binds <see cref="HeraldHostOptions"/> from <c>Herald</c> and resolves the data directory.</summary>
    public static IServiceCollection AddHeraldHostOptions(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ImplementationType == typeof(HeraldHostOptionsSetup)))
        {
            return services;
        }

        services.AddOptions<HeraldHostOptions>().Bind(configuration.GetSection(HeraldHostOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<HeraldHostOptions>, HeraldHostOptionsSetup>());
        return services;
    }
}
