using System.Diagnostics;

namespace Herald.Bench.Recovery;

/// <summary>This program as an engine worker process (<c>recovery --worker</c>), killed with SIGKILL.</summary>
internal sealed class WorkerProcess
{
    private readonly Process _process;
    private bool _killed;

    private WorkerProcess(Process process) => _process = process;

    public static WorkerProcess Start(string connectionString, Uri simulator, string prefix)
    {
        // Always `dotnet Herald.Bench.dll`: under `dotnet run`, the child started through Environment.ProcessPath
        // printed the usage instead of working (cause not found); the dll through the dotnet host works either way.
        var self = Environment.ProcessPath;
        var dotnet = self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? self : "dotnet";
        var start = new ProcessStartInfo(dotnet) { UseShellExecute = false };
        start.ArgumentList.Add(typeof(WorkerProcess).Assembly.Location);

        foreach (var arg in new[] { "recovery", "--worker", "true", "--connection-string", connectionString, "--simulator", simulator.ToString(), "--prefix", prefix })
        {
            start.ArgumentList.Add(arg);
        }

        return new WorkerProcess(Process.Start(start)!);
    }

    /// <summary>SIGKILL: the process gets no chance to hand its account back.</summary>
    public void Kill()
    {
        if (_killed)
        {
            return;
        }

        _killed = true;
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
