using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Herald.Host.Validation;

/// <summary>
/// Reads a JSON request body strictly: 415 unless the content type is JSON in UTF-8, 413 over
/// <see cref="ApiOptions.MaxJsonBodyBytes"/>, 400 naming the field for malformed JSON, unknown or duplicate fields,
/// bad enum values, missing required fields, and for whatever <see cref="IValidatableRequest.Validate"/> reports.
/// </summary>
internal sealed class JsonBodyReader(IOptions<ApiOptions> options)
{
    private const int ChunkBytes = 16 * 1024;

    public async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext context, CancellationToken cancellationToken = default)
        where T : class
    {
        var request = context.Request;
        if (!IsUtf8Json(request))
        {
            return (null, ProblemFactory.UnsupportedMediaType());
        }

        var limit = options.Value.MaxJsonBodyBytes;
        if (request.ContentLength > limit)
        {
            return (null, ProblemFactory.PayloadTooLarge(limit));
        }

        var body = await ReadLimitedAsync(context, limit, cancellationToken);
        if (body is null)
        {
            return (null, ProblemFactory.PayloadTooLarge(limit));
        }

        T? value;
        try
        {
            value = body.Length == 0 ? null : JsonSerializer.Deserialize<T>(body, HeraldJson.Strict);
        }
        catch (JsonException ex)
        {
            return (null, ProblemFactory.Validation(JsonErrorTranslator.Translate(ex, typeof(T), HeraldJson.Strict)));
        }

        if (value is null)
        {
            return (null, ProblemFactory.Validation(ValidationErrors.Body, "A JSON object is required."));
        }

        if (value is IValidatableRequest validatable)
        {
            var errors = new ValidationErrors();
            validatable.Validate(errors);
            if (!errors.IsEmpty)
            {
                return (null, ProblemFactory.Validation(errors));
            }
        }

        return (value, null);
    }

    private static bool IsUtf8Json(HttpRequest request)
    {
        if (!request.HasJsonContentType() || !MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType))
        {
            return false;
        }

        var charset = mediaType.Charset;
        return charset.Length == 0 || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
    }

    // Counts bytes as they arrive (chunked bodies have no Content-Length) and stops one past the limit.
    private static async Task<byte[]?> ReadLimitedAsync(HttpContext context, long limit, CancellationToken cancellationToken)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }
}
