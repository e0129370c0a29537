using System.Security.Cryptography;
using System.Text;

namespace Herald.Simulator.WhatsApp;

/// <summary>
/// Makes the webhook calls one after another, each signed with the app secret (<c>X-Hub-Signature-256:
/// sha256=…</c>), as Meta does; a call that fails is counted and dropped (Meta would retry later).
/// </summary>
internal sealed class WhatsAppWebhookSender(WhatsAppCloudState state, ILogger<WhatsAppWebhookSender> logger) : BackgroundService
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (url, secret, body) in state.Webhooks.Reader.ReadAllAsync(stoppingToken))
            {
                var bytes = Encoding.UTF8.GetBytes(body);
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(bytes) };
                request.Content.Headers.ContentType = new("application/json");
                request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), bytes)));
                try
                {
                    using var response = await _http.SendAsync(request, stoppingToken);
                    state.CountWebhook(response.IsSuccessStatusCode);
                    Log.WebhookAnswered(logger, (int)response.StatusCode);
                }
                catch (HttpRequestException)
                {
                    state.CountWebhook(false);
                }
                catch (TaskCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    state.CountWebhook(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: webhooks still due are dropped.
        }
    }
}
