namespace Herald.Core.Pacing;

/// <summary>How many actions a bot may take in this tick, and when to come back.</summary>
/// <param name="Count">Actions that may start now (0 when none).</param>
/// <param name="NextAt">When the next tick should run: when the budget refills, or the earliest time it may act.</param>
/// <param name="Reason">Why the budget is not larger (the binding limit).</param>
public readonly record struct BatchBudget(int Count, DateTimeOffset NextAt, PacingReason Reason);
