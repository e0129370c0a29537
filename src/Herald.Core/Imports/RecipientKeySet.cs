using System.Security.Cryptography;
using System.Text;

namespace Herald.Core.Imports;

/// <summary>
/// The identifier keys seen so far in one list, for dedupe, kept as 128-bit digests instead of strings: a list at the
/// row limit costs a few MB whatever its identifiers look like. Two different keys share a digest with a probability
/// of about n²/2¹²⁹ (10⁻²⁷ for 1,000,000 rows): never in practice.
/// </summary>
internal sealed class RecipientKeySet
{
    private readonly HashSet<UInt128> _digests = [];

    public bool Contains(string key) => _digests.Contains(Digest(key));

    public void Add(string key) => _digests.Add(Digest(key));

    private static UInt128 Digest(string key)
    {
        var length = Encoding.UTF8.GetMaxByteCount(key.Length);
        var utf8 = length <= 1024 ? stackalloc byte[length] : new byte[length];
        var written = Encoding.UTF8.GetBytes(key, utf8);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..written], hash);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }
}
