using System.Globalization;
using Herald.Core.Domain;
using Herald.Host.Validation;
using Herald.Platforms.WhatsAppCloud;

namespace Herald.Host.WhatsApp;

/// <summary>
/// What would fail at send time in a WhatsApp campaign, said at creation instead: a malformed template directive
/// (every message would fail as <c>bad_template_directive</c>), template fields recipients lack
/// (<c>template_field_missing</c>), recipients without a phone (<c>no_phone</c>). When every recipient would fail it
/// is a 400 naming the field; when some would, a warning. Whether Meta approved the template (132000–132016) only the
/// Cloud API can say: those show as <c>template_error_{code}</c> on the first send.
/// </summary>
internal static class WhatsAppCampaignChecks
{
    public static void Check(string? message, IReadOnlyList<Recipient>? recipients, ValidationErrors errors, List<string> warnings)
    {
        if (WhatsAppTemplateDirective.IsDirective(message) && WhatsAppTemplateDirective.Parse(message) is null)
        {
            errors.Add("message", "Not a template directive: write template:{name}:{language}[:{field},{field}…], e.g. template:spring_promo:en_US:name,promo (name: lowercase letters, digits, underscores).");
            return;
        }

        if (recipients is not { Count: > 0 })
        {
            return;
        }

        var noPhone = recipients.Count(r => r.Phone is not { Length: > 1 });
        Report(noPhone, recipients.Count, "recipients", "a phone number (WhatsApp messages go to phone numbers)", errors, warnings);
        if (WhatsAppTemplateDirective.Parse(message) is not { } directive)
        {
            return;
        }

        foreach (var field in directive.Fields)
        {
            var missing = recipients.Count(r => WhatsAppMessage.Value(r, field) is not { Length: > 0 });
            Report(missing, recipients.Count, "message", $"the template field '{field}'", errors, warnings);
        }
    }

    private static void Report(int failing, int total, string field, string what, ValidationErrors errors, List<string> warnings)
    {
        if (failing == 0)
        {
            return;
        }

        if (failing == total)
        {
            errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"No recipient has {what}: every message would fail."));
        }
        else
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{failing} of {total} recipients lack {what}; their messages will fail."));
        }
    }
}
