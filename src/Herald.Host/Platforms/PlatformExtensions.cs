using Azure.Storage.Blobs;
using Herald.Platforms.Email;
using Herald.Platforms.TelegramBot;
using Herald.Platforms.TelegramUser;
using Herald.Platforms.TelegramUser.Sessions;
using Herald.Platforms.WhatsAppCloud;
using Herald.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Herald.Host.Platforms;

/// <summary>Registers the messenger platforms the engine acts through.</summary>
public static class PlatformExtensions
{
    /// <summary>The configuration section of the Telegram Bot API platform (<see cref="TelegramBotOptions"/>).</summary>
    public const string TelegramBotSectionName = "Herald:" + TelegramBotOptions.SectionName;

    /// <summary>The configuration section of Telegram user accounts through TDLib (<see cref="TelegramUserOptions"/>).</summary>
    public const string TelegramUserSectionName = "Herald:" + TelegramUserOptions.SectionName;

    /// <summary>The configuration section of the WhatsApp Cloud API platform (<see cref="WhatsAppCloudOptions"/>).</summary>
    public const string WhatsAppCloudSectionName = "Herald:" + WhatsAppCloudOptions.SectionName;

    /// <summary>The configuration section of the e-mail platform (<see cref="EmailOptions"/>).</summary>
    public const string EmailSectionName = "Herald:" + EmailOptions.SectionName;

    /// <summary>
    /// Adds the Telegram Bot API platform (<c>AddTelegramBotPlatform</c>) with its options bound from
    /// <c>Herald:Platforms:TelegramBot</c> (in Development its <c>BaseUrl</c> may be set to the simulator), and Telegram
    /// user accounts through TDLib (<c>AddTelegramUserPlatform</c>, options from <c>Herald:TelegramUser</c>: libtdjson from
    /// node_modules or <c>TdJsonPath</c>, or the simulated TDLib at <c>SimulatorUrl</c>) with their sessions in the blob
    /// container <c>SessionContainer</c> of the storage account when a connection string is configured (else on this machine).
    /// The WhatsApp Cloud API platform (<c>AddWhatsAppCloudPlatform</c>) from <c>Herald:Platforms:WhatsAppCloud</c> and the
    /// e-mail platform (<c>AddEmailPlatform</c>) from <c>Herald:Platforms:Email</c>.
    /// </summary>
    public static IHostApplicationBuilder AddHeraldPlatforms(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelegramBotOptions>().Bind(builder.Configuration.GetSection(TelegramBotSectionName));
        builder.Services.AddTelegramBotPlatform();
        builder.Services.AddOptions<TelegramUserOptions>().Bind(builder.Configuration.GetSection(TelegramUserSectionName));
        builder.Services.TryAddSingleton<ITdSessionStore>(sp =>
        {
            var storage = sp.GetService<IOptions<StorageOptions>>()?.Value.ConnectionString;
            return string.IsNullOrWhiteSpace(storage)
                ? new LocalTdSessionStore()
                : new BlobTdSessionStore(new BlobServiceClient(storage).GetBlobContainerClient(sp.GetRequiredService<IOptions<TelegramUserOptions>>().Value.SessionContainer));
        });
        builder.Services.AddTelegramUserPlatform();
        builder.Services.AddOptions<WhatsAppCloudOptions>().Bind(builder.Configuration.GetSection(WhatsAppCloudSectionName));
        builder.Services.AddWhatsAppCloudPlatform();
        builder.Services.AddOptions<EmailOptions>().Bind(builder.Configuration.GetSection(EmailSectionName));
        builder.Services.AddEmailPlatform();
        return builder;
    }
}
