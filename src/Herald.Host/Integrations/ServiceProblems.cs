using Herald.Host.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Host.Integrations;

/// <summary>
/// A neighbouring service's failure as an RFC 7807 answer naming the service (member <c>service</c>): not configured 409,
/// refused key or unreadable answer 502, unavailable after the retries 503 with <c>Retry-After</c>. A missing item is the
/// caller's field error (400), made where the field is known.
/// </summary>
internal static class ServiceProblems
{
    public static ProblemHttpResult From(ServiceFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var extensions = new Dictionary<string, object?> { ["service"] = failure.Service };
        if (failure.Status is { } status)
        {
            extensions["serviceStatus"] = status;
        }

        return failure.Kind switch
        {
            ServiceFailureKind.NotConfigured => ProblemFactory.Conflict(failure.Detail, extensions),
            ServiceFailureKind.Unavailable => ProblemFactory.ServiceUnavailable(failure.Detail, extensions),
            _ => ProblemFactory.Upstream(StatusCodes.Status502BadGateway, failure.Detail, extensions),
        };
    }
}
