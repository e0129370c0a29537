using System.Globalization;
using System.Text.Json.Nodes;

namespace Herald.Simulator.WhatsApp;

/// <summary>Webhook bodies in the Cloud API's shape: <c>{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{…}}]}]}</c>.</summary>
internal static class WhatsAppWebhookBodies
{
    public static string Status(WhatsAppDelivery delivery, string status, DateTimeOffset at, int? errorCode = null)
    {
        var item = new JsonObject
        {
            ["id"] = delivery.MessageId,
            ["status"] = status,
            ["timestamp"] = Seconds(at),
            ["recipient_id"] = delivery.To,
        };
        if (errorCode is { } code)
        {
            item["errors"] = new JsonArray(new JsonObject
            {
                ["code"] = code,
                ["title"] = "Message failed to send",
                ["error_data"] = new JsonObject { ["details"] = "Simulated failure after the message was accepted" },
            });
        }

        return Wrap(delivery.PhoneNumberId, new JsonObject { ["statuses"] = new JsonArray(item) });
    }

    public static string Message(string phoneNumberId, string from, string text, DateTimeOffset at) => Wrap(phoneNumberId, new JsonObject
    {
        ["contacts"] = new JsonArray(new JsonObject { ["wa_id"] = from }),
        ["messages"] = new JsonArray(new JsonObject
        {
            ["from"] = from,
            ["id"] = "wamid.IN" + Guid.NewGuid().ToString("N")[..12],
            ["timestamp"] = Seconds(at),
            ["type"] = "text",
            ["text"] = new JsonObject { ["body"] = text },
        }),
    });

    private static string Wrap(string phoneNumberId, JsonObject value)
    {
        value["messaging_product"] = "whatsapp";
        value["metadata"] = new JsonObject { ["display_phone_number"] = phoneNumberId, ["phone_number_id"] = phoneNumberId };
        return new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "sim-waba",
                ["changes"] = new JsonArray(new JsonObject { ["field"] = "messages", ["value"] = value }),
            }),
        }.ToJsonString();
    }

    private static string Seconds(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
