using System.Text.Json.Nodes;
using Herald.Platforms.Abstractions;

namespace Herald.Platforms.WhatsAppCloud;

/// <summary>
/// Builds the Cloud API body of one message from a rendered action. A text is sent as a text message (it reaches the
/// recipient only inside the 24-hour customer-service window). A text of the form
/// <c>template:{name}:{language}[:{field},{field}…]</c> sends the approved template <c>name</c> in <c>language</c>
/// (e.g. <c>en_US</c>) with one body parameter per listed field, taken from the recipient (<c>name</c> is the
/// recipient's name, any other the list's column of that name, R9/R15): what reaches people outside the window.
/// </summary>
internal static class WhatsAppMessage
{
    /// <summary>What a message text starts with to send a template instead.</summary>
    public const string TemplatePrefix = "template:";

    /// <summary>The body, or null and the reason code of the problem.</summary>
    public static (JsonObject? Body, string? Problem) Build(PlatformAction action)
    {
        if (action.Recipient.Phone is not { Length: > 1 } phone)
        {
            return (null, WhatsAppReasons.NoPhone);
        }

        var to = phone.TrimStart('+');
        if (!to.All(char.IsAsciiDigit))
        {
            return (null, WhatsAppReasons.NoPhone);
        }

        var text = action.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return (null, WhatsAppReasons.EmptyText);
        }

        if (!text.StartsWith(TemplatePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return (Envelope(to, "text", new JsonObject { ["preview_url"] = false, ["body"] = action.Text }), null);
        }

        var (template, problem) = Template(text[TemplatePrefix.Length..], action);
        return template is null ? (null, problem) : (Envelope(to, "template", template), null);
    }

    private static (JsonObject? Template, string? Problem) Template(string directive, PlatformAction action)
    {
        var parts = directive.Split(':', 3, StringSplitOptions.TrimEntries);
        if (parts.Length < 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return (null, WhatsAppReasons.BadTemplateDirective);
        }

        var template = new JsonObject
        {
            ["name"] = parts[0],
            ["language"] = new JsonObject { ["code"] = parts[1] },
        };
        var fields = parts.Length == 3 ? parts[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
        if (fields.Length == 0)
        {
            return (template, null);
        }

        var parameters = new JsonArray();
        foreach (var field in fields)
        {
            if (Value(action, field) is not { Length: > 0 } value)
            {
                return (null, WhatsAppReasons.TemplateFieldMissing);
            }

            parameters.Add(new JsonObject { ["type"] = "text", ["text"] = value });
        }

        template["components"] = new JsonArray(new JsonObject { ["type"] = "body", ["parameters"] = parameters });
        return (template, null);
    }

    private static string? Value(PlatformAction action, string field)
    {
        var recipient = action.Recipient;
        if (recipient.Fields is { } fields)
        {
            foreach (var (key, value) in fields)
            {
                if (string.Equals(key, field, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }
        }

        return string.Equals(field, "name", StringComparison.OrdinalIgnoreCase) ? recipient.Name : null;
    }

    private static JsonObject Envelope(string to, string type, JsonObject content) => new()
    {
        ["messaging_product"] = "whatsapp",
        ["recipient_type"] = "individual",
        ["to"] = to,
        ["type"] = type,
        [type] = content,
    };
}
