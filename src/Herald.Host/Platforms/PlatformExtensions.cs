using Herald.Platforms.TelegramBot;

namespace Herald.Host.Platforms;

/// <summary>Registers the messenger platforms the engine acts through.</summary>
public static class PlatformExtensions
{
    /// <summary>The configuration section of the Telegram Bot API platform (<see cref="TelegramBotOptions"/>).</summary>
    public const string TelegramBotSectionName = "Herald:" + TelegramBotOptions.SectionName;

    /// <summary>
    /// Adds the Telegram Bot API platform (<c>AddTelegramBotPlatform</c>) with its options bound from
    /// <c>Herald:Platforms:TelegramBot</c> (in Development its <c>BaseUrl</c> may be set to the simulator).
    /// </summary>
    public static IHostApplicationBuilder AddHeraldPlatforms(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelegramBotOptions>().Bind(builder.Configuration.GetSection(TelegramBotSectionName));
        builder.Services.AddTelegramBotPlatform();
        return builder;
    }
}
