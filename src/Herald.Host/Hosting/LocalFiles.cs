namespace Herald.Host.Hosting;

/// <summary>Creates folders and files readable by the current user only (local secrets and keys live there).</summary>
internal static class LocalFiles
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="path"/> (and its parents) if missing; new folders are owner-only on Unix.</summary>
    public static DirectoryInfo EnsurePrivateDirectory(string path) =>
        OperatingSystem.IsWindows() ? Directory.CreateDirectory(path) : Directory.CreateDirectory(path, OwnerOnlyDirectory);

    /// <summary>Options for a new owner-only file; <paramref name="mode"/> decides whether it must not exist yet.</summary>
    public static FileStreamOptions NewPrivateFile(FileMode mode = FileMode.CreateNew)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        return options;
    }

    /// <summary>Writes <paramref name="contents"/> to a temporary file beside <paramref name="path"/> and moves it into place.</summary>
    public static async Task WriteAtomicallyAsync(string path, string contents, CancellationToken cancellationToken = default)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var stream = new FileStream(temporary, NewPrivateFile()))
            await using (var writer = new StreamWriter(stream))
            {
                await writer.WriteAsync(contents.AsMemory(), cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
