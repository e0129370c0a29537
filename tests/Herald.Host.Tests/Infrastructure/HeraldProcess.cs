using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Herald.Host.Tests.Infrastructure;

/// <summary>
/// The real host as a child process (<c>dotnet Herald.Host.dll …</c>) on a free loopback port: Kestrel binds
/// <c>http://127.0.0.1:0</c> and the port is read from its "Now listening on" line, so there is no port race.
/// Stops with SIGTERM (graceful), then kills after a grace period. Reusable by end-to-end tests.
/// </summary>
public sealed partial class HeraldProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ITestOutputHelper? _log;

    private HeraldProcess(Process process, ITestOutputHelper? log)
    {
        _process = process;
        _log = log;
    }

    /// <summary>The base address the host listens on (loopback, its own port).</summary>
    public Uri BaseAddress { get; private set; } = null!;

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

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts the host with <paramref name="args"/> (e.g. <c>--environment Development</c>, <c>--Herald:DataDirectory=…</c>)
    /// and returns once it listens; throws with the captured output if it exits or does not listen in time.
    /// </summary>
    public static async Task<HeraldProcess> StartAsync(IEnumerable<string> args, ITestOutputHelper? log = null, TimeSpan? startupTimeout = null, CancellationToken cancellationToken = default)
    {
        var process = new Process { StartInfo = CreateStartInfo([.. args, "--urls", "http://127.0.0.1:0"]), EnableRaisingEvents = true };
        var host = new HeraldProcess(process, log);
        process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        process.Exited += (_, _) => host._listening.TrySetException(new InvalidOperationException($"The host exited before listening.\n{host.Output}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            host.BaseAddress = await host._listening.Task.WaitAsync(startupTimeout ?? TimeSpan.FromSeconds(60), cancellationToken);
            return host;
        }
        catch (TimeoutException)
        {
            await host.DisposeAsync();
            throw new TimeoutException($"The host did not listen in time.\n{host.Output}");
        }
    }

    /// <summary>Runs the host executable to completion (a command such as <c>token</c>), capturing its streams.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IEnumerable<string> args, CancellationToken cancellationToken = default)
    {
        using var process = new Process { StartInfo = CreateStartInfo(args) };
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

    /// <summary>Asks the host to stop (SIGTERM), waits up to <paramref name="grace"/>, then kills it. Returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan grace)
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
            {
                await kill!.WaitForExitAsync();
            }

            try
            {
                await _process.WaitForExitAsync().WaitAsync(grace);
            }
            catch (TimeoutException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }

    private static ProcessStartInfo CreateStartInfo(IEnumerable<string> args)
    {
        if (!File.Exists(HostPaths.HostAssembly))
        {
            throw new InvalidOperationException($"Build the host first: {HostPaths.HostAssembly} is missing.");
        }

        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = HostPaths.HostOutputDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(HostPaths.HostAssembly);
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
            _log?.WriteLine($"[host] {line}");
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
