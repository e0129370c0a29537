using Herald.Platforms.Abstractions;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Herald.Host.WhatsApp;

/// <summary>Registers what the host adds to the WhatsApp Cloud API platform: delivery receipts, webhooks, number registration.</summary>
internal static class WhatsAppHostExtensions
{
    /// <summary>Needs the engine's storage (tables) and the platform (<c>AddHeraldPlatforms</c>).</summary>
    public static IServiceCollection AddHeraldWhatsApp(this IServiceCollection services)
    {
        services.TryAddSingleton<DeliveryStore>();
        services.TryAddSingleton<DeliveryEraser>();
        services.TryAddSingleton<ISentMessageLog, CampaignSentMessageLog>();
        services.TryAddSingleton<WhatsAppWebhookHandler>();
        services.TryAddSingleton<WhatsAppNumberRegistration>();
        return services;
    }
}
