using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Herald.Development;

/// <summary>
/// Runs a private Azurite (npm <c>azurite</c>, run on the machine's Node.js) for tests, benchmarks and the
/// host's development mode: blob, queue and table services on free loopback ports (Azurite binds port 0 and
/// reports the port it got, so there is no race), in memory or in its own temp folder. Dispose stops it with
/// SIGTERM, a grace period, then kills the process tree, and deletes the folder.
/// </summary>
public sealed partial class AzuriteLauncher : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private readonly AzuriteOptions _options;
    private readonly ILogger _logger;
    private int _disposed;

    private AzuriteLauncher(Process process, string folder, int blobPort, int queuePort, int tablePort, AzuriteOptions options, ILogger logger)
    {
        _process = process;
        _folder = folder;
        _options = options;
        _logger = logger;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    /// <summary>The Blob service port on 127.0.0.1.</summary>
    public int BlobPort { get; }

    /// <summary>The Queue service port on 127.0.0.1.</summary>
    public int QueuePort { get; }

    /// <summary>The Table service port on 127.0.0.1.</summary>
    public int TablePort { get; }

    /// <summary>The Table endpoint (path-style: <c>http://127.0.0.1:P/devstoreaccount1</c>).</summary>
    public Uri TableEndpoint => Endpoint(TablePort);

    /// <summary>The Queue endpoint.</summary>
    public Uri QueueEndpoint => Endpoint(QueuePort);

    /// <summary>The Blob endpoint.</summary>
    public Uri BlobEndpoint => Endpoint(BlobPort);

    /// <summary>The process id of Azurite's Node.js process.</summary>
    public int ProcessId => _process.Id;

    /// <summary>A connection string for this instance (well-known development account and key).</summary>
    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;" +
        $"AccountName={DevelopmentStorage.AccountName};" +
        $"AccountKey={DevelopmentStorage.AccountKey};" +
        $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>Starts Azurite and waits until its table and queue ports answer.</summary>
    /// <exception cref="FileNotFoundException">Azurite or Node.js is missing (the message says to run <c>npm ci</c>).</exception>
    /// <exception cref="InvalidOperationException">Azurite did not start after <see cref="AzuriteOptions.StartAttempts"/> attempts.</exception>
    public static async Task<AzuriteLauncher> StartAsync(AzuriteOptions? options = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        options ??= new AzuriteOptions();
        logger ??= NullLogger.Instance;
        var script = FindAzuriteScript(options.AzuritePath);
        var node = FindNode();
        Exception? last = null;
        for (var attempt = 1; attempt <= Math.Max(1, options.StartAttempts); attempt++)
        {
            Log.AzuriteStarting(logger, script, attempt);
            try
            {
                return await StartOnceAsync(node, script, options, logger, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.AzuriteStartFailed(logger, ex, attempt);
                last = ex;
            }
        }

        throw new InvalidOperationException($"Azurite did not start after {options.StartAttempts} attempts: {last?.Message}", last);
    }

    /// <summary>
    /// The Azurite entry script (<c>node_modules/azurite/dist/src/azurite.js</c>), found from
    /// <paramref name="explicitPath"/>, <c>HERALD_AZURITE</c>, or by walking up from the current directory and the app's folder.
    /// </summary>
    /// <exception cref="FileNotFoundException">Not found; the message says to run <c>npm ci</c>.</exception>
    public static string FindAzuriteScript(string? explicitPath = null)
    {
        var candidates = new List<string>();
        var pinned = !string.IsNullOrWhiteSpace(explicitPath) ? explicitPath : Environment.GetEnvironmentVariable("HERALD_AZURITE");
        if (!string.IsNullOrWhiteSpace(pinned))
        {
            // A path someone set on purpose is the only place to look: falling back would hide the mistake.
            return ResolveScript(Path.GetFullPath(pinned))
                ?? throw new FileNotFoundException($"Azurite was not found at '{pinned}'. Run `npm ci` in the repository root, or fix the path.");
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                candidates.Add(Path.Combine(dir.FullName, "node_modules"));
            }
        }

        foreach (var candidate in candidates)
        {
            if (ResolveScript(candidate) is { } script)
            {
                return script;
            }
        }

        throw new FileNotFoundException(
            "Azurite was not found (looked for node_modules/azurite above the current directory and the app folder). "
            + "Run `npm ci` in the repository root, or set HERALD_AZURITE / AzuriteOptions.AzuritePath.");
    }

    /// <summary>
    /// Freezes Azurite (SIGSTOP, Linux): its ports still accept connections but nothing answers, as a hanging storage
    /// account does. Nothing acknowledged is lost; <see cref="Resume"/> (SIGCONT) lets it carry on. Never SIGKILL
    /// Azurite to simulate an outage: it loses acknowledged writes.
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">Not on Linux.</exception>
    public void Pause() => Signal(NativeMethods.SigStopLinux);

    /// <summary>Lets a <see cref="Pause">paused</see> Azurite carry on (SIGCONT, Linux).</summary>
    /// <exception cref="PlatformNotSupportedException">Not on Linux.</exception>
    public void Resume() => Signal(NativeMethods.SigContLinux);

    /// <summary>Stops Azurite (SIGTERM, grace period, then kill) and deletes its folder. Idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                Log.AzuriteStopping(_logger, _process.Id);
                if (OperatingSystem.IsLinux())
                {
                    // A paused Azurite would only act on SIGTERM once continued.
                    _ = NativeMethods.Kill(_process.Id, NativeMethods.SigContLinux);
                }

                if (OperatingSystem.IsWindows() || NativeMethods.Kill(_process.Id, NativeMethods.SigTerm) != 0)
                {
                    _process.Kill(entireProcessTree: true);
                }

                using var grace = new CancellationTokenSource(_options.StopGracePeriod);
                try
                {
                    await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    Log.AzuriteKilled(_logger, _process.Id, (long)_options.StopGracePeriod.TotalMilliseconds);
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // The process had already gone.
        }
        finally
        {
            _process.Dispose();
            TryDeleteFolder(_folder);
        }
    }

    /// <summary>Ends Azurite (and removes its folder) once the owner process is gone.</summary>
    private const string WatchdogScript = """
        // Written by Herald's AzuriteLauncher: stop this Azurite when the process that started it is gone.
        const owner = Number(process.env.HERALD_AZURITE_OWNER);
        if (owner > 0) {
          setInterval(() => {
            try {
              process.kill(owner, 0);
            } catch (e) {
              if (e.code === 'ESRCH') {
                try { require('fs').rmSync(__dirname, { recursive: true, force: true }); } catch { }
                process.exit(0);
              }
            }
          }, 1000).unref();
        }
        """;

    private static async Task<AzuriteLauncher> StartOnceAsync(string node, string script, AzuriteOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "herald-azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var startInfo = new ProcessStartInfo(node)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // A watchdog preloaded into Azurite's Node.js process: a host or test run killed with SIGKILL leaves no Azurite behind.
        var watchdog = Path.Combine(folder, "herald-watchdog.cjs");
        await File.WriteAllTextAsync(watchdog, WatchdogScript, cancellationToken).ConfigureAwait(false);
        startInfo.Environment["HERALD_AZURITE_OWNER"] = (options.OwnerProcessId ?? Environment.ProcessId).ToString(CultureInfo.InvariantCulture);
        foreach (var arg in new[]
                 {
                     "--require", watchdog, script, "--blobHost", "127.0.0.1", "--blobPort", "0", "--queueHost", "127.0.0.1", "--queuePort", "0",
                     "--tableHost", "127.0.0.1", "--tablePort", "0", "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
                 })
        {
            startInfo.ArgumentList.Add(arg);
        }

        if (options.InMemoryPersistence)
        {
            startInfo.ArgumentList.Add("--inMemoryPersistence");
            startInfo.ArgumentList.Add("--extentMemoryLimit");
            startInfo.ArgumentList.Add(options.ExtentMemoryLimitMegabytes.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            startInfo.ArgumentList.Add("--location");
            startInfo.ArgumentList.Add(folder);
        }

        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };

        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            Log.AzuriteOutput(logger, line);
            output.Enqueue(line);
            var match = ListeningLine().Match(line);
            if (match.Success)
            {
                lock (ports)
                {
                    ports[match.Groups[1].Value] = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
                    if (ports.Count == 3)
                    {
                        ready.TrySetResult();
                    }
                }
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException(
            $"Azurite exited during start-up: {string.Join(" | ", output.TakeLast(5))}"));
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            process.Dispose();
            TryDeleteFolder(folder);
            throw new FileNotFoundException($"Could not run Node.js ('{node}'): {ex.Message}. Install Node.js and run `npm ci`.", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var started = Stopwatch.StartNew();
        var launcher = new AzuriteLauncher(process, folder, 0, 0, 0, options, logger);
        try
        {
            await ready.Task.WaitAsync(options.StartTimeout, cancellationToken).ConfigureAwait(false);
            launcher = new AzuriteLauncher(process, folder, ports["Blob"], ports["Queue"], ports["Table"], options, logger);
            await WaitForPortAsync(launcher.TablePort, cancellationToken).ConfigureAwait(false);
            await WaitForPortAsync(launcher.QueuePort, cancellationToken).ConfigureAwait(false);
            Log.AzuriteStarted(logger, launcher.BlobPort, launcher.QueuePort, launcher.TablePort, process.Id, started.ElapsedMilliseconds);
            return launcher;
        }
        catch
        {
            await launcher.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task WaitForPortAsync(int port, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException) when (attempt < 50)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static string? ResolveScript(string candidate)
    {
        if (File.Exists(candidate))
        {
            // node_modules/.bin/azurite (a symlink or a copy) next to node_modules/azurite.
            var binDir = Path.GetDirectoryName(candidate)!;
            return ResolveScript(Path.GetDirectoryName(binDir)!) ?? (candidate.EndsWith(".js", StringComparison.Ordinal) ? candidate : null);
        }

        foreach (var path in new[]
                 {
                     Path.Combine(candidate, "azurite", "dist", "src", "azurite.js"),
                     Path.Combine(candidate, "node_modules", "azurite", "dist", "src", "azurite.js"),
                 })
        {
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    private static string FindNode()
    {
        var names = OperatingSystem.IsWindows() ? new[] { "node.exe" } : ["node"];
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var path = Path.Combine(dir, name);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        throw new FileNotFoundException("Node.js ('node') was not found on PATH; Azurite runs on it. Install Node.js, then run `npm ci`.");
    }

    private static void TryDeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void Signal(int signal)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("Pausing Azurite needs Linux signals.");
        }

        if (NativeMethods.Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"Could not signal Azurite (pid {_process.Id}): errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}.");
        }
    }

    private static Uri Endpoint(int port) => new($"http://127.0.0.1:{port}/{DevelopmentStorage.AccountName}");

    [GeneratedRegex(@"Azurite (Blob|Queue|Table) service is successfully listening at https?://[^:]+:(\d+)")]
    private static partial Regex ListeningLine();
}
