namespace Herald.Core.Imports;

/// <summary>
/// An upload that can be read more than once from its start, as the streaming passes of an import do (one to survey
/// the rows, one to collect them). A seekable stream is used in place (the host spools a request body to a temporary
/// file); anything else is copied into memory once, within <see cref="ImportOptions.MaxBytes"/>.
/// </summary>
internal sealed class ImportInput : IDisposable
{
    private readonly Stream _content;
    private readonly long _start;
    private readonly bool _owned;

    private ImportInput(Stream content, long start, long length, bool owned)
    {
        _content = content;
        _start = start;
        Length = length;
        _owned = owned;
    }

    /// <summary>The upload's length in bytes.</summary>
    public long Length { get; }

    /// <summary>The upload, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<ImportInput?> OpenAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.CanSeek)
        {
            var length = content.Length - content.Position;
            return length > maxBytes ? null : new ImportInput(content, content.Position, length, owned: false);
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                await buffer.DisposeAsync().ConfigureAwait(false);
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return new ImportInput(buffer, 0, buffer.Length, owned: true);
    }

    /// <summary>A read-only view of the upload from <paramref name="offset"/>; disposing it leaves the upload open.</summary>
    public Stream Open(long offset = 0) => new StreamView(_content, _start, Length) { Position = Math.Min(offset, Length) };

    /// <summary>Up to <paramref name="count"/> bytes from the start.</summary>
    public byte[] Head(int count)
    {
        using var view = Open();
        var head = new byte[(int)Math.Min(count, Length)];
        view.ReadExactly(head);
        return head;
    }

    public void Dispose()
    {
        if (_owned)
        {
            _content.Dispose();
        }
    }
}
