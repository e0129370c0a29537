using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Host.Validation;

/// <summary>The API's error answers, all RFC 7807 problem details built with <see cref="TypedResults"/>.</summary>
public static class ProblemFactory
{
    /// <summary>400 with the fields at fault in <c>errors</c>.</summary>
    public static ValidationProblem Validation(ValidationErrors errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), detail: detail ?? "One or more fields are not valid.");

    /// <summary>400 for one field.</summary>
    public static ValidationProblem Validation(string field, string message) => Validation(new ValidationErrors().Add(field, message));

    /// <summary>404; say what was not found, never whether it exists for another tenant.</summary>
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>409 for a state conflict (e.g. resuming a cancelled campaign).</summary>
    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    /// <summary>413 for a body over the limit.</summary>
    public static ProblemHttpResult PayloadTooLarge(long limitBytes) =>
        TypedResults.Problem(
            string.Create(CultureInfo.InvariantCulture, $"The request body is larger than the limit of {limitBytes} bytes."),
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request body too large");

    /// <summary>415 for a body that is not JSON.</summary>
    public static ProblemHttpResult UnsupportedMediaType(string expected = "application/json") =>
        TypedResults.Problem(
            $"The request body must be sent as '{expected}' (UTF-8).",
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported media type");

    /// <summary>503 when the service cannot serve now; <paramref name="extensions"/> may carry details.</summary>
    public static ProblemHttpResult ServiceUnavailable(string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable", extensions: extensions);
}
