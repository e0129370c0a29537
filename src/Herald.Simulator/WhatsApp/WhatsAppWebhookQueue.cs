using System.Threading.Channels;

namespace Herald.Simulator.WhatsApp;

/// <summary>Webhook calls due, in order (a message's <c>sent</c> before its <c>delivered</c>); <see cref="WhatsAppWebhookSender"/> makes them.</summary>
internal sealed class WhatsAppWebhookQueue
{
    private readonly Channel<(string Url, string Secret, string Body)> _channel = Channel.CreateUnbounded<(string, string, string)>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<(string Url, string Secret, string Body)> Reader => _channel.Reader;

    public void Enqueue(string body, WhatsAppScenario scenario)
    {
        if (scenario.WebhookUrl is { Length: > 0 } url)
        {
            _channel.Writer.TryWrite((url, scenario.AppSecret, body));
        }
    }
}
