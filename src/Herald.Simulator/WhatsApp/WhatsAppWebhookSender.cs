using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Herald.Simulator.WhatsApp;

/// <summary>
/// Makes the webhook calls one after another, each signed with the app secret (<c>X-Hub-Signature-256:
/// sha256=…</c>), as Meta does; a call that fails is counted and dropped (Meta would retry later). Like Meta under
/// load, one call carries every notification already due for the same receiver (up to <see cref="MaxEntriesPerCall"/>
/// entries, in order).
/// </summary>
internal sealed class WhatsAppWebhookSender(WhatsAppCloudState state, ILogger<WhatsAppWebhookSender> logger) : BackgroundService
{
    /// <summary>The most notifications (<c>entry[]</c> items) one call carries.</summary>
    public const int MaxEntriesPerCall = 100;

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private (string Url, string Secret, string Body)? _held;

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var (url, secret, body) = await NextAsync(stoppingToken);
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

    // The next call: the first notification due, with the entries of those queued behind it for the same receiver.
    private async Task<(string Url, string Secret, string Body)> NextAsync(CancellationToken cancellationToken)
    {
        var reader = state.Webhooks.Reader;
        var first = _held ?? await reader.ReadAsync(cancellationToken);
        _held = null;
        JsonObject? merged = null;
        var entries = 1;
        while (entries < MaxEntriesPerCall && reader.TryRead(out var next))
        {
            if (next.Url != first.Url || next.Secret != first.Secret)
            {
                _held = next;
                break;
            }

            merged ??= JsonNode.Parse(first.Body)!.AsObject();
            foreach (var entry in JsonNode.Parse(next.Body)!["entry"]!.AsArray().ToList())
            {
                entry!.Parent!.AsArray().Remove(entry);
                merged["entry"]!.AsArray().Add(entry);
            }

            entries++;
        }

        return merged is null ? first : (first.Url, first.Secret, merged.ToJsonString());
    }
}
