using System.Globalization;
using Herald.Core.Domain;
using Herald.Host.Resources;
using Herald.Host.Validation;

namespace Herald.Host.Campaigns;

/// <summary>
/// The body of <c>POST /api/campaigns</c> (R1, R2): what to do, to whom (inline <see cref="Recipients"/>, an uploaded
/// list by <see cref="ImportId"/> or a parsing-service <see cref="Audience"/>), through which accounts, and when. Checks here need nothing but the body; the rest
/// (accounts, template fields, platform limits) is checked against the tenant's data when the campaign is prepared.
/// </summary>
public sealed class CreateCampaignRequest : IValidatableRequest
{
    /// <summary>The most days ahead a start may be scheduled.</summary>
    public const int MaxScheduleDays = 366;

    /// <summary>The longest campaign name.</summary>
    internal const int MaxNameLength = 200;
    private const int MaxChatLength = 200;

    /// <summary>An operator's name for the campaign.</summary>
    public string? Name { get; init; }

    /// <summary>The platform of every account it uses. Default: telegram.</summary>
    public PlatformKind Platform { get; init; } = PlatformKind.Telegram;

    /// <summary>The actions run on each recipient, in order (e.g. <c>["botMessage"]</c>, <c>["invite"]</c>).</summary>
    public required IReadOnlyList<ActionKind> Actions { get; init; }

    /// <summary>The message template (<c>{{field}}</c>, <c>{{field|default}}</c>, <c>{a|b}</c> variants); required for message actions.</summary>
    public string? Message { get; init; }

    /// <summary>Buttons under bot messages.</summary>
    public IReadOnlyList<IReadOnlyList<InlineButtonRequest>>? InlineKeyboard { get; init; }

    /// <summary>The group or channel to invite into (id, <c>@username</c> or <c>t.me</c> link); required for <c>invite</c>.</summary>
    public string? TargetChat { get; init; }

    /// <summary>The account ids to use. Default: every account of the tenant on the platform that can run the actions.</summary>
    public IReadOnlyList<string>? Accounts { get; init; }

    /// <summary>
    /// Telegram bots that send this campaign's messages above the free 30 per second as paid broadcasts
    /// (<c>allow_paid_broadcast</c>, 0.1 Stars a message), up to each bot's own <c>limits.paidRequestsPerSecond</c>.
    /// Default: none, every bot sends at the free rate. When a bot's Stars balance runs out the campaign pauses
    /// (<c>pausedReason: stars_balance_spent</c>) and nobody is skipped.
    /// </summary>
    public IReadOnlyList<string>? PaidBroadcast { get; init; }

    /// <summary>Higher goes first and gets more of shared accounts (R4), −100 to 100. Default 0.</summary>
    public int Priority { get; init; }

    /// <summary>A delayed start (R2), at most 366 days ahead; a past time starts at once.</summary>
    public DateTimeOffset? StartAt { get; init; }

    /// <summary>When the operator wants the list done: the start plan warns when the accounts cannot make it.</summary>
    public DateTimeOffset? FinishBy { get; init; }

    /// <summary>The daily sending window in the campaign's time zone (R2).</summary>
    public TimeWindowRequest? TimeWindow { get; init; }

    /// <summary>What happens to a recipient whose attempt died half-way. Default: atMostOnce (reported unknown, never re-sent).</summary>
    public DeliveryMode DeliveryMode { get; init; } = DeliveryMode.AtMostOnce;

    /// <summary>Run every step except the platform call (R6).</summary>
    public bool DryRun { get; init; }

    /// <summary>On a privacy-refused invite, send a personal message instead (R13).</summary>
    public bool FallbackToMessage { get; init; }

    /// <summary>The recipients, inline (at most <c>Herald:Api:MaxInlineRecipients</c>, default 10,000); or give <see cref="ImportId"/>.</summary>
    public IReadOnlyList<RecipientRequest>? Recipients { get; init; }

    /// <summary>An uploaded list (<c>POST /api/imports</c>) to use instead of inline recipients.</summary>
    public string? ImportId { get; init; }

    /// <summary>
    /// A parsing-service audience (<c>{"parsedDataId":"…"}</c>) instead of inline recipients or an import: read when the
    /// campaign is created, through the same import rules, and kept as an import (its id is in the answer's <c>recipients</c>).
    /// </summary>
    public AudienceRequest? Audience { get; init; }

    /// <summary>True when an action sends a message text.</summary>
    public bool SendsMessage => Actions.Any(a => a is ActionKind.BotMessage or ActionKind.PersonalMessage) || (Actions.Contains(ActionKind.Invite) && FallbackToMessage);

    /// <inheritdoc />
    public void Validate(ValidationErrors errors)
    {
        errors.MaxLength("name", Name, MaxNameLength).NoMarkup("name", Name);
        ValidateActions(errors);
        errors.NoMarkup("message", Message);
        if (Message is not null)
        {
            errors.NotBlank("message", Message);
        }

        InlineKeyboards.Validate(errors, "inlineKeyboard", InlineKeyboard);
        if (InlineKeyboard is not null && !Actions.Any(a => a is ActionKind.BotMessage or ActionKind.Invite))
        {
            errors.Add("inlineKeyboard", "Only bot messages (botMessage, invite) carry an inline keyboard.");
        }

        errors.MaxLength("targetChat", TargetChat, MaxChatLength).NoMarkup("targetChat", TargetChat);
        if (Actions.Contains(ActionKind.Invite))
        {
            errors.NotBlank("targetChat", TargetChat);
        }

        ValidateAccounts(errors);
        ValidatePaidBroadcast(errors);
        if (Priority is < -100 or > 100)
        {
            errors.Add("priority", "Must be from -100 to 100.");
        }

        if (StartAt is { } start && FinishBy is { } finish && finish <= start)
        {
            errors.Add("finishBy", "Must be after startAt.");
        }

        TimeWindow?.Validate(errors, "timeWindow");
        var sources = (Recipients is null ? 0 : 1) + (ImportId is null ? 0 : 1) + (Audience is null ? 0 : 1);
        if (sources > 1)
        {
            if (Audience is null)
            {
                errors.Add("importId", "Give either recipients or importId, not both.");
            }
            else
            {
                errors.Add("audience", "Give one of recipients, importId or audience, not several.");
            }
        }
        else if (sources == 0)
        {
            errors.Add("recipients", "Required: give recipients inline, the importId of an uploaded list, or a parsing-service audience.");
        }

        Audience?.Validate(errors, "audience");

        errors.NoNullItems("recipients", Recipients);
        if (ImportId is not null && !ResourceIds.IsValid(ImportId))
        {
            errors.Add("importId", "Not an import id.");
        }
    }

    private void ValidateActions(ValidationErrors errors)
    {
        if (Actions.Count == 0)
        {
            errors.Add("actions", "Give at least one action.");
        }
        else if (Actions.Distinct().Count() != Actions.Count)
        {
            errors.Add("actions", "Each action may appear once.");
        }

        if (Actions.Contains(ActionKind.BotMessage) && Actions.Any(a => a is ActionKind.AddContact or ActionKind.PersonalMessage))
        {
            errors.Add("actions", "botMessage runs on bots, addContact and personalMessage on user accounts: use one kind of account per campaign.");
        }

        if (SendsMessage && Message is null)
        {
            errors.Add("message", "Required for message actions.");
        }
    }

    private void ValidatePaidBroadcast(ValidationErrors errors)
    {
        if (PaidBroadcast is null)
        {
            return;
        }

        if (Platform != PlatformKind.Telegram || !Actions.Any(a => a is ActionKind.BotMessage or ActionKind.Invite))
        {
            errors.Add("paidBroadcast", "Only Telegram bot campaigns (botMessage, invite) have paid broadcasts.");
        }

        if (PaidBroadcast.Any(a => !ResourceIds.IsValid(a)))
        {
            errors.Add("paidBroadcast", "Not account ids: list the bots' account ids.");
        }
        else if (PaidBroadcast.Distinct(StringComparer.Ordinal).Count() != PaidBroadcast.Count)
        {
            errors.Add("paidBroadcast", "Each account may appear once.");
        }
        else if (Accounts is { } accounts && PaidBroadcast.Where(a => !accounts.Contains(a, StringComparer.Ordinal)).ToList() is { Count: > 0 } outside)
        {
            errors.Add("paidBroadcast", $"Not among the campaign's accounts: {string.Join(", ", outside)}.");
        }
    }

    private void ValidateAccounts(ValidationErrors errors)
    {
        if (Accounts is null)
        {
            return;
        }

        if (Accounts.Count == 0)
        {
            errors.Add("accounts", "Leave it out to use every account, or list at least one.");
        }

        var bad = Accounts.Where(a => !ResourceIds.IsValid(a)).Take(5).ToList();
        if (bad.Count > 0)
        {
            errors.Add("accounts", string.Create(CultureInfo.InvariantCulture, $"Not account ids: {bad.Count} item(s) of the wrong shape."));
        }

        if (Accounts.Distinct(StringComparer.Ordinal).Count() != Accounts.Count)
        {
            errors.Add("accounts", "Each account may appear once.");
        }
    }
}
