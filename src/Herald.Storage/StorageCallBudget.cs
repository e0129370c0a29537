namespace Herald.Storage;

/// <summary>
/// A time budget for the storage calls made in one flow of work (an API request, a readiness check), carried in an
/// <see cref="AsyncLocal{T}"/>: within <see cref="Begin"/>'s scope every try of every storage call may wait at most the
/// budget for the service and is not retried, so an outage fails the caller in about the budget instead of after the
/// SDK's retries (<see cref="StorageClientOptions"/>). Work outside a scope (the engine's workers) keeps the full
/// retries and network timeout and rides out outages.
/// </summary>
public static class StorageCallBudget
{
    private static readonly AsyncLocal<TimeSpan?> CurrentBudget = new();

    /// <summary>The budget in force here, or null outside any scope.</summary>
    public static TimeSpan? Current => CurrentBudget.Value;

    /// <summary>Gives the storage calls that follow (in this async flow) <paramref name="timeout"/> each; dispose to end the scope.</summary>
    public static IDisposable Begin(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var previous = CurrentBudget.Value;
        CurrentBudget.Value = previous is { } outer && outer < timeout ? outer : timeout;
        return new Scope(previous);
    }

    private sealed class Scope(TimeSpan? previous) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                CurrentBudget.Value = previous;
            }
        }
    }
}
