namespace Herald.Host.Imports;

/// <summary>
/// An upload copied to a temporary file (deleted when disposed), so the importer can read it twice from disk instead
/// of holding it in memory: a request body can only be read once.
/// </summary>
internal static class UploadSpool
{
    /// <summary>The spooled upload positioned at its start, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<Stream?> CopyAsync(Stream content, long maxBytes, CancellationToken cancellationToken = default)
    {
        var file = new FileStream(
            Path.Combine(Path.GetTempPath(), $"herald-import-{Guid.NewGuid():N}.tmp"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var chunk = new byte[64 * 1024];
            int read;
            while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (file.Length + read > maxBytes)
                {
                    await file.DisposeAsync();
                    return null;
                }

                await file.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
            }

            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
