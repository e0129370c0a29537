namespace Herald.Testing;

/// <summary>Unique, valid table and queue names, so tests sharing one Azurite never collide.</summary>
public static class StorageNames
{
    /// <summary>A table name: the letters and digits of <paramref name="prefix"/>, then 24 hex digits (≤ 63 characters, starts with a letter).</summary>
    public static string UniqueTableName(string prefix = "t")
    {
        var clean = new string(prefix.Where(char.IsAsciiLetterOrDigit).Take(30).ToArray());
        if (clean.Length == 0 || !char.IsAsciiLetter(clean[0]))
        {
            clean = "t" + clean;
        }

        return clean + Guid.NewGuid().ToString("N")[..24];
    }

    /// <summary>A queue name: lower-case letters, digits and dashes of <paramref name="prefix"/>, a dash, then 24 hex digits.</summary>
    public static string UniqueQueueName(string prefix = "q")
    {
        var clean = new string(prefix.ToLowerInvariant().Where(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-').Take(30).ToArray()).Trim('-');
        if (clean.Length == 0)
        {
            clean = "q";
        }

        return clean + "-" + Guid.NewGuid().ToString("N")[..24];
    }
}
