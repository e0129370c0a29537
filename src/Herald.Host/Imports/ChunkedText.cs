namespace Herald.Host.Imports;

/// <summary>
/// Cuts a long text into pieces that fit one table property (64 KiB of UTF-16: at most <see cref="MaxPieceLength"/>
/// characters) without splitting a surrogate pair, and joins them back.
/// </summary>
internal static class ChunkedText
{
    /// <summary>The longest piece: 30,000 characters (60,000 bytes of UTF-16).</summary>
    public const int MaxPieceLength = 30_000;

    public static IEnumerable<string> Split(string text, int maxPieceLength = MaxPieceLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPieceLength, 2);
        var start = 0;
        while (start < text.Length)
        {
            var length = Math.Min(maxPieceLength, text.Length - start);
            if (start + length < text.Length && char.IsHighSurrogate(text[start + length - 1]))
            {
                length--;
            }

            yield return text.Substring(start, length);
            start += length;
        }
    }
}
