using System.Globalization;
using System.Text.Json;

namespace Herald.Simulator.WhatsApp;

// POST /{version}/{phone-number-id}/messages: the rules in the order the Cloud API applies them.
public sealed partial class WhatsAppCloudState
{
    internal WhatsAppAnswer Send(string phoneNumberId, string? token, JsonElement body)
    {
        WhatsAppAnswer answer;
        WhatsAppScenario scenario;
        WhatsAppDelivery? accepted = null;
        lock (_gate)
        {
            scenario = _scenario;
            answer = Decide(phoneNumberId, token, body, out accepted);
            if (answer.Status != 200)
            {
                _refused++;
            }
        }

        if (accepted is not null)
        {
            Webhooks.Enqueue(WhatsAppWebhookBodies.Status(accepted, "sent", TimeProvider.GetUtcNow()), scenario);
            if (scenario.ReceiptFailedRecipients.Contains(accepted.To))
            {
                Webhooks.Enqueue(WhatsAppWebhookBodies.Status(accepted, "failed", TimeProvider.GetUtcNow(), WhatsAppScenario.ReceiptFailedCode), scenario);
            }
            else if (scenario.ReportDelivered)
            {
                Webhooks.Enqueue(WhatsAppWebhookBodies.Status(accepted, "delivered", TimeProvider.GetUtcNow()), scenario);
            }
        }

        return answer;
    }

    private WhatsAppAnswer Decide(string phoneNumberId, string? token, JsonElement body, out WhatsAppDelivery? accepted)
    {
        accepted = null;
        if (Unauthorized(token) is { } refused)
        {
            return refused;
        }

        if (Str(body, "messaging_product") != "whatsapp" || Str(body, "to") is not { Length: > 0 } to || Str(body, "type") is not { } type)
        {
            return WhatsAppAnswer.Error(400, 100, "(#100) Invalid parameter", "OAuthException");
        }

        var forced = _forced.FirstOrDefault(f => f.PhoneNumberId is null || f.PhoneNumberId == phoneNumberId);
        if (forced is not null)
        {
            _forced.Remove(forced);
            if (forced.Count > 1)
            {
                _forced.Insert(0, forced with { Count = forced.Count - 1 });
            }

            return WhatsAppAnswer.Error(forced.HttpStatus, forced.Code, FormattableString.Invariant($"(#{forced.Code}) Simulated error"));
        }

        var now = TimeProvider.GetUtcNow();
        var bucket = _buckets.TryGetValue(phoneNumberId, out var b) ? b : _buckets[phoneNumberId] = new Telegram.TokenBucket(_scenario.MessagesPerSecond, now);
        if (bucket.TimeUntilToken(now, _scenario.MessagesPerSecond, _scenario.MessagesPerSecond) > TimeSpan.Zero)
        {
            _throughput429++;
            return WhatsAppAnswer.Error(429, 130429, "(#130429) Rate limit hit");
        }

        if (_lastTo.TryGetValue((phoneNumberId, to), out var last) && now - last < _scenario.PerRecipientInterval)
        {
            _recipientTooOften++;
            return WhatsAppAnswer.Error(400, 131056, "(#131056) (Business Account, Consumer Account) pair rate limit hit");
        }

        if (_scenario.UndeliverableRecipients.Contains(to))
        {
            return WhatsAppAnswer.Error(400, 131026, "(#131026) Message undeliverable");
        }

        var (text, parameters, problem) = Content(body, type, to, now);
        if (problem is not null)
        {
            return problem;
        }

        var number = NumberOf(phoneNumberId);
        var window = _tierWindows.TryGetValue(phoneNumberId, out var w) ? w : _tierWindows[phoneNumberId] = new(StringComparer.Ordinal);
        foreach (var (recipient, at) in window.Where(p => now - p.Value >= Day).ToList())
        {
            window.Remove(recipient);
        }

        if (number.Tier > 0 && !window.ContainsKey(to) && window.Count >= number.Tier)
        {
            _tierViolations++;
            return WhatsAppAnswer.Error(400, 131048, "(#131048) Spam rate limit hit: messaging limit reached");
        }

        window.TryAdd(to, now);
        bucket.Take(now, _scenario.MessagesPerSecond, _scenario.MessagesPerSecond);
        _lastTo[(phoneNumberId, to)] = now;
        var id = "wamid.SIM" + (++_nextId).ToString("D10", CultureInfo.InvariantCulture);
        accepted = new WhatsAppDelivery(id, phoneNumberId, to, type, text!, parameters, now);
        _deliveries.Add(accepted);
        return WhatsAppAnswer.Accepted(to, id);
    }

    private (string? Text, IReadOnlyList<string> Parameters, WhatsAppAnswer? Problem) Content(JsonElement body, string type, string to, DateTimeOffset now)
    {
        if (type == "text")
        {
            var text = body.TryGetProperty("text", out var t) ? Str(t, "body") : null;
            if (string.IsNullOrEmpty(text))
            {
                return (null, [], WhatsAppAnswer.Error(400, 100, "(#100) The parameter text['body'] is required."));
            }

            var open = _scenario.WindowAlwaysOpen || (_repliedAt.TryGetValue(to, out var replied) && now - replied < Day);
            return open
                ? (text, [], null)
                : (null, [], WhatsAppAnswer.Error(400, 131047, "(#131047) Re-engagement message: more than 24 hours have passed since the recipient last replied"));
        }

        if (type != "template" || !body.TryGetProperty("template", out var template))
        {
            return (null, [], WhatsAppAnswer.Error(400, 100, "(#100) Invalid parameter"));
        }

        var name = Str(template, "name");
        var language = template.TryGetProperty("language", out var l) ? Str(l, "code") : null;
        var parameters = new List<string>();
        if (template.TryGetProperty("components", out var components) && components.ValueKind == JsonValueKind.Array)
        {
            foreach (var component in components.EnumerateArray())
            {
                if (Str(component, "type") == "body" && component.TryGetProperty("parameters", out var ps) && ps.ValueKind == JsonValueKind.Array)
                {
                    parameters.AddRange(ps.EnumerateArray().Select(p => Str(p, "text") ?? ""));
                }
            }
        }

        var approved = _scenario.Templates.FirstOrDefault(x => x.Name == name && x.Language == language);
        if (approved is null)
        {
            return (null, [], WhatsAppAnswer.Error(404, 132001, "(#132001) Template name does not exist in the translation"));
        }

        return approved.BodyParameters != parameters.Count
            ? (null, [], WhatsAppAnswer.Error(400, 132000, "(#132000) Number of parameters does not match the expected number of params"))
            : (name, parameters, null);
    }
}
