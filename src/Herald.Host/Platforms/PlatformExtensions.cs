using Herald.Platforms.Email;
using Herald.Platforms.TelegramBot;
using Herald.Platforms.WhatsAppCloud;

namespace Herald.Host.Platforms;

/// <summary>Registers the messenger platforms the engine acts through.</summary>
public static class PlatformExtensions
{
    /// <summary>The configuration section of the Telegram Bot API platform (<see cref="TelegramBotOptions"/>).</summary>
    public const string TelegramBotSectionName = "Herald:" + TelegramBotOptions.SectionName;

    /// <summary>The configuration section of the WhatsApp Cloud API platform (<see cref="WhatsAppCloudOptions"/>).</summary>
    public const string WhatsAppCloudSectionName = "Herald:" + WhatsAppCloudOptions.SectionName;

    /// <summary>The configuration section of the e-mail platform (<see cref="EmailOptions"/>).</summary>
    public const string EmailSectionName = "Herald:" + EmailOptions.SectionName;

    /// <summary>
    /// Adds the Telegram Bot API platform (<c>AddTelegramBotPlatform</c>) with its options bound from
    /// <c>Herald:Platforms:TelegramBot</c> (in Development its <c>BaseUrl</c> may be set to the simulator), and the WhatsApp Cloud API
    /// platform (<c>AddWhatsAppCloudPlatform</c>) from <c>Herald:Platforms:WhatsAppCloud</c>, and the e-mail platform
    /// (<c>AddEmailPlatform</c>) from <c>Herald:Platforms:Email</c>.
    /// </summary>
    public static IHostApplicationBuilder AddHeraldPlatforms(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelegramBotOptions>().Bind(builder.Configuration.GetSection(TelegramBotSectionName));
        builder.Services.AddTelegramBotPlatform();
        builder.Services.AddOptions<WhatsAppCloudOptions>().Bind(builder.Configuration.GetSection(WhatsAppCloudSectionName));
        builder.Services.AddWhatsAppCloudPlatform();
        builder.Services.AddOptions<EmailOptions>().Bind(builder.Configuration.GetSection(EmailSectionName));
        builder.Services.AddEmailPlatform();
        return builder;
    }
}
