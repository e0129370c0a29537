using Microsoft.DurableTask;

namespace Herald.Engine.Orchestrations;

/// <summary>A campaign whose orchestration failed for good, with the reason a person reads on the campaign.</summary>
public sealed record CampaignFailure(string TenantId, string CampaignId, string Error)
{
    /// <summary>The longest reason kept (an error message can be long; the campaign row and its answer stay small).</summary>
    public const int MaxErrorLength = 500;

    /// <summary>The failure of <paramref name="campaign"/> from the activity failure that ended its orchestration.</summary>
    public static CampaignFailure Of(CampaignRef campaign, TaskFailedException failure)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(failure);
        var error = $"The campaign's orchestration failed for good: its step {failure.TaskName} kept failing after its retries ({failure.FailureDetails.ErrorType}: {failure.FailureDetails.ErrorMessage})";
        return new(campaign.TenantId, campaign.CampaignId, error.Length <= MaxErrorLength ? error : error[..MaxErrorLength]);
    }
}
