using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Host.Validation;

/// <summary>
/// A JSON request body bound strictly (see <see cref="JsonBodyReader"/>) and validated (<see cref="IValidatableRequest"/>).
/// Declare it as a handler parameter; when the body is not acceptable, a filter added with the parameter answers with
/// the problem (400/413/415) and the handler is not called, so handlers only ever see <see cref="Value"/>.
/// </summary>
/// <typeparam name="T">The request type: a class with <c>required</c> members for required fields.</typeparam>
public sealed class ValidatedJson<T> : IBindableFromHttpContext<ValidatedJson<T>>, IEndpointParameterMetadataProvider
    where T : class
{
    private readonly T? _value;

    private ValidatedJson(T? value, IResult? problem)
    {
        _value = value;
        Problem = problem;
    }

    /// <summary>The accepted body.</summary>
    public T Value => _value ?? throw new InvalidOperationException("The body was refused; the ValidatedJson filter answers before the handler runs.");

    /// <summary>The answer for a refused body, or null when the body was accepted.</summary>
    internal IResult? Problem { get; }

    /// <inheritdoc />
    public static async ValueTask<ValidatedJson<T>?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var reader = context.RequestServices.GetRequiredService<JsonBodyReader>();
        var (value, problem) = await reader.ReadAsync<T>(context, context.RequestAborted);
        return new ValidatedJson<T>(value, problem);
    }

    /// <inheritdoc />
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        builder.Metadata.Add(new AcceptsMetadata(["application/json"], typeof(T)));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), ["application/problem+json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status413PayloadTooLarge, typeof(ProblemDetails), ["application/problem+json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status415UnsupportedMediaType, typeof(ProblemDetails), ["application/problem+json"]));

        var position = parameter.Position;
        builder.FilterFactories.Add((_, next) => invocation =>
            invocation.Arguments[position] is ValidatedJson<T> { Problem: { } problem }
                ? ValueTask.FromResult<object?>(problem)
                : next(invocation));
    }
}
