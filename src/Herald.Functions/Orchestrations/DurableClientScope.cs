using Microsoft.DurableTask.Client;

namespace Herald.Functions.Orchestrations;

/// <summary>
/// The Durable Task client of the function invocation in flight (its <c>[DurableClient]</c> binding), for the engine's
/// campaign starts and signals made while it runs.
/// </summary>
internal static class DurableClientScope
{
    private static readonly AsyncLocal<DurableTaskClient?> CurrentClient = new();

    public static DurableTaskClient? Current => CurrentClient.Value;

    public static IDisposable Enter(DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var previous = CurrentClient.Value;
        CurrentClient.Value = client;
        return new Exit(previous);
    }

    private sealed class Exit(DurableTaskClient? previous) : IDisposable
    {
        public void Dispose() => CurrentClient.Value = previous;
    }
}
