using System.Security.Cryptography;
using System.Text;
using Herald.Core.Domain;
using Herald.Core.Limits;
using Herald.Core.Templates;
using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Herald.Host.Validation;

namespace Herald.Host.Campaigns;

/// <summary>
/// Checks a <see cref="UpdateCampaignRequest"/> against the stored campaign as a create would be checked (the message
/// against the list's fields and the platform's length limit, the start at most a year ahead), applies it to the row,
/// and gives the row's HTTP entity tag (a strong tag derived from the storage ETag) for <c>ETag</c> and <c>If-Match</c>.
/// </summary>
internal sealed class CampaignEditor(TargetStore targets, PlatformLimits limits, TimeProvider time)
{
    /// <summary>The entity tag of the campaign row as read.</summary>
    public static string ETagOf(CampaignRecord campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(campaign.ETag.ToString())))[..32]}\"";
    }

    /// <summary>True when an <c>If-Match</c> value names the campaign as it is (<c>*</c> matches any).</summary>
    public static bool Matches(string ifMatch, CampaignRecord campaign)
    {
        ArgumentNullException.ThrowIfNull(ifMatch);
        var tag = ETagOf(campaign);
        return ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Any(t => t == "*" || t == tag);
    }

    /// <summary>The field errors of applying <paramref name="request"/> to <paramref name="campaign"/>; empty when it may be applied.</summary>
    public async Task<ValidationErrors> CheckAsync(CampaignRecord campaign, UpdateCampaignRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        if (request.StartAt is { } start && start > time.GetUtcNow().AddDays(CreateCampaignRequest.MaxScheduleDays))
        {
            errors.Add("startAt", $"Must be at most {CreateCampaignRequest.MaxScheduleDays} days ahead.");
        }

        if (request.Message is { } text)
        {
            var parsed = MessageTemplate.Parse(text, await KnownFieldsAsync(campaign, cancellationToken), MaxMessageLength(campaign.Campaign));
            foreach (var error in parsed.Errors)
            {
                errors.Add("message", error.Message);
            }
        }

        return errors;
    }

    /// <summary>Writes the request's values into the row (not stored).</summary>
    public static void Apply(CampaignRecord campaign, UpdateCampaignRequest request)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(request);
        var c = campaign.Campaign;
        var schedule = new CampaignSchedule(request.StartAt ?? c.Schedule.StartAt, request.TimeWindow?.ToWindow() ?? c.Schedule.Window);
        campaign.Campaign = c with
        {
            Schedule = schedule,
            Priority = request.Priority ?? c.Priority,
            MessageTemplate = request.Message ?? c.MessageTemplate,
        };
        campaign.Name = request.Name?.Trim() ?? campaign.Name;
    }

    // The fields of the list: those of its first recipient (an import's rows share its columns). Null (no check) while
    // a large list is still being written.
    private async Task<IReadOnlyCollection<string>?> KnownFieldsAsync(CampaignRecord campaign, CancellationToken cancellationToken)
    {
        var first = await targets.GetAsync(EngineKeys.TargetPartition(campaign.TenantId, campaign.Id, 0), EngineKeys.TargetRow(0), cancellationToken);
        return first is null ? null : [.. first.Recipient.Fields?.Keys ?? []];
    }

    private int? MaxMessageLength(Campaign campaign)
    {
        AccountKind[] kinds = CampaignPreparer.RequiredKind(campaign.Actions) is { } kind ? [kind] : [AccountKind.Bot, AccountKind.User];
        var supported = kinds.Where(k => limits.Supports(campaign.Platform, k)).ToList();
        return supported.Count == 0 ? null : supported.Min(k => limits.For(campaign.Platform, k).MaxMessageLength);
    }
}
