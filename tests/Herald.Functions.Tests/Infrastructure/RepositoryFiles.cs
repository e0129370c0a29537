namespace Herald.Functions.Tests.Infrastructure;

/// <summary>Files of this repository and of the Functions project's build output, found from the test's own output folder.</summary>
public static class RepositoryFiles
{
    /// <summary>The folder holding <c>Functions.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A file under the root, by its repository path.</summary>
    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    /// <summary>
    /// A file of <c>src/Herald.Functions</c>'s build output in the configuration this test was built in (the test
    /// project references it, so it is built first).
    /// </summary>
    public static string FunctionsOutput(string file)
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        return System.IO.Path.Combine(Root, "src", "Herald.Functions", "bin", configuration, framework.Name, file);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Functions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Functions.sln above {AppContext.BaseDirectory}.");
    }
}
