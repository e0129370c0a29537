using Herald.Core.Limits;
using Herald.Core.Pacing;

namespace Herald.Core.Planning;

/// <summary>One account offered to a campaign's start plan.</summary>
/// <param name="AccountId">The account id.</param>
/// <param name="State">Its current state (cooldown, warm-up, pace, counters).</param>
/// <param name="Limits">Its limits.</param>
public sealed record PlanAccount(string AccountId, AccountState State, AccountLimits Limits);
