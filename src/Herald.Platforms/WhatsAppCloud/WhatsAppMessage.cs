using System.Text.Json.Nodes;
using Herald.Core.Domain;
using Herald.Platforms.Abstractions;

namespace Herald.Platforms.WhatsAppCloud;

/// <summary>
/// Builds the Cloud API body of one message from a rendered action. A text is sent as a text message (it reaches the
/// recipient only inside the 24-hour customer-service window). A text of the form
/// <c>template:{name}:{language}[:{field},{field}…]</c> sends the approved template <c>name</c> in <c>language</c>
/// (e.g. <c>en_US</c>) with one body parameter per listed field, taken from the recipient (<c>name</c> is the
/// recipient's name, any other the list's column of that name, R9/R15): what reaches people outside the window.
/// </summary>
public static class WhatsAppMessage
{
    /// <summary>The body, or null and the reason code of the problem.</summary>
    internal static (JsonObject? Body, string? Problem) Build(PlatformAction action)
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

        if (!WhatsAppTemplateDirective.IsDirective(text))
        {
            return (Envelope(to, "text", new JsonObject { ["preview_url"] = false, ["body"] = action.Text }), null);
        }

        var (template, problem) = Template(text, action);
        return template is null ? (null, problem) : (Envelope(to, "template", template), null);
    }

    private static (JsonObject? Template, string? Problem) Template(string text, PlatformAction action)
    {
        if (WhatsAppTemplateDirective.Parse(text) is not { } directive)
        {
            return (null, WhatsAppReasons.BadTemplateDirective);
        }

        var template = new JsonObject
        {
            ["name"] = directive.Name,
            ["language"] = new JsonObject { ["code"] = directive.Language },
        };
        if (directive.Fields.Count == 0)
        {
            return (template, null);
        }

        var parameters = new JsonArray();
        foreach (var field in directive.Fields)
        {
            if (Value(action.Recipient, field) is not { Length: > 0 } value)
            {
                return (null, WhatsAppReasons.TemplateFieldMissing);
            }

            parameters.Add(new JsonObject { ["type"] = "text", ["text"] = value });
        }

        template["components"] = new JsonArray(new JsonObject { ["type"] = "body", ["parameters"] = parameters });
        return (template, null);
    }

    /// <summary>The value of a template field for a recipient: a list column of that name, or <c>name</c> for the name.</summary>
    public static string? Value(Recipient recipient, string field)
    {
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
