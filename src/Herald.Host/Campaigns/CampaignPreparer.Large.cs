using Herald.Core.Domain;
using Herald.Core.Templates;
using Herald.Host.Imports;
using Herald.Host.Validation;
using Herald.Host.WhatsApp;

namespace Herald.Host.Campaigns;

// A large import (over Herald:Campaigns:BackgroundAbove) is never held by the request: the checks of the list (bot
// reach, template fields, WhatsApp phones and fields) count it as it streams by, once, and the campaign is created
// preparing with that count; its orchestration reads the import again a slice at a time.
internal sealed partial class CampaignPreparer
{
    private bool IsLarge(ImportRecord import) => import.Source.RecipientCount > background.Value.BackgroundAbove;

    /// <summary>
    /// The checks of a large import's list (<see cref="RecipientList.Import"/>), counted in one streamed pass; the
    /// answer's list holds no recipients but their <see cref="RecipientList.Count"/> (or, when so few are left that it
    /// is created at once, those few).
    /// </summary>
    private async Task<(RecipientList? List, IReadOnlyList<TemplateGap> Gaps)> CheckLargeAsync(
        RecipientList list, CreateCampaignRequest request, MessageTemplate? template, bool onBots, bool rendered, string field,
        ValidationErrors errors, List<string> warnings, CancellationToken cancellationToken)
    {
        var import = list.Import!;
        var tally = request.Platform == PlatformKind.WhatsApp ? WhatsAppListTally.For(request.Message) : null;
        var checkFields = rendered && template is not null;
        var failing = 0;
        var missing = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var (total, kept) = (0, 0);
        await foreach (var recipient in imports.StreamRecipientsAsync(import, cancellationToken))
        {
            total++;
            tally?.Add(recipient);
            if (onBots && !BotReach.CanReach(recipient))
            {
                continue;
            }

            kept++;
            if (checkFields && template!.MissingFields(recipient) is { Count: > 0 } fields)
            {
                failing++;
                foreach (var f in fields)
                {
                    missing[f] = missing.GetValueOrDefault(f) + 1;
                }
            }
        }

        if (request.Platform == PlatformKind.WhatsApp)
        {
            WhatsAppCampaignChecks.Check(request.Message, tally, whatsApp.Value.Templates, errors, warnings);
        }

        if (total > kept)
        {
            var intake = Unreachable(list.Intake, total - kept, kept, [], field, errors, warnings);
            if (intake is null)
            {
                return (null, []);
            }

            list = list with { Intake = intake };
        }

        var gaps = checkFields
            ? Covered(new TemplateCoverage(failing, [.. template!.Fields.Where(missing.ContainsKey).Select(f => new TemplateGap(f, missing[f]))]), kept, errors, warnings)
            : [];
        if (kept > background.Value.BackgroundAbove)
        {
            return (list with { Count = kept }, gaps);
        }

        // So few are left (the rest had no user id) that it is created at once, as a small list is: read them again.
        var few = new List<Recipient>(kept);
        await foreach (var recipient in imports.StreamRecipientsAsync(import, cancellationToken))
        {
            if (!onBots || BotReach.CanReach(recipient))
            {
                few.Add(recipient);
            }
        }

        return (list with { Recipients = few, Import = null, Count = null }, gaps);
    }
}
