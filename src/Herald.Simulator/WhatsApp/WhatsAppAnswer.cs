using System.Text.Json.Nodes;

namespace Herald.Simulator.WhatsApp;

/// <summary>An answer of the simulated Cloud API: status and JSON body, errors in Meta's shape.</summary>
internal sealed record WhatsAppAnswer(int Status, JsonObject Body)
{
    public static WhatsAppAnswer Error(int status, int code, string message, string type = "OAuthException") => new(status, new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["message"] = message,
            ["type"] = type,
            ["code"] = code,
            ["error_data"] = new JsonObject { ["messaging_product"] = "whatsapp", ["details"] = message },
            ["fbtrace_id"] = "Sim" + Guid.NewGuid().ToString("N")[..16],
        },
    });

    public static WhatsAppAnswer Accepted(string to, string id) => new(200, new JsonObject
    {
        ["messaging_product"] = "whatsapp",
        ["contacts"] = new JsonArray(new JsonObject { ["input"] = to, ["wa_id"] = to }),
        ["messages"] = new JsonArray(new JsonObject { ["id"] = id, ["message_status"] = "accepted" }),
    });
}
