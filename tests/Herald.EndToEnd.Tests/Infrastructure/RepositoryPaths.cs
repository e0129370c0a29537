namespace Herald.EndToEnd.Tests.Infrastructure;

/// <summary>Where the repository and the build output of the programs the tests run are, found from the test assembly's folder.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding <c>Functions.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the tests were built with (<c>Debug</c>/<c>Release</c>), taken from the output path.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    /// <summary><c>Herald.Host.dll</c> in the host's own build output.</summary>
    public static string HostAssembly { get; } = Output("Herald.Host");

    /// <summary><c>Herald.Simulator.dll</c> in the simulator's own build output.</summary>
    public static string SimulatorAssembly { get; } = Output("Herald.Simulator");

    private static string Output(string project) =>
        Path.Combine(Root, "src", project, "bin", Configuration, "net10.0", project + ".dll");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Functions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Functions.sln above {AppContext.BaseDirectory}.");
    }
}
