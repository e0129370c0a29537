using Herald.Platforms.TelegramBot;
using Microsoft.Extensions.Options;

namespace Herald.Host.Alerts;

/// <summary>
/// Sends alert texts to the operators' chat with the Bot API's <c>sendMessage</c>, as plain text. Its HTTP client logs
/// nothing: the bot token is part of every request URL.
/// </summary>
public sealed class AlertSender(IHttpClientFactory clients, IOptions<AlertOptions> options, IOptions<TelegramBotOptions> telegram, ILogger<AlertSender> logger)
{
    /// <summary>The named HTTP client (its loggers removed).</summary>
    public const string HttpClientName = "herald-alerts";

    /// <summary>True when the Bot API accepted the message.</summary>
    public async Task<bool> SendAsync(OperatorAlert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var settings = options.Value;
        var baseUrl = (settings.BaseUrl ?? telegram.Value.BaseUrl).TrimEnd('/');
        using var http = clients.CreateClient(HttpClientName);
        try
        {
            using var response = await http.PostAsJsonAsync(
                new Uri($"{baseUrl}/bot{settings.BotToken}/sendMessage"),
                new { chat_id = ChatOf(settings.ChatId!), text = alert.Text },
                cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                Log.AlertSent(logger, alert.Kind, alert.TenantId, alert.SubjectId);
                return true;
            }

            Log.AlertRefused(logger, alert.Kind, (int)response.StatusCode);
            return false;
        }
        catch (HttpRequestException ex)
        {
            Log.AlertRefused(logger, alert.Kind, (int?)ex.StatusCode ?? 0);
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log.AlertRefused(logger, alert.Kind, 0);
            return false;
        }
    }

    // A numeric chat id goes as a number, a @channel as a string (both are Bot API chat ids).
    private static object ChatOf(string chat) =>
        long.TryParse(chat, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : chat;
}
