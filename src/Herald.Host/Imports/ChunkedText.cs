using System.Text;

namespace Herald.Host.Imports;

/// <summary>
/// Cuts a long text into pieces that fit one table property (64 KiB of UTF-16: at most <see cref="MaxPieceLength"/>
/// characters) without splitting a surrogate pair; the pieces joined back are the text.
/// </summary>
internal static class ChunkedText
{
    /// <summary>The longest piece: 30,000 characters (60,000 bytes of UTF-16).</summary>
    public const int MaxPieceLength = 30_000;

    /// <summary>The length of the next piece to cut from the start of <paramref name="text"/>.</summary>
    public static int NextPieceLength(StringBuilder text, int maxPieceLength = MaxPieceLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPieceLength, 2);
        var length = Math.Min(maxPieceLength, text.Length);
        return length < text.Length && char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
    }
}
