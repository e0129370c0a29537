using Herald.Core.Phones;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Herald.Core.Imports;

/// <summary>Registers recipient imports.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Binds default <see cref="ImportOptions"/> (limits) from <c>Herald:Imports</c> and registers
    /// <see cref="RecipientImporter"/> and <see cref="RecipientListValidator"/> as singletons over the registered
    /// <see cref="PhoneNormalizer"/> (from <c>AddHeraldCore</c>) and <see cref="TimeProvider"/> (the system clock unless one is
    /// registered). Idempotent.
    /// </summary>
    public static IServiceCollection AddHeraldImports(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(RecipientImporter)))
        {
            // A second Bind would append list options (PhonePrefixes) twice.
            return services;
        }

        services.AddOptions<ImportOptions>().Bind(configuration.GetSection(ImportOptions.SectionName))
            .Validate(o => o.Validate().Count == 0, "Invalid Herald:Imports options.").ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new RecipientImporter(sp.GetRequiredService<PhoneNormalizer>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new RecipientListValidator(sp.GetRequiredService<PhoneNormalizer>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
