namespace Herald.Core.Pacing;

/// <summary>Process-independent hashing (string.GetHashCode is randomised per process).</summary>
internal static class StableHash
{
    /// <summary>FNV-1a, 64 bits, over the UTF-16 code units of <paramref name="text"/>.</summary>
    public static ulong Of(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>A 32-bit stable hash.</summary>
    public static int Of32(string text)
    {
        var h = Of(text);
        return (int)(h ^ (h >> 32));
    }

    /// <summary>A uniform number in [0, 1) determined by its inputs (SplitMix64 finaliser).</summary>
    public static double Unit(long seed, long a, long b)
    {
        var z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)a * 0xBF58476D1CE4E5B9UL ^ (ulong)b * 0x94D049BB133111EBUL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
