using Herald.Core.Limits;
using Herald.Core.Pacing;
using Herald.Core.Phones;
using Herald.Core.Planning;
using Herald.Core.Work;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Herald.Core;

/// <summary>Registers Herald's pure core: limits, pacing, work choice, planning, phone normalisation.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Herald:Limits</c>, <c>Herald:Pacing</c>, <c>Herald:Work</c> and <c>Herald:Phones</c> from
    /// <paramref name="configuration"/> (the root), validates the limits and phones on start (R35), and registers
    /// <see cref="PlatformLimits"/>, <see cref="PacingPolicy"/>, <see cref="WorkChooser"/>, <see cref="CampaignView"/>,
    /// <see cref="StartPlanner"/> and <see cref="PhoneNormalizer"/> as singletons. Idempotent.
    /// </summary>
    public static IServiceCollection AddHeraldCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PlatformLimitsOptions>().Bind(configuration.GetSection(PlatformLimitsOptions.SectionName)).ValidateOnStart();
        services.AddOptions<PacingOptions>().Bind(configuration.GetSection(PacingOptions.SectionName))
            .Validate(o => o.Validate().Count == 0, "Invalid Herald:Pacing options.").ValidateOnStart();
        services.AddOptions<WorkChoiceOptions>().Bind(configuration.GetSection(WorkChoiceOptions.SectionName));
        services.AddOptions<PhoneNormalizerOptions>().Bind(configuration.GetSection(PhoneNormalizerOptions.SectionName))
            .Validate(o => o.Validate().Count == 0, "Invalid Herald:Phones options: DefaultRegion must be an ISO 3166-1 alpha-2 region such as RU.").ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlatformLimitsOptions>, PlatformLimitsOptionsValidator>());
        services.TryAddSingleton(sp => new PlatformLimits(sp.GetRequiredService<IOptions<PlatformLimitsOptions>>()));
        services.TryAddSingleton(sp => new PacingPolicy(sp.GetRequiredService<IOptions<PacingOptions>>()));
        services.TryAddSingleton(sp => new WorkChooser(sp.GetRequiredService<PacingPolicy>(), sp.GetRequiredService<IOptions<WorkChoiceOptions>>().Value));
        services.TryAddSingleton(sp => new CampaignView(sp.GetRequiredService<PacingPolicy>()));
        services.TryAddSingleton(sp => new StartPlanner(sp.GetRequiredService<PacingPolicy>()));
        services.TryAddSingleton(sp => new PhoneNormalizer(sp.GetRequiredService<IOptions<PhoneNormalizerOptions>>().Value));
        return services;
    }
}
