using Herald.Core.Domain;

namespace Herald.Core.Planning;

/// <summary>What the start plan is asked (R17).</summary>
/// <param name="Recipients">How many recipients the list holds.</param>
/// <param name="Actions">The actions run on each recipient.</param>
/// <param name="Schedule">The campaign's start and window.</param>
/// <param name="Accounts">The accounts it may use.</param>
/// <param name="FinishBy">When the operator wants it finished, or null.</param>
/// <param name="MessageHasLinks">The message holds a link (the lower daily cap applies).</param>
public sealed record StartPlanRequest(
    int Recipients,
    IReadOnlyList<ActionKind> Actions,
    CampaignSchedule Schedule,
    IReadOnlyList<PlanAccount> Accounts,
    DateTimeOffset? FinishBy = null,
    bool MessageHasLinks = false);
