using System.Globalization;
using Herald.Core.Domain;
using Herald.Host.Validation;
using Herald.Platforms.WhatsAppCloud;

namespace Herald.Host.WhatsApp;

/// <summary>
/// What would fail at send time in a WhatsApp campaign, said at creation instead: a malformed template directive
/// (every message would fail as <c>bad_template_directive</c>), template fields recipients lack
/// (<c>template_field_missing</c>), recipients without a phone (<c>no_phone</c>). When every recipient would fail it
/// is a 400 naming the field; when some would, a warning. The template itself is checked against the configured
/// definitions (<see cref="WhatsAppCloudOptions.Templates"/>): one not listed (132001), not approved (132015/132016) or
/// given another number of body parameters (132000) is a 400 naming <c>message</c>. Without definitions only the Cloud
/// API can say, at the first send (<c>template_error_{code}</c>), and a warning says so.
/// </summary>
internal static class WhatsAppCampaignChecks
{
    public static void Check(string? message, IReadOnlyList<Recipient>? recipients, IEnumerable<WhatsAppTemplateDefinition> templates, ValidationErrors errors, List<string> warnings)
    {
        WhatsAppListTally? tally = null;
        if (recipients is { Count: > 0 })
        {
            tally = WhatsAppListTally.For(message);
            foreach (var recipient in recipients)
            {
                tally.Add(recipient);
            }
        }

        Check(message, tally, templates, errors, warnings);
    }

    /// <summary>The same checks over a list counted as it streamed by (<see cref="WhatsAppListTally"/>), for a list too large to hold.</summary>
    public static void Check(string? message, WhatsAppListTally? tally, IEnumerable<WhatsAppTemplateDefinition> templates, ValidationErrors errors, List<string> warnings)
    {
        if (WhatsAppTemplateDirective.IsDirective(message) && WhatsAppTemplateDirective.Parse(message) is null)
        {
            errors.Add("message", "Not a template directive: write template:{name}:{language}[:{field},{field}…], e.g. template:spring_promo:en_US:name,promo (name: lowercase letters, digits, underscores).");
            return;
        }

        if (WhatsAppTemplateDirective.Parse(message) is { } template)
        {
            CheckTemplate(template, [.. templates], errors, warnings);
        }

        if (tally is not { Total: > 0 })
        {
            return;
        }

        Report(tally.NoPhone, tally.Total, "recipients", "a phone number (WhatsApp messages go to phone numbers)", errors, warnings);
        for (var i = 0; i < tally.Fields.Count; i++)
        {
            Report(tally.Missing[i], tally.Total, "message", $"the template field '{tally.Fields[i]}'", errors, warnings);
        }
    }

    private static void CheckTemplate(WhatsAppTemplateDirective directive, List<WhatsAppTemplateDefinition> templates, ValidationErrors errors, List<string> warnings)
    {
        var label = $"'{directive.Name}' ({directive.Language})";
        if (templates.Count == 0)
        {
            warnings.Add($"The template {label} is not checked before the start (no templates are configured in Herald:Platforms:WhatsAppCloud:Templates): "
                + "if Meta has not approved it or it takes another number of parameters, its messages fail at the first send (template_error_132000 to 132016).");
            return;
        }

        var definition = templates.FirstOrDefault(t => t.Name == directive.Name && string.Equals(t.Language, directive.Language, StringComparison.OrdinalIgnoreCase));
        if (definition is null)
        {
            var languages = templates.Where(t => t.Name == directive.Name).Select(t => t.Language).ToList();
            errors.Add("message", languages.Count > 0
                ? $"The template '{directive.Name}' has no {directive.Language} translation (it has {string.Join(", ", languages)}): every message would fail (template_error_132001)."
                : $"The template {label} is not among the business account's templates: every message would fail (template_error_132001).");
            return;
        }

        if (!string.Equals(definition.Status, WhatsAppTemplateDefinition.Approved, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("message", $"The template {label} is {definition.Status.ToUpperInvariant()}, not APPROVED: every message would fail "
                + "(template_error_132015 when paused, 132016 when disabled, 132001 while not approved).");
        }

        if (definition.BodyParameters != directive.Fields.Count)
        {
            errors.Add("message", string.Create(CultureInfo.InvariantCulture,
                $"The template {label} takes {definition.BodyParameters} body parameter(s); the message gives {directive.Fields.Count} field(s): every message would fail (template_error_132000)."));
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

/// <summary>What <see cref="WhatsAppCampaignChecks"/> needs of a list, counted a recipient at a time: nothing kept per recipient.</summary>
internal sealed class WhatsAppListTally
{
    private WhatsAppListTally(IReadOnlyList<string> fields)
    {
        Fields = fields;
        Missing = new int[fields.Count];
    }

    /// <summary>The template directive's fields, in its order (none for a plain message).</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>Per field of <see cref="Fields"/>, how many recipients lack it.</summary>
    public int[] Missing { get; }

    /// <summary>Recipients counted.</summary>
    public int Total { get; private set; }

    /// <summary>Recipients without a phone number.</summary>
    public int NoPhone { get; private set; }

    /// <summary>An empty tally for the campaign's <paramref name="message"/>.</summary>
    public static WhatsAppListTally For(string? message) => new(WhatsAppTemplateDirective.Parse(message)?.Fields ?? []);

    /// <summary>Counts one recipient.</summary>
    public void Add(Recipient recipient)
    {
        Total++;
        NoPhone += recipient.Phone is { Length: > 1 } ? 0 : 1;
        for (var i = 0; i < Fields.Count; i++)
        {
            Missing[i] += WhatsAppMessage.Value(recipient, Fields[i]) is { Length: > 0 } ? 0 : 1;
        }
    }
}
