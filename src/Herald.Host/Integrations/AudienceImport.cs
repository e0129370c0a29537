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

        // Spooled to a temporary file and streamed into the store, as an upload is: a large dataset is never held.
        ImportResult result;
        ImportWriter? writer = null;
        using (data)
        {
            var options = defaults.Value with { SourceKind = RecipientSourceKind.Dataset, FileName = parsedDataId };
            try
            {
                await using var spooled = await UploadSpool.CopyAsync(data.Content, options.MaxBytes, cancellationToken);
                if (spooled is null)
                {
                    return (null, null, new ImportError(ImportErrorCodes.TooLarge, $"The dataset is larger than {options.MaxBytes} bytes, the most one import takes."));
                }

                writer = await imports.BeginAsync(tenantId, cancellationToken);
                result = await importer.ImportAsync(spooled, data.Format, writer, options, cancellationToken);
            }
            catch (HttpRequestException)
            {
                // The body broke off half-way: nothing partial is kept.
                await AbandonAsync(writer);
                return (null, new ServiceFailure(ParsingServiceClient.Service, ServiceFailureKind.Unavailable, null, "parsing-service broke off the dataset; try again."), null);
            }
            catch (Exception) when (writer is not null)
            {
                await AbandonAsync(writer);
                throw;
            }
        }

        if (result.Error is { } error)
        {
            await AbandonAsync(writer);
            return (null, null, error);
        }

        try
        {
            return (await writer!.CompleteAsync(result, cancellationToken), null, null);
        }
        catch (Exception)
        {
            await AbandonAsync(writer);
            throw;
        }
    }

    // A failed import's pieces are deleted; they are invisible without a summary row anyway, so a failure here is ignored.
    private static async Task AbandonAsync(ImportWriter? writer)
    {
        try
        {
            if (writer is not null)
            {
                await writer.AbandonAsync(CancellationToken.None);
            }
        }
        catch (Azure.RequestFailedException)
        {
        }
    }
}
