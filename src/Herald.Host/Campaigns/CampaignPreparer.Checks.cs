using System.Globalization;
using Herald.Core.Domain;
using Herald.Core.Imports;
using Herald.Core.Templates;
using Herald.Host.Validation;

namespace Herald.Host.Campaigns;

// What would fail at send time, said at creation instead (issue 15 #6): recipients a bot cannot reach, template fields
// recipients lack. Both run on the list read for the campaign, so a large import is not read again for them.
internal sealed partial class CampaignPreparer
{
    private const string UserIdColumn = "user_id";

    // Drops the recipients without a user id (they would fail as no_chat_id); none left is an error of the list's field.
    private static RecipientList? DropUnreachable(RecipientList list, string field, ValidationErrors errors, List<string> warnings)
    {
        var kept = new List<Recipient>(list.Recipients.Count);
        var keptRows = new List<int>(list.Rows?.Count ?? 0);
        var droppedRows = new List<ImportIssue>();
        var rows = list.Rows;
        for (var i = 0; i < list.Recipients.Count; i++)
        {
            if (BotReach.CanReach(list.Recipients[i]))
            {
                kept.Add(list.Recipients[i]);
                if (rows is not null)
                {
                    keptRows.Add(rows[i]);
                }
            }
            else if (rows is not null)
            {
                droppedRows.Add(new ImportIssue(rows[i], ImportReasons.UnreachableByBot, UserIdColumn));
            }
        }

        var dropped = list.Recipients.Count - kept.Count;
        if (dropped == 0)
        {
            return list;
        }

        var intake = Unreachable(list.Intake, dropped, kept.Count, droppedRows, field, errors, warnings);
        return intake is null ? null : list with { Recipients = kept, Intake = intake, Rows = rows is null ? null : keptRows };
    }

    // What the dropped recipients without a user id make of the intake; null (an error of the list's field) when none is left.
    private static RecipientIntake? Unreachable(
        RecipientIntake intake, int dropped, int kept, IReadOnlyList<ImportIssue> droppedRows, string field, ValidationErrors errors, List<string> warnings)
    {
        if (kept == 0)
        {
            errors.Add(field, Invariant(
                $"No recipient can be reached: a Telegram bot can only message users who have a user id (and have started the bot), and none of the {dropped} recipients has one. Add a user_id column, or invite or message them from user accounts."));
            return null;
        }

        warnings.Add(Invariant(
            $"{Recipients(dropped)} no user id and {(dropped == 1 ? "was" : "were")} dropped as {ImportReasons.UnreachableByBot}: a Telegram bot can only message users who have a user id (and have started the bot)."));
        var counts = new Dictionary<string, int>(intake.DroppedCounts, StringComparer.Ordinal);
        counts[ImportReasons.UnreachableByBot] = counts.GetValueOrDefault(ImportReasons.UnreachableByBot) + dropped;
        return intake with
        {
            Kept = kept,
            Dropped = intake.Dropped + dropped,
            DroppedCounts = counts,
            DroppedRows = [.. intake.DroppedRows.Concat(droppedRows).OrderBy(r => r.Row)],
        };
    }

    // Counts the recipients each field is missing for (they would fail as template_error); all of them is an error.
    private static IReadOnlyList<TemplateGap> CheckFields(MessageTemplate template, IReadOnlyList<Recipient> recipients, ValidationErrors errors, List<string> warnings)
    {
        var coverage = TemplateCoverage.Of(template, recipients);
        return Covered(coverage, recipients.Count, errors, warnings);
    }

    // The warnings (or, when every one of the count fails, the error) of a template's coverage of the list.
    private static IReadOnlyList<TemplateGap> Covered(TemplateCoverage coverage, int count, ValidationErrors errors, List<string> warnings)
    {
        if (coverage.Failing == 0)
        {
            return [];
        }

        if (coverage.Failing == count)
        {
            var gaps = string.Join(", ", coverage.Gaps.Select(g => Invariant($"'{g.Field}' ({g.Missing})")));
            errors.Add("message", Invariant(
                $"No recipient has every field the message uses without a default: missing {gaps}. Every message would fail as template_error; give a default ({{{{{coverage.Gaps[0].Field}|there}}}}) or add the field to the list."));
            return coverage.Gaps;
        }

        foreach (var gap in coverage.Gaps)
        {
            warnings.Add(Invariant(
                $"{Recipients(gap.Missing)} no '{gap.Field}': {(gap.Missing == 1 ? "it" : "they")} will fail as template_error; use {{{{{gap.Field}|fallback}}}} for a default."));
        }

        return coverage.Gaps;
    }

    private static string Recipients(int count) => count == 1 ? "1 recipient has" : Invariant($"{count} recipients have");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
