using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Herald.Testing.Processes;

/// <summary>
/// A .NET program of this repository as a child process (<c>dotnet X.dll …</c>, started in its build output folder)
/// listening on a free loopback port: it binds <c>http://127.0.0.1:0</c> and the port is read from its "Now listening
/// on" line, so there is no port race. Its output goes to the current test's log. Killed with SIGKILL, or stopped with
/// SIGTERM and killed after a grace period; disposing always leaves no process behind. Used by the host tests (the
/// real host process) and the end-to-end tests (host, workers and simulator).
/// </summary>
public sealed partial class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _name;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process, string name, ITestOutputHelper? log)
    {
        _process = process;
        _name = name;
        Log = log;
    }

    /// <summary>Where output lines go (the running test's log); null drops them. Lines are kept in <see cref="Output"/> either way.</summary>
    public ITestOutputHelper? Log { get; set; }

    /// <summary>The base address the program listens on.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The operating system's process id.</summary>
    public int Id { get; private set; }

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote so far (stdout and stderr, interleaved).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="assembly"/> with <paramref name="args"/> on a free port and returns once it listens; throws
    /// with the captured output if it exits first or does not listen within <paramref name="startupTimeout"/> (60 s).
    /// </summary>
    public static async Task<ChildProcess> StartAsync(
        string name,
        string assembly,
        IEnumerable<string> args,
        ITestOutputHelper? log,
        TimeSpan? startupTimeout = null,
        CancellationToken cancellationToken = default)
    {
        var process = new Process { StartInfo = CreateStartInfo(assembly, [.. args, "--urls", "http://127.0.0.1:0"]), EnableRaisingEvents = true };
        var child = new ChildProcess(process, name, log);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        process.Exited += (_, _) => child._listening.TrySetException(new InvalidOperationException($"{name} exited before listening.\n{child.Output}"));
        process.Start();
        child.Id = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            child.BaseAddress = await child._listening.Task.WaitAsync(startupTimeout ?? TimeSpan.FromSeconds(60), cancellationToken);
            return child;
        }
        catch (TimeoutException)
        {
            await child.DisposeAsync();
            throw new TimeoutException($"{name} did not listen in time.\n{child.Output}");
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="assembly"/> to completion (a command such as the host's <c>token</c>) and returns its exit code and stdout.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string assembly, IEnumerable<string> args, CancellationToken cancellationToken = default)
    {
        using var process = new Process { StartInfo = CreateStartInfo(assembly, args) };
        process.Start();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>An <see cref="HttpClient"/> for <see cref="BaseAddress"/>.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>SIGKILL: no shutdown, no finally blocks; whatever was in flight stays as it was.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Asks the process to stop (SIGTERM), waits up to <paramref name="grace"/>, then kills it. Returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan grace)
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
            {
                await term!.WaitForExitAsync();
            }

            try
            {
                await _process.WaitForExitAsync().WaitAsync(grace);
            }
            catch (TimeoutException)
            {
                await KillAsync();
            }
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        Log = null;
        _process.Dispose();
    }

    private static ProcessStartInfo CreateStartInfo(string assembly, IEnumerable<string> args)
    {
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"Build it first: {assembly} is missing.");
        }

        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(assembly);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // The child must not inherit a test runner's environment choice.
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        info.Environment.Remove("DOTNET_ENVIRONMENT");
        return info;
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        try
        {
            Log?.WriteLine($"[{_name}] {line}");
        }
        catch (InvalidOperationException)
        {
            // The test that attached the output has finished.
        }

        if (ListeningOn().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
