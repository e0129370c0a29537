using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Host.Validation;

/// <summary>The API's error answers, all RFC 7807 problem details built with <see cref="TypedResults"/>.</summary>
public static class ProblemFactory
{
    /// <summary>400 with the fields at fault in <c>errors</c>.</summary>
    public static ValidationProblem Validation(ValidationErrors errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), detail: detail ?? "One or more fields are not valid.");

    /// <summary>400 with the fields at fault and extra members (e.g. a <c>code</c>).</summary>
    public static ValidationProblem Validation(ValidationErrors errors, string detail, IDictionary<string, object?> extensions) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), detail: detail, extensions: extensions);

    /// <summary>400 for one field.</summary>
    public static ValidationProblem Validation(string field, string message) => Validation(new ValidationErrors().Add(field, message));

    /// <summary>404; say what was not found, never whether it exists for another tenant.</summary>
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>409 for a state conflict (e.g. resuming a cancelled campaign).</summary>
    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    /// <summary>409 that also says what the resource is now (e.g. <c>status</c>).</summary>
    public static ProblemHttpResult Conflict(string detail, IDictionary<string, object?> extensions) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict", extensions: extensions);

    /// <summary>422 for a request that is well formed but cannot be carried out (the platform refused it, a key reused).</summary>
    public static ProblemHttpResult Unprocessable(string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: title, extensions: extensions);

    /// <summary>429 with the delay the client must wait (also sent as <c>Retry-After</c> by the caller).</summary>
    public static ProblemHttpResult TooManyRequests(string detail, TimeSpan retryAfter) =>
        TypedResults.Problem(
            detail,
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = (int)Math.Ceiling(retryAfter.TotalSeconds) });

    /// <summary>502/504 when an upstream platform failed or did not answer.</summary>
    public static ProblemHttpResult Upstream(int statusCode, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: statusCode, title: statusCode == StatusCodes.Status504GatewayTimeout ? "Upstream timeout" : "Upstream failure", extensions: extensions);

    /// <summary>413 for a body over the limit.</summary>
    public static ProblemHttpResult PayloadTooLarge(long limitBytes) =>
        TypedResults.Problem(
            string.Create(CultureInfo.InvariantCulture, $"The request body is larger than the limit of {limitBytes} bytes."),
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request body too large");

    /// <summary>413 for content that grows past a limit once read (a workbook inflating past its budget); <paramref name="extensions"/> name the limit.</summary>
    public static ProblemHttpResult PayloadTooLarge(string detail, IDictionary<string, object?> extensions) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Content too large", extensions: extensions);

    /// <summary>415 for a body that is not JSON.</summary>
    public static ProblemHttpResult UnsupportedMediaType(string expected = "application/json") =>
        UnsupportedMediaTypeWithDetail($"The request body must be sent as '{expected}' (UTF-8).");

    /// <summary>415 with a detail naming what is accepted.</summary>
    public static ProblemHttpResult UnsupportedMediaTypeWithDetail(string detail) =>
        TypedResults.Problem(
            detail,
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported media type");

    /// <summary>503 when the service cannot serve now; <paramref name="extensions"/> may carry details.</summary>
    public static ProblemHttpResult ServiceUnavailable(string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable", extensions: extensions);
}
