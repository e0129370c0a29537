using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Herald.Functions.Hosting;

/// <summary>
/// The connection-level features of a request the worker received: what Herald's pipeline reads and writes. Left out
/// on purpose: the worker's request services, endpoint, route values, user and items, which Herald sets for itself.
/// </summary>
internal static class RequestFeatures
{
    private static readonly Type[] Carried =
    [
        typeof(IHttpRequestFeature), typeof(IHttpResponseFeature), typeof(IHttpResponseBodyFeature), typeof(IHttpConnectionFeature),
        typeof(IHttpRequestLifetimeFeature), typeof(IHttpRequestIdentifierFeature), typeof(IHttpRequestBodyDetectionFeature),
        typeof(IHttpMaxRequestBodySizeFeature), typeof(IHttpBodyControlFeature), typeof(IHttpRequestTrailersFeature),
        typeof(IHttpResponseTrailersFeature), typeof(ITlsConnectionFeature),
    ];

    public static IFeatureCollection Of(HttpContext outer)
    {
        ArgumentNullException.ThrowIfNull(outer);
        var features = new FeatureCollection();
        foreach (var type in Carried)
        {
            if (outer.Features[type] is { } feature)
            {
                features[type] = feature;
            }
        }

        return features;
    }
}
