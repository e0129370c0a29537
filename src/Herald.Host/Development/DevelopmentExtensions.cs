using Herald.Host.Storage;
using Herald.Platforms.Email;
using Herald.Platforms.TelegramBot;
using Herald.Platforms.TelegramUser;
using Herald.Platforms.WhatsAppCloud;
using Herald.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Herald.Host.Development;

/// <summary>The seam for the local run: dependencies the Development host starts for you.</summary>
public static class DevelopmentExtensions
{
    /// <summary>
    /// In Development: binds <see cref="DevelopmentOptions"/>, adds the hosted service that starts the registered
    /// <see cref="IDevelopmentDependency"/>s, and — as <see cref="DevelopmentOptions"/> say — Azurite (its connection
    /// string becomes <see cref="StorageOptions.ConnectionString"/>) and the Telegram Bot API simulator (its address becomes
    /// <see cref="TelegramBotOptions.BaseUrl"/> and its simulated TDLib <see cref="TelegramUserOptions.SimulatorUrl"/>). Both start before anything reads those options, so clients built from
    /// them always see the launched addresses. Does nothing in other environments.
    /// </summary>
    public static IHostApplicationBuilder AddHeraldDevelopmentDependencies(this IHostApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            return builder;
        }

        var services = builder.Services;
        var section = builder.Configuration.GetSection(DevelopmentOptions.SectionName);
        services.AddOptions<DevelopmentOptions>().Bind(section)
            .Validate(o => o.SimulatorPort is >= 0 and <= 65535, $"{DevelopmentOptions.SectionName}:SimulatorPort must be 0 (any free port) or a port number.")
            .ValidateOnStart();
        services.AddHostedService<DevelopmentDependencies>();

        if (StartsAzurite(builder))
        {
            services.AddDevelopmentDependency<DevelopmentAzurite>();
            services.AddOptions<StorageOptions>().PostConfigure<DevelopmentAzurite>((storage, azurite) =>
            {
                storage.ConnectionString = azurite.ConnectionString;
                storage.TableEndpoint = null;
                storage.QueueEndpoint = null;
            });
        }

        if (section.GetValue<bool>(nameof(DevelopmentOptions.StartSimulator)))
        {
            services.AddDevelopmentDependency<DevelopmentSimulator>();
            services.AddOptions<TelegramBotOptions>().PostConfigure<DevelopmentSimulator>((telegram, simulator) =>
                telegram.BaseUrl = simulator.BaseUri.ToString());
            services.AddOptions<TelegramUserOptions>().PostConfigure<DevelopmentSimulator>((users, simulator) =>
                users.SimulatorUrl = simulator.BaseUri.ToString());
            var hostUrl = builder.Configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            services.AddOptions<WhatsAppCloudOptions>().PostConfigure<DevelopmentSimulator>((whatsApp, simulator) =>
                DevelopmentWhatsApp.PointAtSimulator(whatsApp, simulator, hostUrl));
            services.AddDevelopmentDependency<DevelopmentSmtp>();
            services.AddOptions<EmailOptions>().PostConfigure<DevelopmentSmtp>((email, smtp) => smtp.Configure(email, hostUrl));
        }

        return builder;
    }

    /// <summary>
    /// True when this host runs Azurite itself: in Development, when <see cref="DevelopmentOptions.StartAzurite"/> says
    /// so, or is unset and no storage is configured.
    /// </summary>
    public static bool StartsAzurite(IHostApplicationBuilder builder) =>
        builder.Environment.IsDevelopment()
        && (builder.Configuration.GetValue<bool?>($"{DevelopmentOptions.SectionName}:{nameof(DevelopmentOptions.StartAzurite)}")
            ?? !HostStorageConfiguration.IsConfigured(builder.Configuration));

    /// <summary>
    /// Adds <typeparamref name="T"/> (a singleton, resolvable as itself) to the dependencies the Development host
    /// starts (once per type).
    /// </summary>
    public static IServiceCollection AddDevelopmentDependency<T>(this IServiceCollection services)
        where T : class, IDevelopmentDependency
    {
        services.TryAddSingleton<T>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDevelopmentDependency, T>(sp => sp.GetRequiredService<T>()));
        return services;
    }
}
