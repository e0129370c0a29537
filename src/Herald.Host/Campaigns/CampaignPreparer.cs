using System.Globalization;
using Herald.Core.Domain;
using Herald.Core.Imports;
using Herald.Core.Limits;
using Herald.Core.Planning;
using Herald.Core.Templates;
using Herald.Engine.Campaigns;
using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Herald.Host.Imports;
using Herald.Host.Resources;
using Herald.Host.Validation;
using Herald.Host.WhatsApp;
using Herald.Platforms.WhatsAppCloud;
using Microsoft.Extensions.Options;

namespace Herald.Host.Campaigns;

/// <summary>A campaign ready to create, with what the caller is told about it.</summary>
internal sealed record PreparedCampaign(
    NewCampaign Campaign, RecipientIntake Intake, CampaignPlanResponse Plan, IReadOnlyList<string> Warnings, IReadOnlyList<TemplateGap> TemplateGaps);

/// <summary>
/// Turns a <see cref="CreateCampaignRequest"/> into a <see cref="NewCampaign"/> against the tenant's data: reads the
/// recipients (inline through <see cref="RecipientListValidator"/>, or an uploaded import), checks the accounts (unknown
/// ids are named), the template (fields of the list, the platform's length limit) and the schedule, and plans the start
/// (<see cref="StartPlanner"/>). Recipients the campaign's bots cannot reach are dropped, and template fields some
/// recipients lack are counted (<c>CampaignPreparer.Checks.cs</c>). Every problem is a field error; nothing is written.
/// </summary>
internal sealed partial class CampaignPreparer(
    RecipientListValidator validator,
    IOptions<ImportOptions> importDefaults,
    IOptions<ApiOptions> api,
    ImportStore imports,
    AccountStore accounts,
    PlatformLimits limits,
    StartPlanner planner,
    IOptions<WhatsAppCloudOptions> whatsApp,
    IOptions<CampaignPreparationOptions> background,
    TimeProvider time)
{
    /// <summary>
    /// Prepares the campaign. <paramref name="audienceImport"/> is the import a parsing-service audience became (the list is
    /// then read from it, and its problems are named <c>audience</c>).
    /// </summary>
    public async Task<(PreparedCampaign? Campaign, ValidationErrors Errors)> PrepareAsync(
        string tenantId, CreateCampaignRequest request, string? audienceImport = null, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var importId = audienceImport ?? request.ImportId;
        var listField = audienceImport is not null ? "audience" : importId is not null ? "importId" : "recipients";
        var list = await ReadRecipientsAsync(tenantId, request, importId, listField, errors, cancellationToken);
        var kind = RequiredKind(request.Actions);
        var maxLength = MaxMessageLength(request.Platform, kind, errors);
        var (chosen, accountIds) = await ChooseAccountsAsync(tenantId, request, kind, errors, cancellationToken);
        CheckPaidBroadcast(request, chosen, errors);

        MessageTemplate? template = null;
        if (request.Message is { } text && maxLength is { } max)
        {
            var parsed = MessageTemplate.Parse(text, list?.Fields ?? [], max);
            foreach (var error in parsed.Errors)
            {
                errors.Add("message", error.Message);
            }

            template = parsed.Template;
        }

        var warnings = new List<string>();
        var onBots = BotReach.RunsOnBots(request.Platform, request.Actions, chosen.Select(a => a.Kind));

        // A user account's invite sends no text (unless it falls back to a message): its template is not rendered.
        var rendered = request.SendsMessage || onBots;
        IReadOnlyList<TemplateGap> gaps = [];
        if (list is { Import: not null } large)
        {
            (list, gaps) = await CheckLargeAsync(large, request, template, onBots, rendered, listField, errors, warnings, cancellationToken);
        }
        else
        {
            if (request.Platform == PlatformKind.WhatsApp)
            {
                WhatsAppCampaignChecks.Check(request.Message, list?.Recipients, whatsApp.Value.Templates, errors, warnings);
            }

            if (list is not null && onBots)
            {
                list = DropUnreachable(list, listField, errors, warnings);
            }

            gaps = rendered && template is not null && list is not null ? CheckFields(template, list.Recipients, errors, warnings) : [];
        }

        var now = time.GetUtcNow();
        if (request.StartAt is { } start && start > now.AddDays(CreateCampaignRequest.MaxScheduleDays))
        {
            errors.Add("startAt", $"Must be at most {CreateCampaignRequest.MaxScheduleDays} days ahead.");
        }

        if (request.FinishBy is { } finish && finish <= now)
        {
            errors.Add("finishBy", "Must be in the future.");
        }

        if (!errors.IsEmpty || list is null)
        {
            return (null, errors);
        }

        var schedule = new CampaignSchedule(request.StartAt, request.TimeWindow?.ToWindow());
        var planAccounts = chosen.Where(a => !a.Disabled).Select(a => new PlanAccount(a.AccountId, a.State, limits.For(a.Platform, a.Kind, a.Overrides))).ToList();
        var plan = planner.Plan(new StartPlanRequest(list.Size, request.Actions, schedule, planAccounts, request.FinishBy, template?.MayContainLinks ?? false), now);
        if (plan.Warning is { } warning)
        {
            warnings.Insert(0, warning);
        }

        if (chosen.Where(a => a.Disabled && !a.LoginRequired).Select(a => a.AccountId).ToList() is { Count: > 0 } disabled)
        {
            warnings.Add($"Disabled accounts take no work until enabled: {string.Join(", ", disabled)}.");
        }

        if (chosen.Where(a => a.LoginRequired).Select(a => a.AccountId).ToList() is { Count: > 0 } notLoggedIn)
        {
            warnings.Add($"Accounts without a logged-in session take no work until logged in (POST /api/accounts/{{id}}/login): {string.Join(", ", notLoggedIn)}.");
        }

        var definition = new Campaign(
            tenantId, "", request.Platform, request.Actions, schedule, request.Priority, request.DeliveryMode, request.DryRun,
            request.FallbackToMessage, request.Message, request.TargetChat, accountIds, request.PaidBroadcast is { Count: > 0 } paid ? paid : null);
        var campaign = new NewCampaign(definition, list.Recipients, request.Name, list.Source, InlineKeyboards.ToButtons(request.InlineKeyboard), list.Count);
        return (new PreparedCampaign(campaign, list.Intake, CampaignPlanResponse.From(plan), warnings, gaps), errors);
    }

    /// <summary>The kind of account the actions need: bots for bot messages, user accounts for contacts and personal messages, either for invites.</summary>
    public static AccountKind? RequiredKind(IReadOnlyList<ActionKind> actions) =>
        actions.Contains(ActionKind.BotMessage) ? AccountKind.Bot
        : actions.Any(a => a is ActionKind.AddContact or ActionKind.PersonalMessage) ? AccountKind.User
        : null;

    private int? MaxMessageLength(PlatformKind platform, AccountKind? kind, ValidationErrors errors)
    {
        AccountKind[] kinds = kind is { } k ? [k] : [AccountKind.Bot, AccountKind.User];
        var supported = kinds.Where(k => limits.Supports(platform, k)).ToList();
        if (supported.Count == 0)
        {
            errors.Add("platform", $"{platform} has no {kind?.ToString().ToLowerInvariant() ?? "usable"} accounts for these actions.");
            return null;
        }

        return supported.Min(k => limits.For(platform, k).MaxMessageLength);
    }

    private async Task<(IReadOnlyList<AccountRecord> Chosen, IReadOnlyList<string>? AccountIds)> ChooseAccountsAsync(
        string tenantId, CreateCampaignRequest request, AccountKind? kind, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var all = await accounts.ListAsync(tenantId, cancellationToken);
        bool Fits(AccountRecord a) => a.Platform == request.Platform && (kind is null || a.Kind == kind);
        var wanted = kind is { } k ? $"{request.Platform} {k.ToString().ToLowerInvariant()}" : request.Platform.ToString();
        if (request.Accounts is { } ids)
        {
            var byId = all.ToDictionary(a => a.AccountId, StringComparer.Ordinal);
            var unknown = ids.Where(id => !byId.ContainsKey(id)).ToList();
            if (unknown.Count > 0)
            {
                errors.Add("accounts", $"Unknown accounts: {string.Join(", ", unknown)}.");
            }

            var unfit = ids.Where(id => byId.TryGetValue(id, out var a) && !Fits(a)).ToList();
            if (unfit.Count > 0)
            {
                errors.Add("accounts", $"Not {wanted} accounts, so they cannot run these actions: {string.Join(", ", unfit)}.");
            }

            return ([.. ids.Where(byId.ContainsKey).Select(id => byId[id])], ids);
        }

        var onPlatform = all.Where(a => a.Platform == request.Platform).ToList();
        var chosen = onPlatform.Where(Fits).ToList();
        if (chosen.Count == 0 && onPlatform.Count > 0)
        {
            errors.Add("accounts", $"The tenant has no {wanted} accounts to run these actions; register one or list accounts.");
        }

        // Every account of the platform fits: keep the list open, so accounts added later join the campaign (R20).
        return (chosen, chosen.Count == onPlatform.Count ? null : [.. chosen.Select(a => a.AccountId)]);
    }

    // Each bot a campaign pays for is one of its Telegram bots, with a paid rate of its own (never more than configured).
    private void CheckPaidBroadcast(CreateCampaignRequest request, IReadOnlyList<AccountRecord> chosen, ValidationErrors errors)
    {
        if (request.PaidBroadcast is not { Count: > 0 } paid || !errors.IsEmpty)
        {
            return;
        }

        var byId = chosen.ToDictionary(a => a.AccountId, StringComparer.Ordinal);
        var notBots = paid.Where(id => !byId.TryGetValue(id, out var a) || a.Kind != AccountKind.Bot || a.Platform != PlatformKind.Telegram).ToList();
        if (notBots.Count > 0)
        {
            errors.Add("paidBroadcast", $"Not Telegram bots of this campaign: {string.Join(", ", notBots)}.");
            return;
        }

        var unpriced = paid.Where(id => limits.For(byId[id].Platform, byId[id].Kind, byId[id].Overrides).PaidRequestsPerSecond is null).ToList();
        if (unpriced.Count > 0)
        {
            errors.Add("paidBroadcast", $"No paid rate configured for: {string.Join(", ", unpriced)} (set the account's limits.paidRequestsPerSecond first).");
        }
    }

    private async Task<RecipientList?> ReadRecipientsAsync(
        string tenantId, CreateCampaignRequest request, string? importId, string field, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (importId is null && request.Recipients is { } inline)
        {
            var max = api.Value.MaxInlineRecipients;
            if (inline.Count > max)
            {
                errors.Add("recipients", string.Create(CultureInfo.InvariantCulture, $"At most {max} recipients inline (got {inline.Count}); upload larger lists with POST /api/imports."));
                return null;
            }

            var result = validator.Validate([.. inline.Select(r => r.ToInput())], importDefaults.Value with { MaxRows = max });
            return Checked(result, errors);
        }

        var import = importId is null ? null : await imports.GetAsync(tenantId, importId, cancellationToken);
        if (import is null)
        {
            errors.Add(field, "No import with this id.");
            return null;
        }

        // A large import is not read here: its checks stream it (CheckLargeAsync).
        var recipients = IsLarge(import) ? [] : await imports.ReadRecipientsAsync(import, cancellationToken);
        var count = IsLarge(import) ? import.Source.RecipientCount : recipients.Count;
        if (count == 0)
        {
            errors.Add(field, field == "audience" ? "The audience holds no usable recipient." : "The import holds no recipients.");
            return null;
        }

        var intake = new RecipientIntake(import.Id, import.Source.RowCount, count, import.DroppedCount, import.DroppedCounts, [], []);
        return new RecipientList(recipients, import.FieldNames, intake, Describe(import.Source, import.Id), null, IsLarge(import) ? import : null, IsLarge(import) ? count : null);
    }

    private static RecipientList? Checked(ImportResult result, ValidationErrors errors)
    {
        if (result.Error is { } error)
        {
            errors.Add("recipients", error.Message);
            return null;
        }

        if (result.Recipients.Count == 0)
        {
            var reasons = string.Join(", ", result.DroppedCounts.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Key}: {d.Value}")));
            errors.Add("recipients", $"No usable recipient: every item was dropped ({reasons}).");
            return null;
        }

        var intake = new RecipientIntake(
            null, result.Source.RowCount, result.Recipients.Count, result.Dropped.Count, result.DroppedCounts, result.Dropped, result.IgnoredValues);
        // The kept items in list order, so a recipient dropped later is named by its item number too.
        var droppedRows = result.Dropped.Select(d => d.Row).ToHashSet();
        var rows = Enumerable.Range(1, result.Source.RowCount).Where(r => !droppedRows.Contains(r)).ToList();
        return new RecipientList(result.Recipients, result.FieldNames, intake, Describe(result.Source, null), rows.Count == result.Recipients.Count ? rows : null);
    }

    /// <summary>The provenance kept with the campaign and shown in its status and report (R36).</summary>
    public static string Describe(RecipientSource source, string? importId)
    {
        ArgumentNullException.ThrowIfNull(source);
        var what = source.Kind switch
        {
            RecipientSourceKind.Api => "inline list",
            RecipientSourceKind.Dataset => $"dataset {source.Name}",
            _ => source.Name is { } name ? $"file {name}" : "uploaded file",
        };
        var import = importId is null ? "" : $", import {importId}";
        return string.Create(CultureInfo.InvariantCulture, $"{what}{import}: {source.RowCount} rows, {source.RecipientCount} recipients, received {source.ImportedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}");
    }

    // Rows: the 1-based item number of each recipient (inline lists), or null (an import's rows are on the import).
    // Import and Count: a large import, not held (Recipients is empty), and how many recipients it has for the campaign.
    private sealed record RecipientList(
        IReadOnlyList<Recipient> Recipients, IReadOnlyList<string> Fields, RecipientIntake Intake, string Source, IReadOnlyList<int>? Rows,
        ImportRecord? Import = null, int? Count = null)
    {
        public int Size => Count ?? Recipients.Count;
    }
}
