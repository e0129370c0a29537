namespace Herald.Core.Pacing;

/// <summary>
/// The answer to "may this account act now?": <see cref="EarliestAt"/> is now when it may, else the earliest
/// time it may (<see cref="DateTimeOffset.MaxValue"/> when it never will), with the binding reason.
/// </summary>
/// <param name="EarliestAt">The earliest time the action may start.</param>
/// <param name="Reason">What holds it back; <see cref="PacingReason.None"/> when it may act now.</param>
public readonly record struct PacingDecision(DateTimeOffset EarliestAt, PacingReason Reason)
{
    /// <summary>True when the account may act now.</summary>
    public bool MayAct => Reason == PacingReason.None;

    /// <summary>True when the account is only resting between actions (pause, spread or a bot's short budget).</summary>
    public bool IsPacing => Reason is PacingReason.None or PacingReason.Pause or PacingReason.Rate;

    /// <summary>True when the account will never act again (blocked or the action is disabled by a cap of 0).</summary>
    public bool IsNever => EarliestAt == DateTimeOffset.MaxValue;
}
