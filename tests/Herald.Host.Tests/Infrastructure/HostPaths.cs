namespace Herald.Host.Tests.Infrastructure;

/// <summary>Where the repository, the host project and its build output are, found from the test assembly's folder.</summary>
public static class HostPaths
{
    /// <summary>The folder holding <c>Functions.sln</c>.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The build configuration the tests were built with (<c>Debug</c>/<c>Release</c>), taken from the output path.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    /// <summary>The host's own build output folder (built with the tests, as a project reference).</summary>
    public static string HostOutputDirectory { get; } =
        Path.Combine(RepositoryRoot, "src", "Herald.Host", "bin", Configuration, "net10.0");

    /// <summary><c>Herald.Host.dll</c> in <see cref="HostOutputDirectory"/>: run it with <c>dotnet</c>.</summary>
    public static string HostAssembly { get; } = Path.Combine(HostOutputDirectory, "Herald.Host.dll");

    private static string FindRepositoryRoot()
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
