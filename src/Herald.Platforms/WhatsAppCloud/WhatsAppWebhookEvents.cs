using System.Text.Json;

namespace Herald.Platforms.WhatsAppCloud;

/// <summary>A message status from a webhook: <c>statuses[]{id, status, recipient_id, errors[]}</c>.</summary>
/// <param name="PhoneNumberId">The business number it is about (<c>metadata.phone_number_id</c>).</param>
/// <param name="MessageId">The <c>wamid</c> the send answered.</param>
/// <param name="Status"><c>sent</c>, <c>delivered</c>, <c>read</c> or <c>failed</c>.</param>
/// <param name="ErrorCode">The first error's code for <c>failed</c>.</param>
public sealed record WhatsAppStatusEvent(string PhoneNumberId, string MessageId, string Status, int? ErrorCode);

/// <summary>A message a user wrote to a business number: <c>messages[]{from, type, text.body}</c>.</summary>
/// <param name="PhoneNumberId">The business number written to.</param>
/// <param name="From">The user's number (digits, as WhatsApp gives it).</param>
/// <param name="Text">The text, for text messages.</param>
public sealed record WhatsAppInboundMessage(string PhoneNumberId, string From, string? Text);

/// <summary>What one webhook call carried.</summary>
public sealed record WhatsAppWebhookEvents(IReadOnlyList<WhatsAppStatusEvent> Statuses, IReadOnlyList<WhatsAppInboundMessage> Messages)
{
    /// <summary>Reads <c>{"object":"whatsapp_business_account","entry":[{"changes":[{"value":{…}}]}]}</c>; null when it is not that.</summary>
    public static WhatsAppWebhookEvents? Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body.ToArray());
            if (!doc.RootElement.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var statuses = new List<WhatsAppStatusEvent>();
            var messages = new List<WhatsAppInboundMessage>();
            foreach (var entry in entries.EnumerateArray())
            {
                if (!entry.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var change in changes.EnumerateArray())
                {
                    if (change.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object)
                    {
                        Read(value, statuses, messages);
                    }
                }
            }

            return new WhatsAppWebhookEvents(statuses, messages);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Read(JsonElement value, List<WhatsAppStatusEvent> statuses, List<WhatsAppInboundMessage> messages)
    {
        var number = value.TryGetProperty("metadata", out var metadata) ? Str(metadata, "phone_number_id") ?? "" : "";
        if (value.TryGetProperty("statuses", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var s in list.EnumerateArray())
            {
                if (Str(s, "id") is { } id && Str(s, "status") is { } status)
                {
                    int? code = s.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
                        && errors[0].TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : null;
                    statuses.Add(new WhatsAppStatusEvent(number, id, status.ToLowerInvariant(), code));
                }
            }
        }

        if (value.TryGetProperty("messages", out var inbound) && inbound.ValueKind == JsonValueKind.Array)
        {
            foreach (var m in inbound.EnumerateArray())
            {
                if (Str(m, "from") is { } from)
                {
                    var text = m.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.Object ? Str(t, "body") : null;
                    messages.Add(new WhatsAppInboundMessage(number, from, text));
                }
            }
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
