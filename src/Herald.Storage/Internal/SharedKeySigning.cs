using System.Text;
using Azure.Core;

namespace Herald.Storage.Internal;

/// <summary>
/// Builds Shared Key strings-to-sign as the Storage REST documentation ("Authorize with Shared Key")
/// defines them. The canonicalized resource is <c>/{account}{encoded URI path}</c>: with the path-style
/// addressing of Azurite (<c>http://127.0.0.1:P/devstoreaccount1/table</c>) the account name therefore
/// appears twice, exactly as the documentation says for the emulator.
/// </summary>
internal static class SharedKeySigning
{
    /// <summary>Table service, Shared Key (not Lite): VERB, Content-MD5, Content-Type, Date, resource (+ <c>?comp=</c>).</summary>
    public static string TableStringToSign(string method, string? contentMd5, string? contentType, string date, string accountName, string encodedPath, string? query)
    {
        var sb = new StringBuilder();
        sb.Append(method.ToUpperInvariant()).Append('\n')
            .Append(contentMd5).Append('\n')
            .Append(contentType).Append('\n')
            .Append(date).Append('\n')
            .Append('/').Append(accountName).Append(EmptyToSlash(encodedPath));
        foreach (var (name, value) in ParseQuery(query))
        {
            if (name == "comp")
            {
                sb.Append("?comp=").Append(value);
                break;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Blob/Queue/File service, Shared Key for versions 2015-02-21 and later: twelve standard headers
    /// (Content-Length empty when zero), the canonicalized <c>x-ms-</c> headers, then the resource with every
    /// query parameter as <c>\nname:value</c> (names lower-cased and sorted, values decoded).
    /// </summary>
    public static string QueueStringToSign(string method, IEnumerable<KeyValuePair<string, string>> headers, long? contentLength, string accountName, string encodedPath, string? query)
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            byName[name] = byName.TryGetValue(name, out var existing) ? existing + "," + value : value;
        }

        string H(string name) => byName.TryGetValue(name, out var v) ? v : string.Empty;

        var sb = new StringBuilder();
        sb.Append(method.ToUpperInvariant()).Append('\n')
            .Append(H("Content-Encoding")).Append('\n')
            .Append(H("Content-Language")).Append('\n')
            .Append(contentLength is > 0 ? contentLength.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty).Append('\n')
            .Append(H("Content-MD5")).Append('\n')
            .Append(H("Content-Type")).Append('\n')
            .Append(byName.ContainsKey("x-ms-date") ? string.Empty : H("Date")).Append('\n')
            .Append(H("If-Modified-Since")).Append('\n')
            .Append(H("If-Match")).Append('\n')
            .Append(H("If-None-Match")).Append('\n')
            .Append(H("If-Unmodified-Since")).Append('\n')
            .Append(H("Range")).Append('\n');

        foreach (var (name, value) in byName
                     .Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => (Name: h.Key.ToLowerInvariant(), h.Value))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            sb.Append(name).Append(':').Append(CollapseWhitespace(value)).Append('\n');
        }

        sb.Append('/').Append(accountName).Append(EmptyToSlash(encodedPath));
        foreach (var group in ParseQuery(query)
                     .GroupBy(q => q.Name, StringComparer.Ordinal)
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.Append('\n').Append(group.Key).Append(':')
                .Append(string.Join(',', group.Select(g => g.Value).Order(StringComparer.Ordinal)));
        }

        return sb.ToString();
    }

    /// <summary>The Table string-to-sign of a pipeline request.</summary>
    public static string TableStringToSign(Request request, string accountName) =>
        TableStringToSign(
            request.Method.Method,
            Header(request, "Content-MD5"),
            Header(request, "Content-Type"),
            Header(request, "x-ms-date") ?? Header(request, "Date") ?? string.Empty,
            accountName,
            request.Uri.Path,
            request.Uri.Query);

    /// <summary>The Queue string-to-sign of a pipeline request.</summary>
    public static string QueueStringToSign(Request request, string accountName)
    {
        long? length = request.Content is { } content && content.TryComputeLength(out var l) ? l : null;
        var headers = request.Headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value));
        return QueueStringToSign(request.Method.Method, headers, length, accountName, request.Uri.Path, request.Uri.Query);
    }

    private static string? Header(Request request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value : null;

    private static string EmptyToSlash(string path) => string.IsNullOrEmpty(path) ? "/" : path;

    private static IEnumerable<(string Name, string Value)> ParseQuery(string? query)
    {
        if (string.IsNullOrEmpty(query))
        {
            yield break;
        }

        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? pair : pair[..eq];
            var value = eq < 0 ? string.Empty : pair[(eq + 1)..];
            yield return (Uri.UnescapeDataString(name).ToLowerInvariant(), Uri.UnescapeDataString(value.Replace('+', ' ')));
        }
    }

    private static string CollapseWhitespace(string value)
    {
        var sb = new StringBuilder(value.Length);
        var lastWasSpace = false;
        foreach (var c in value.Trim())
        {
            var isSpace = c is ' ' or '\t' or '\r' or '\n';
            if (isSpace && lastWasSpace)
            {
                continue;
            }

            sb.Append(isSpace ? ' ' : c);
            lastWasSpace = isSpace;
        }

        return sb.ToString();
    }
}
