namespace Herald.Engine.Actors;

/// <summary>What the worker does with a tick message after the actor handled it.</summary>
public readonly record struct TickResult(TickResultKind Kind, TimeSpan RetryIn = default)
{
    /// <summary>Done, or stale: delete the message.</summary>
    public static TickResult Delete { get; } = new(TickResultKind.Delete);

    /// <summary>Another attempt holds the account: hide the message until its lease may end.</summary>
    public static TickResult Busy(TimeSpan retryIn) => new(TickResultKind.Busy, retryIn);
}

/// <summary>The kinds of <see cref="TickResult"/>.</summary>
public enum TickResultKind
{
    /// <summary>Delete the message.</summary>
    Delete,

    /// <summary>Leave it, invisible for <see cref="TickResult.RetryIn"/>.</summary>
    Busy,
}
