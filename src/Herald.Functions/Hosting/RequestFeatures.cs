using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Herald.Functions.Hosting;

/// <summary>
/// The connection-level features of a request the worker received: what Herald's pipeline reads and writes. Left out
/// on purpose: the worker's request services, endpoint, route values, user and items, which Herald sets for itself.
/// </summary>
internal static class RequestFeatures
{
    public static IFeatureCollection Of(HttpContext outer)
    {
        ArgumentNullException.ThrowIfNull(outer);
        var source = outer.Features;
        var features = new FeatureCollection();
        Copy<IHttpRequestFeature>(source, features);
        Copy<IHttpResponseFeature>(source, features);
        Copy<IHttpResponseBodyFeature>(source, features);
        Copy<IHttpConnectionFeature>(source, features);
        Copy<IHttpRequestLifetimeFeature>(source, features);
        Copy<IHttpRequestIdentifierFeature>(source, features);
        Copy<IHttpRequestBodyDetectionFeature>(source, features);
        Copy<IHttpMaxRequestBodySizeFeature>(source, features);
        Copy<IHttpBodyControlFeature>(source, features);
        Copy<IHttpRequestTrailersFeature>(source, features);
        Copy<IHttpResponseTrailersFeature>(source, features);
        Copy<ITlsConnectionFeature>(source, features);
        return features;
    }

    private static void Copy<T>(IFeatureCollection source, IFeatureCollection target)
    {
        if (source.Get<T>() is { } feature)
        {
            target.Set(feature);
        }
    }
}
