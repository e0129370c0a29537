namespace Herald.Storage;

/// <summary>
/// A parsed Azure Storage connection string: the account, its key (if any) and the table, queue and
/// blob endpoints. Understands <c>UseDevelopmentStorage=true</c> (Azurite on its default ports),
/// explicit endpoints (<c>TableEndpoint=http://127.0.0.1:P/devstoreaccount1</c>, the path-style
/// addressing Azurite uses) and ordinary account strings
/// (<c>DefaultEndpointsProtocol=https;AccountName=..;AccountKey=..;EndpointSuffix=core.windows.net</c>).
/// </summary>
public sealed class StorageConnectionString
{
    /// <summary>The well-known account name of the storage emulator.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>The well-known (public) key of the storage emulator's account.</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private StorageConnectionString(string accountName, string? accountKey, Uri tableEndpoint, Uri queueEndpoint, Uri blobEndpoint)
    {
        AccountName = accountName;
        AccountKey = accountKey;
        TableEndpoint = tableEndpoint;
        QueueEndpoint = queueEndpoint;
        BlobEndpoint = blobEndpoint;
    }

    /// <summary>The storage account name.</summary>
    public string AccountName { get; }

    /// <summary>The base64 account key, or null when the string carries none.</summary>
    public string? AccountKey { get; }

    /// <summary>The Table service endpoint (for Azurite it ends in the account name).</summary>
    public Uri TableEndpoint { get; }

    /// <summary>The Queue service endpoint.</summary>
    public Uri QueueEndpoint { get; }

    /// <summary>The Blob service endpoint.</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>A shared-key credential for the account.</summary>
    /// <exception cref="InvalidOperationException">The connection string has no AccountKey.</exception>
    public StorageSharedKeyCredential GetSharedKeyCredential() =>
        AccountKey is null
            ? throw new InvalidOperationException($"The connection string for account '{AccountName}' has no AccountKey.")
            : new StorageSharedKeyCredential(AccountName, AccountKey);

    /// <summary>Parses a connection string.</summary>
    /// <exception cref="FormatException">The string is not a usable storage connection string; the message says why (never echoing the key).</exception>
    public static StorageConnectionString Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var parts = Split(connectionString);

        if (parts.TryGetValue("UseDevelopmentStorage", out var dev))
        {
            if (!string.Equals(dev, "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException("UseDevelopmentStorage must be 'true' when present.");
            }

            var proxy = parts.TryGetValue("DevelopmentStorageProxyUri", out var p) ? ParseUri(p, "DevelopmentStorageProxyUri") : new Uri("http://127.0.0.1");
            return new StorageConnectionString(
                DevelopmentAccountName,
                DevelopmentAccountKey,
                DevEndpoint(proxy, 10002),
                DevEndpoint(proxy, 10001),
                DevEndpoint(proxy, 10000));
        }

        if (parts.ContainsKey("SharedAccessSignature"))
        {
            throw new FormatException("SharedAccessSignature connection strings are not supported; use AccountKey or a TokenCredential.");
        }

        parts.TryGetValue("AccountName", out var accountName);
        parts.TryGetValue("AccountKey", out var accountKey);
        if (string.IsNullOrWhiteSpace(accountName))
        {
            throw new FormatException("The connection string has no AccountName (expected 'UseDevelopmentStorage=true' or 'AccountName=..;AccountKey=..').");
        }

        if (accountKey is not null && !IsBase64(accountKey))
        {
            throw new FormatException($"The AccountKey of account '{accountName}' is not valid base64.");
        }

        var protocol = parts.TryGetValue("DefaultEndpointsProtocol", out var proto) ? proto.ToLowerInvariant() : "https";
        if (protocol is not ("http" or "https"))
        {
            throw new FormatException($"DefaultEndpointsProtocol must be 'http' or 'https', not '{protocol}'.");
        }

        var suffix = parts.TryGetValue("EndpointSuffix", out var s) ? s : "core.windows.net";
        Uri Endpoint(string key, string service) =>
            parts.TryGetValue(key, out var explicitEndpoint)
                ? ParseUri(explicitEndpoint, key)
                : ParseUri($"{protocol}://{accountName}.{service}.{suffix}", key);

        return new StorageConnectionString(
            accountName,
            accountKey,
            Endpoint("TableEndpoint", "table"),
            Endpoint("QueueEndpoint", "queue"),
            Endpoint("BlobEndpoint", "blob"));
    }

    /// <summary>Parses a connection string, returning false instead of throwing when it is not valid.</summary>
    public static bool TryParse(string? connectionString, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StorageConnectionString? result)
    {
        result = null;
        if (connectionString is null)
        {
            return false;
        }

        try
        {
            result = Parse(connectionString);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static Dictionary<string, string> Split(string connectionString)
    {
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = segment.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException("The connection string is not a list of 'Name=value' pairs separated by ';'.");
            }

            var key = segment[..eq].Trim();
            if (!parts.TryAdd(key, segment[(eq + 1)..].Trim()))
            {
                throw new FormatException($"The connection string sets '{key}' more than once.");
            }
        }

        if (parts.Count == 0)
        {
            throw new FormatException("The connection string is empty.");
        }

        return parts;
    }

    private static Uri ParseUri(string value, string name) =>
        Uri.TryCreate(value.TrimEnd('/'), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new FormatException($"{name} is not an absolute http(s) URI.");

    private static Uri DevEndpoint(Uri proxy, int port) =>
        new UriBuilder(proxy) { Port = port, Path = DevelopmentAccountName }.Uri;

    private static bool IsBase64(string value)
    {
        Span<byte> buffer = stackalloc byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out _);
    }
}
