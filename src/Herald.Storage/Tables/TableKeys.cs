namespace Herald.Storage.Tables;

/// <summary>Key validation and the entity address <c>(PartitionKey='..',RowKey='..')</c>.</summary>
internal static class TableKeys
{
    /// <summary>1 KiB of UTF-16 (the service stores strings as UTF-16): 512 characters.</summary>
    public const int MaxKeyChars = 512;

    /// <summary>Throws <see cref="ArgumentException"/> when a key could not be stored (before any request is made).</summary>
    public static void Validate(string? key, string keyName)
    {
        if (key is null)
        {
            throw new ArgumentNullException(keyName, $"The {keyName} is required.");
        }

        if (key.Length > MaxKeyChars)
        {
            throw new ArgumentException(
                $"The {keyName} is {key.Length} characters; a key is at most 1 KiB of UTF-16 ({MaxKeyChars} characters).", keyName);
        }

        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c is '/' or '\\' or '#' or '?' || c <= '\u001F' || (c >= '\u007F' && c <= '\u009F'))
            {
                throw new ArgumentException(
                    $"The {keyName} contains the character U+{(int)c:X4} at index {i}; keys may not contain '/', '\\', '#', '?' or control characters (U+0000-U+001F, U+007F-U+009F).",
                    keyName);
            }
        }
    }

    public static void Validate(ITableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        Validate(entity.PartitionKey, nameof(ITableEntity.PartitionKey));
        Validate(entity.RowKey, nameof(ITableEntity.RowKey));
    }

    /// <summary>The URL path segment of an entity: quotes doubled (OData), then percent-encoded.</summary>
    public static string Address(string tableName, string partitionKey, string rowKey) =>
        $"{tableName}(PartitionKey='{Escape(partitionKey)}',RowKey='{Escape(rowKey)}')";

    private static string Escape(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));
}
