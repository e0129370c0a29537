using System.Text.Json;
using System.Xml;
using Azure;

namespace Herald.Storage.Internal;

/// <summary>
/// Turns a failed response into <see cref="RequestFailedException"/> with the service's error code
/// (Table JSON <c>odata.error.code</c>, Queue XML <c>&lt;Code&gt;</c>, or the <c>x-ms-error-code</c> header)
/// and the <c>x-ms-request-id</c> in the message and in <see cref="Exception.Data"/>.
/// </summary>
internal static class StorageErrors
{
    public const string RequestIdKey = "x-ms-request-id";

    public static RequestFailedException Create(Response response, string operation)
    {
        var (code, detail) = ParseBody(response);
        if (code is null && response.Headers.TryGetValue("x-ms-error-code", out var headerCode))
        {
            code = headerCode;
        }

        response.Headers.TryGetValue(RequestIdKey, out var requestId);
        return Create(response.Status, code, detail, requestId, operation);
    }

    public static RequestFailedException Create(int status, string? code, string? detail, string? requestId, string operation)
    {
        var message = $"{operation} failed: {status} {code ?? "(no error code)"}"
            + (string.IsNullOrWhiteSpace(detail) ? string.Empty : $": {FirstLine(detail)}")
            + (requestId is null ? string.Empty : $" (x-ms-request-id: {requestId})");
        var exception = new RequestFailedException(status, message, code, null);
        if (requestId is not null)
        {
            exception.Data[RequestIdKey] = requestId;
        }

        return exception;
    }

    /// <summary>Reads <c>(code, message)</c> from a Table JSON or Queue XML error body; nulls when absent.</summary>
    public static (string? Code, string? Message) ParseBody(Response response)
    {
        var content = response.Content;
        if (content is null || content.ToMemory().IsEmpty)
        {
            return (null, null);
        }

        var text = content.ToString().TrimStart();
        try
        {
            if (text.StartsWith('{'))
            {
                return ParseJson(text);
            }

            if (text.StartsWith('<'))
            {
                return ParseXml(text);
            }
        }
        catch (JsonException)
        {
        }
        catch (XmlException)
        {
        }

        return (null, null);
    }

    public static (string? Code, string? Message) ParseJson(string text)
    {
        using var doc = JsonDocument.Parse(text);
        if (!doc.RootElement.TryGetProperty("odata.error", out var error) && !doc.RootElement.TryGetProperty("error", out error))
        {
            return (null, null);
        }

        var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
        string? message = null;
        if (error.TryGetProperty("message", out var m))
        {
            message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ToString();
        }

        return (code, message);
    }

    private static (string? Code, string? Message) ParseXml(string text)
    {
        var doc = new XmlDocument { XmlResolver = null };
        using (var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
        {
            doc.Load(reader);
        }

        return (doc.DocumentElement?["Code"]?.InnerText, doc.DocumentElement?["Message"]?.InnerText);
    }

    private static string FirstLine(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return (newline < 0 ? text : text[..newline]).Trim();
    }
}
