namespace Herald.Engine.Ticks;

/// <summary>
/// Tells this process's tick worker that a tick due now was just put on the queue, so it polls at once instead of
/// sleeping out its empty-queue back-off (up to <see cref="EngineOptions.MaxPollInterval"/>). Only a hint: workers in
/// other processes find the tick by polling as usual. Thread-safe.
/// </summary>
public sealed class TickSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A task that completes at the next <see cref="Notify"/>. Take it before looking at the queue, so no notice falls in between.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>Completes the current <see cref="Next"/>.</summary>
    public void Notify() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
