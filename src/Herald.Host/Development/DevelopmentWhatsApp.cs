using Herald.Host.Apis;
using Herald.Platforms.WhatsAppCloud;

namespace Herald.Host.Development;

/// <summary>
/// Points the WhatsApp Cloud API platform at the development simulator, and the simulator's webhooks back at this
/// host, both signed with the simulator's app secret unless one is configured (a demo needs no Meta app).
/// </summary>
internal static class DevelopmentWhatsApp
{
    /// <summary>The verify token of the webhook handshake in Development, unless one is configured.</summary>
    public const string VerifyToken = "herald-development";

    public static void PointAtSimulator(WhatsAppCloudOptions options, DevelopmentSimulator simulator, string? hostUrl)
    {
        var running = simulator.Running;
        options.BaseUrl = running.BaseUri.ToString();
        options.VerifyToken ??= VerifyToken;
        if (options.AppSecret is { Length: > 0 } secret)
        {
            running.WhatsApp.Configure(s => s.AppSecret = secret);
        }
        else
        {
            options.AppSecret = running.WhatsApp.Scenario.AppSecret;
        }

        if (hostUrl is { Length: > 0 } && Uri.TryCreate(hostUrl.Replace("*", "127.0.0.1", StringComparison.Ordinal).Replace("+", "127.0.0.1", StringComparison.Ordinal), UriKind.Absolute, out var host))
        {
            running.WhatsApp.Configure(s => s.WebhookUrl ??= new Uri(host, WhatsAppApi.WebhookPath).ToString());
        }
    }
}
