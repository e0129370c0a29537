namespace Herald.Engine.Workers;

/// <summary>How this process names itself in the engine's logs (machine and process id: no data of anyone's).</summary>
public static class WorkerIdentity
{
    /// <summary>The name, e.g. <c>host-1/4242</c>.</summary>
    public static string Name { get; } = $"{Environment.MachineName}/{Environment.ProcessId}";
}
