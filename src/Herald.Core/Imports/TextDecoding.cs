using System.Text;

namespace Herald.Core.Imports;

/// <summary>Turns uploaded bytes into text: BOM first, then strict UTF-8, then the fallback code page.</summary>
internal static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static int _registered;

    /// <summary>Makes the Windows code pages (1251…) available; ExcelDataReader needs them too. Idempotent.</summary>
    public static void EnsureCodePages()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        }
    }

    public static Encoding? FindEncoding(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        EnsureCodePages();
        try
        {
            return Encoding.GetEncoding(name.Trim());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// The encoding of <paramref name="bytes"/> and the length of its BOM: a BOM, else UTF-8 when the bytes are valid
    /// UTF-8, else <paramref name="fallback"/>. Lets a reader stream the text instead of decoding it whole.
    /// </summary>
    public static (Encoding Encoding, int Skip) Detect(ReadOnlySpan<byte> bytes, Encoding fallback) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? (Encoding.UTF8, 3)
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? (Encoding.Unicode, 2)
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? (Encoding.BigEndianUnicode, 2)
        : System.Text.Unicode.Utf8.IsValid(bytes) ? (Encoding.UTF8, 0)
        : (fallback, 0);

    /// <summary>
    /// As <see cref="Detect(ReadOnlySpan{byte}, Encoding)"/> for a stream read from its start, validated chunk by
    /// chunk, so a large upload is never held whole.
    /// </summary>
    public static (Encoding Encoding, int Skip) Detect(Stream stream, Encoding fallback)
    {
        var head = new byte[3];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var bom = Detect(head.AsSpan(0, n), fallback);
        if (bom.Skip > 0)
        {
            return bom;
        }

        var bytes = new byte[64 * 1024];
        var chars = new char[bytes.Length];
        head.AsSpan(0, n).CopyTo(bytes);
        var filled = n;
        while (true)
        {
            var read = stream.Read(bytes, filled, bytes.Length - filled);
            filled += read;
            var final = read == 0;
            var status = System.Text.Unicode.Utf8.ToUtf16(
                bytes.AsSpan(0, filled), chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
            if (status == System.Buffers.OperationStatus.InvalidData)
            {
                return (fallback, 0);
            }

            if (final)
            {
                return (Encoding.UTF8, 0);
            }

            // An incomplete sequence at the end of the chunk waits for the next one.
            bytes.AsSpan(consumed, filled - consumed).CopyTo(bytes);
            filled -= consumed;
        }
    }

    public static string Decode(ReadOnlySpan<byte> bytes, Encoding fallback)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return fallback.GetString(bytes);
        }
    }
}
