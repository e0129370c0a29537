namespace Herald.Testing.Processes;

/// <summary>Where the repository and the build output of the programs tests run as child processes are, found from the test assembly's folder.</summary>
public static class RepositoryOutputs
{
    /// <summary>The folder holding <c>Functions.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the tests were built with (<c>Debug</c>/<c>Release</c>), taken from the output path.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    /// <summary><c>Herald.Host.dll</c> in the host's own build output (build it with the tests: a project reference with <c>ReferenceOutputAssembly="false"</c>).</summary>
    public static string HostAssembly => Assembly("Herald.Host");

    /// <summary><c>&lt;project&gt;.dll</c> in <c>src/&lt;project&gt;/bin/&lt;configuration&gt;/net10.0</c>.</summary>
    public static string Assembly(string project) =>
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
