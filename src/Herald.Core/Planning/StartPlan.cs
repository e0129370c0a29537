namespace Herald.Core.Planning;

/// <summary>The plan shown when a campaign starts (R17).</summary>
/// <param name="ActionsPerHour">Expected actions per hour while the window is open, at the start.</param>
/// <param name="ActionsPerDay">Expected actions per open day, at the start.</param>
/// <param name="Shares">Each account's share.</param>
/// <param name="EstimatedFinish">When the list is expected to be done; null when it cannot finish within a year.</param>
/// <param name="FitsDeadline">False when a requested finish time cannot be met within the accounts' limits.</param>
/// <param name="Warning">A clear sentence for the operator when the plan is at risk; null when all is well.</param>
public sealed record StartPlan(
    double ActionsPerHour,
    double ActionsPerDay,
    IReadOnlyList<AccountShare> Shares,
    DateTimeOffset? EstimatedFinish,
    bool FitsDeadline,
    string? Warning);
