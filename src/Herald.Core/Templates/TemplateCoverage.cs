using Herald.Core.Domain;

namespace Herald.Core.Templates;

/// <summary>
/// How well a template fits a recipient list before anything is sent: the recipients that could not be rendered for a
/// missing field (they would fail as <c>template_error</c>), and the gaps by field. One pass, nothing kept per recipient.
/// </summary>
/// <param name="Failing">Recipients that lack at least one field their variant uses without a default.</param>
/// <param name="Gaps">Per field, how many recipients lack it, in template order; empty when every recipient renders.</param>
public sealed record TemplateCoverage(int Failing, IReadOnlyList<TemplateGap> Gaps)
{
    /// <summary>Checks <paramref name="template"/> against every recipient of <paramref name="recipients"/>.</summary>
    public static TemplateCoverage Of(MessageTemplate template, IEnumerable<Recipient> recipients)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(recipients);
        var failing = 0;
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var recipient in recipients)
        {
            var missing = template.MissingFields(recipient);
            if (missing.Count == 0)
            {
                continue;
            }

            failing++;
            foreach (var field in missing)
            {
                counts[field] = counts.GetValueOrDefault(field) + 1;
            }
        }

        return new TemplateCoverage(failing, [.. template.Fields.Where(counts.ContainsKey).Select(f => new TemplateGap(f, counts[f]))]);
    }
}
