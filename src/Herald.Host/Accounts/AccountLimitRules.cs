using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Herald.Core.Domain;
using Herald.Core.Limits;
using Herald.Engine.Accounts;
using Herald.Host.Validation;

namespace Herald.Host.Accounts;

/// <summary>
/// Checks an account's own limits against the configured ones (R16, R35): each may only be stricter (lower caps and
/// rates, longer pauses). Each error names its field (<c>limits.messagesPerDay</c>) and says the limit in force.
/// <see cref="PlatformLimits.ValidateOverrides"/> has the last word: whatever it still refuses is reported too.
/// </summary>
internal static class AccountLimitRules
{
    private const string Stricter = "an account's limits may only be stricter";

    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The errors of <paramref name="settings"/> for an account of that platform and kind, under <paramref name="field"/> ("" for the body).</summary>
    public static ValidationErrors Validate(string field, LimitSettings? settings, PlatformKind platform, AccountKind kind, PlatformLimits limits)
    {
        var errors = new ValidationErrors();
        var configured = limits.Options.For(platform, kind);
        var accounts = $"{platform.ToString().ToLowerInvariant()} {kind.ToString().ToLowerInvariant()} accounts";
        if (settings is null)
        {
            return errors;
        }

        if (configured is null)
        {
            return errors.Add(field, $"This host has no {accounts}.");
        }

        string At(string name) => ValidationErrors.Join(field, name);
        var pausesValid = Pause(errors, At("minPauseSeconds"), settings.MinPauseSeconds, configured.MinPause, $"the configured minimum pause of {accounts}")
            & Pause(errors, At("maxPauseSeconds"), settings.MaxPauseSeconds, configured.MaxPause, $"the configured maximum pause of {accounts}");
        if (pausesValid && settings.MaxPauseSeconds is { } max && settings.MinPauseSeconds is { } min && max < min)
        {
            errors.Add(At("maxPauseSeconds"), $"At least {Seconds(min)} seconds: the maximum pause may not be shorter than minPauseSeconds.");
        }

        var tier = Tier(errors, At("messagingTier"), settings.MessagingTier, platform, kind);
        var limitOf = $"the configured limit of {accounts}";
        Count(errors, At("requestsPerSecond"), settings.RequestsPerSecond, configured.RequestsPerSecond, limitOf, least: 1);
        if (settings.PaidRequestsPerSecond is not null && configured.PaidRequestsPerSecond is null)
        {
            errors.Add(At("paidRequestsPerSecond"), $"Only Telegram bots have paid broadcasts; {accounts} have none.");
        }
        else
        {
            Count(errors, At("paidRequestsPerSecond"), settings.PaidRequestsPerSecond, configured.PaidRequestsPerSecond, $"the configured paid broadcast limit of {accounts}", least: 1);
        }

        Count(errors, At("perGroupPerMinute"), settings.PerGroupPerMinute, configured.PerGroupPerMinute, limitOf, least: 1);
        Count(errors, At("invitesPerDay"), settings.InvitesPerDay, configured.InvitesPerDay, limitOf);
        Count(errors, At("addContactsPerDay"), settings.AddContactsPerDay, configured.AddContactsPerDay, limitOf);
        Count(errors, At("forwardsPerDay"), settings.ForwardsPerDay, configured.ForwardsPerDay, limitOf);
        Count(errors, At("messagesPerDay"), settings.MessagesPerDay, tier ?? configured.MessagesPerDay, tier is null ? limitOf : "the number's messaging tier");
        if (Count(errors, At("messagesWithLinksPerDay"), settings.MessagesWithLinksPerDay, configured.MessagesWithLinksPerDay, limitOf)
            && settings.MessagesWithLinksPerDay is { } links && settings.MessagesPerDay is { } all && links > all)
        {
            errors.Add(At("messagesWithLinksPerDay"), $"At most {all}: it may not exceed messagesPerDay.");
        }

        if (errors.IsEmpty && settings.ToOverrides() is { } overrides)
        {
            foreach (var problem in limits.ValidateOverrides(platform, kind, overrides))
            {
                errors.Add(field, problem);
            }
        }

        return errors;
    }

    /// <summary>An account's own limits for the audit trail: the values set, as JSON (<c>{}</c> for none).</summary>
    public static string AuditText(LimitOverrides? overrides) =>
        JsonSerializer.Serialize(LimitSettings.From(overrides) ?? new LimitSettings(), AuditJson);

    private static bool Pause(ValidationErrors errors, string field, double? seconds, TimeSpan configured, string what)
    {
        if (seconds is not { } s)
        {
            return true;
        }

        if (s > LimitSettings.LongestPauseSeconds)
        {
            errors.Add(field, $"At most {Seconds(LimitSettings.LongestPauseSeconds)} seconds (one day).");
            return false;
        }

        if (s < configured.TotalSeconds)
        {
            errors.Add(field, $"At least {Seconds(configured.TotalSeconds)} seconds: {what} ({Stricter}).");
            return false;
        }

        return true;
    }

    private static bool Count(ValidationErrors errors, string field, int? value, int? ceiling, string what, int least = 0)
    {
        if (value is not { } v)
        {
            return true;
        }

        if (v < least)
        {
            errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"Must be {least} or more."));
            return false;
        }

        if (ceiling is { } c && v > c)
        {
            errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"At most {c}: {what} ({Stricter})."));
            return false;
        }

        return true;
    }

    // The messaging tier when it applies (a WhatsApp Cloud API number, one of Meta's tiers); it replaces the message cap.
    private static int? Tier(ValidationErrors errors, string field, int? tier, PlatformKind platform, AccountKind kind)
    {
        if (tier is not { } t)
        {
            return null;
        }

        if (platform != PlatformKind.WhatsApp || kind != AccountKind.Bot)
        {
            errors.Add(field, "Only WhatsApp Cloud API numbers have a messaging tier.");
            return null;
        }

        if (!LimitOverrides.WhatsAppTiers.Contains(t))
        {
            errors.Add(field, $"Must be one of {string.Join(", ", LimitOverrides.WhatsAppTiers)}.");
            return null;
        }

        return t;
    }

    private static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
}
