using Herald.Core.Imports;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Herald.Host.Imports;

/// <summary>
/// The file of <c>POST /api/imports</c>: the first file part of a <c>multipart/form-data</c> body, or the raw body sent
/// as CSV, JSON or a workbook. Streams it (nothing is buffered here; the importer stops reading past its size limit).
/// </summary>
/// <param name="Content">The file's bytes.</param>
/// <param name="FileName">The part's file name, cleaned (<see cref="UploadNames"/>), if any.</param>
/// <param name="Format">The format the content type names, or <see cref="ImportFormat.Auto"/>.</param>
internal sealed record ImportUpload(Stream Content, string? FileName, ImportFormat Format)
{
    public const string Multipart = "multipart/form-data";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Xls = "application/vnd.ms-excel";

    /// <summary>What the endpoint accepts, for its 415 and its OpenAPI description.</summary>
    public static readonly string[] AcceptedContentTypes = [Multipart, "text/csv", "text/plain", "text/tab-separated-values", "application/json", Xlsx, Xls, "application/octet-stream"];

    // Room for the multipart envelope (boundaries and part headers) around a file at the size limit.
    private const long EnvelopeBytes = 64 * 1024;

    /// <summary>The upload, or null when the content type is not one of <see cref="AcceptedContentTypes"/> or the form has no file.</summary>
    /// <exception cref="InvalidDataException">A malformed multipart body.</exception>
    public static async Task<(ImportUpload? Upload, bool UnsupportedType)> OpenAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken = default)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBytes + EnvelopeBytes;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) || contentType.MediaType.Value is not { } mediaType)
        {
            return (null, true);
        }

        if (!mediaType.Equals(Multipart, StringComparison.OrdinalIgnoreCase))
        {
            var format = FormatOf(mediaType);
            return format is null ? (null, true) : (new ImportUpload(request.Body, null, format.Value), false);
        }

        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            throw new InvalidDataException("The multipart body has no boundary.");
        }

        var reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
            {
                var name = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                var format = MediaTypeHeaderValue.TryParse(section.ContentType, out var partType) && partType.MediaType.Value is { } partMedia
                    ? FormatOf(partMedia) ?? ImportFormat.Auto
                    : ImportFormat.Auto;
                return (new ImportUpload(section.Body, UploadNames.Clean(name), format), false);
            }
        }

        return (null, false);
    }

    private static ImportFormat? FormatOf(string mediaType) => mediaType.ToUpperInvariant() switch
    {
        "TEXT/CSV" or "TEXT/PLAIN" or "TEXT/TAB-SEPARATED-VALUES" => ImportFormat.Csv,
        "APPLICATION/JSON" => ImportFormat.Json,
        "APPLICATION/VND.OPENXMLFORMATS-OFFICEDOCUMENT.SPREADSHEETML.SHEET" or "APPLICATION/VND.MS-EXCEL" => ImportFormat.Xlsx,
        "APPLICATION/OCTET-STREAM" => ImportFormat.Auto,
        _ => null,
    };
}
