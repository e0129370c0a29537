using Herald.Core.Imports;
using Herald.Host.Imports;
using Microsoft.Extensions.Options;

namespace Herald.Host.Integrations;

/// <summary>
/// A parsing-service audience as a campaign's recipients (R8): streamed from <c>GET /parsed_data/{id}</c> through the same
/// importer as an uploaded file (mapping, normalisation, duplicates and garbage dropped with their reasons, size and row
/// limits), kept as an import with the dataset as its provenance (R36), so the campaign then uses it like an
/// <c>importId</c> (large ones prepared in the background).
/// </summary>
internal sealed class AudienceImport(ParsingServiceClient parsing, RecipientImporter importer, ImportStore imports, IOptions<ImportOptions> defaults)
{
    /// <summary>The import made of the dataset, or why there is none: a service failure, or the list's own error (too large, unreadable).</summary>
    public async Task<(ImportRecord? Import, ServiceFailure? Failure, ImportError? Error)> ImportAsync(
        string tenantId, string parsedDataId, CancellationToken cancellationToken = default)
    {
        var (data, failure) = await parsing.OpenAsync(tenantId, parsedDataId, cancellationToken);
        if (data is null)
        {
            return (null, failure, null);
        }

        ImportResult result;
        using (data)
        {
            var options = defaults.Value with { SourceKind = RecipientSourceKind.Dataset, FileName = parsedDataId };
            try
            {
                result = await importer.ImportAsync(data.Content, data.Format, options, cancellationToken);
            }
            catch (HttpRequestException)
            {
                // The body broke off half-way: nothing partial is kept.
                return (null, new ServiceFailure(ParsingServiceClient.Service, ServiceFailureKind.Unavailable, null, "parsing-service broke off the dataset; try again."), null);
            }
        }

        if (result.Error is { } error)
        {
            return (null, null, error);
        }

        return (await imports.SaveAsync(tenantId, result, cancellationToken), null, null);
    }
}
