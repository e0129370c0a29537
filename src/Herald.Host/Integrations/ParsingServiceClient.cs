using Herald.Core.Imports;
using Microsoft.Extensions.Options;

namespace Herald.Host.Integrations;

/// <summary>
/// parsing-service (R8), a typed <see cref="HttpClient"/>: a parsed audience, <c>GET parsed_data/{id}?user_id=</c>, as
/// JSON (a list of objects) or CSV, streamed to the caller (the importer reads it up to its size limit).
/// </summary>
public sealed class ParsingServiceClient(HttpClient http, ServiceCaller caller, IOptionsMonitor<IntegrationsOptions> options)
{
    /// <summary>The service's name in problems and logs.</summary>
    public const string Service = "parsing-service";

    private ServiceEndpointOptions Endpoint => options.CurrentValue.ParsingService;

    /// <summary>True when a base URL is configured.</summary>
    public bool IsConfigured => Endpoint.IsConfigured;

    /// <summary>The dataset's body (dispose it), or why it could not be opened.</summary>
    public async Task<(ParsedData? Data, ServiceFailure? Failure)> OpenAsync(string tenantId, string parsedDataId, CancellationToken cancellationToken = default)
    {
        var endpoint = Endpoint;
        var (response, failure) = await caller.SendAsync(
            http, Service, endpoint,
            () => new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint.BaseUri, $"parsed_data/{Uri.EscapeDataString(parsedDataId)}?user_id={Uri.EscapeDataString(tenantId)}")),
            HttpCompletionOption.ResponseHeadersRead,
            cancellationToken);
        if (response is null)
        {
            return (null, failure);
        }

        var format = response.Content.Headers.ContentType?.MediaType?.ToUpperInvariant() switch
        {
            "TEXT/CSV" or "TEXT/PLAIN" => ImportFormat.Csv,
            "APPLICATION/JSON" => ImportFormat.Json,
            _ => (ImportFormat?)null,
        };
        if (format is null)
        {
            response.Dispose();
            return (null, new ServiceFailure(Service, ServiceFailureKind.BadAnswer, (int)response.StatusCode, $"{Service} answered a format Herald does not read (JSON or CSV expected)."));
        }

        return (new ParsedData(response, await response.Content.ReadAsStreamAsync(cancellationToken), format.Value), null);
    }
}

/// <summary>An open dataset: its body as a stream and its format. Disposing it releases the connection.</summary>
public sealed class ParsedData(HttpResponseMessage response, Stream content, ImportFormat format) : IDisposable
{
    /// <summary>The body.</summary>
    public Stream Content { get; } = content;

    /// <summary>JSON or CSV.</summary>
    public ImportFormat Format { get; } = format;

    /// <inheritdoc />
    public void Dispose()
    {
        Content.Dispose();
        response.Dispose();
    }
}
