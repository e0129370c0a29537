using Herald.Testing.Processes;

namespace Herald.Host.Tests.Infrastructure;

/// <summary>
/// The real host as a child process (<c>dotnet Herald.Host.dll …</c>) on a free loopback port, through
/// <see cref="ChildProcess"/>: stops with SIGTERM (graceful), then kills after a grace period.
/// </summary>
public static class HeraldProcess
{
    /// <summary>
    /// Starts the host with <paramref name="args"/> (e.g. <c>--environment Development</c>, <c>--Herald:DataDirectory=…</c>)
    /// and returns once it listens; throws with the captured output if it exits or does not listen in time.
    /// </summary>
    public static Task<ChildProcess> StartAsync(IEnumerable<string> args, ITestOutputHelper? log = null, TimeSpan? startupTimeout = null, CancellationToken cancellationToken = default) =>
        ChildProcess.StartAsync("host", HostPaths.HostAssembly, args, log, startupTimeout, cancellationToken);

    /// <summary>Runs the host executable to completion (a command such as <c>token</c>), capturing its streams.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IEnumerable<string> args, CancellationToken cancellationToken = default) =>
        ChildProcess.RunAsync(HostPaths.HostAssembly, args, cancellationToken);
}
