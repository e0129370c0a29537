using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Herald.Host.Email;

/// <summary>Registers what the host adds to the e-mail platform: account registration and one-click unsubscribes.</summary>
internal static class EmailHostExtensions
{
    /// <summary>Needs the engine (suppressions, accounts) and the platform (<c>AddHeraldPlatforms</c>).</summary>
    public static IServiceCollection AddHeraldEmail(this IServiceCollection services)
    {
        services.TryAddSingleton<EmailAccountRegistration>();
        services.TryAddSingleton<UnsubscribeHandler>();
        return services;
    }
}
