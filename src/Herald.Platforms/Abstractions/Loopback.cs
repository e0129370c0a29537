using System.Net;

namespace Herald.Platforms.Abstractions;

/// <summary>Whether an endpoint is on this machine (<see cref="SimulatedTimeGuard{TOptions}"/>).</summary>
public static class Loopback
{
    /// <summary>Whether an endpoint (a URL or a bare host name) names this machine.</summary>
    public static bool Names(string? endpoint)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return false;
        }

        var host = Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host) ? uri.Host : endpoint;
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
