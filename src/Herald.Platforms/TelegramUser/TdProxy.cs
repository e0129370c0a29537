using System.Text.Json.Nodes;

namespace Herald.Platforms.TelegramUser;

/// <summary>
/// An account's proxy (R23; routing only) as TDLib's <c>addProxy</c>: <c>socks5://[user:pass@]host:port</c>,
/// <c>http://[user:pass@]host:port</c> or <c>mtproto://secret@host:port</c>.
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
        JsonObject? type = uri.Scheme switch
        {
            "socks5" => new() { ["@type"] = "proxyTypeSocks5", ["username"] = user, ["password"] = password },
            "http" => new() { ["@type"] = "proxyTypeHttp", ["username"] = user, ["password"] = password, ["http_only"] = false },
            "mtproto" when user.Length > 0 => new() { ["@type"] = "proxyTypeMtproto", ["secret"] = user },
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
}
