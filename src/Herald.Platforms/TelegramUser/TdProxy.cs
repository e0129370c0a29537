using System.Text.Json.Nodes;

namespace Herald.Platforms.TelegramUser;

/// <summary>
/// An account's proxy (R23; routing only) as TDLib's <c>addProxy</c>: <c>socks5://[user:pass@]host:port</c>,
/// <c>http://</c> or <c>https://[user:pass@]host:port</c> (an HTTP CONNECT proxy), or <c>mtproto://host:port?secret=…</c>
/// (or <c>mtproto://secret@host:port</c>).
/// </summary>
public static class TdProxy
{
    /// <summary>The <c>addProxy</c> request enabling the proxy, or null when the address is not one of those forms.</summary>
    public static JsonObject? ToRequest(string proxy)
    {
        if (!Uri.TryCreate(proxy, UriKind.Absolute, out var uri) || uri.Port <= 0 || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }

        var user = Uri.UnescapeDataString(uri.UserInfo.Split(':', 2)[0]);
        var password = uri.UserInfo.Contains(':', StringComparison.Ordinal) ? Uri.UnescapeDataString(uri.UserInfo.Split(':', 2)[1]) : "";
        var secret = user.Length > 0 ? user : QuerySecret(uri.Query);
        JsonObject? type = uri.Scheme switch
        {
            "socks5" => new() { ["@type"] = "proxyTypeSocks5", ["username"] = user, ["password"] = password },
            "http" or "https" => new() { ["@type"] = "proxyTypeHttp", ["username"] = user, ["password"] = password, ["http_only"] = false },
            "mtproto" when secret.Length > 0 => new() { ["@type"] = "proxyTypeMtproto", ["secret"] = secret },
            _ => null,
        };
        return type is null ? null : new JsonObject
        {
            ["@type"] = "addProxy",
            ["proxy"] = new JsonObject { ["@type"] = "proxy", ["server"] = uri.Host, ["port"] = uri.Port, ["type"] = type },
            ["enable"] = true,
            ["comment"] = "herald",
        };
    }

    private static string QuerySecret(string query)
    {
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length == 2 && pair[0] == "secret")
            {
                return Uri.UnescapeDataString(pair[1]);
            }
        }

        return "";
    }
}
