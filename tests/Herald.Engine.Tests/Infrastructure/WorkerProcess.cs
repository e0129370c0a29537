using System.Diagnostics;
using Xunit.Abstractions;

namespace Herald.Engine.Tests.Infrastructure;

/// <summary>A separate engine worker process (Herald.Engine.TestWorker) that can be killed with SIGKILL.</summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;

    private WorkerProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts a worker. It runs with short test leases (6 s lease, 3 s message visibility) unless
    /// <paramref name="engineDefaults"/> asks for the engine's own.
    /// </summary>
    public static WorkerProcess Start(string storage, string prefix, string journal, ITestOutputHelper output, int latencyMs = 0, int? concurrency = null, bool engineDefaults = false)
    {
        var here = AppContext.BaseDirectory;
        var dll = Path.Combine(here.Replace("Herald.Engine.Tests", "Herald.Engine.TestWorker", StringComparison.Ordinal), "Herald.Engine.TestWorker.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("The test worker is not built.", dll);
        }

        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--storage", storage, "--prefix", prefix, "--journal", journal, "--latency-ms", latencyMs.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }

        if (!engineDefaults)
        {
            foreach (var arg in new[] { "--lease-s", "6", "--visibility-s", "3" })
            {
                info.ArgumentList.Add(arg);
            }
        }

        if (concurrency is { } slots)
        {
            info.ArgumentList.Add("--concurrency");
            info.ArgumentList.Add(slots.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the test worker.");
        var pid = process.Id; // read once: the output callbacks may run after the process object is disposed
        process.OutputDataReceived += (_, e) => Write(output, pid, e.Data);
        process.ErrorDataReceived += (_, e) => Write(output, pid, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new WorkerProcess(process);
    }

    /// <summary>SIGKILL: no shutdown, no finally blocks, whatever was in flight is left as it was.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static void Write(ITestOutputHelper output, int pid, string? line)
    {
        if (line is null)
        {
            return;
        }

        try
        {
            output.WriteLine($"[worker {pid}] {line}");
        }
        catch (InvalidOperationException)
        {
            // The test has finished.
        }
    }
}
