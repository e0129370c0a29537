using System.Globalization;
using Herald.Core.Domain;
using Herald.Core.Imports;
using Herald.Engine.Suppression;
using Herald.Host.Audit;
using Herald.Host.Imports;
using Herald.Host.OpenApi;
using Herald.Host.Resources;
using Herald.Host.Suppressions;
using Herald.Host.Tenancy;
using Herald.Host.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Herald.Host.Apis;

/// <summary>
/// <c>/api/imports</c>: upload a recipient list (CSV, XLSX or JSON; a multipart file or the raw body), read it with
/// <see cref="RecipientImporter"/> (R7, R9) and keep it with its provenance (R36) for campaigns to use by id; read its
/// summary; add its recipients to the suppression list (R34). Another tenant's import id answers 404.
/// </summary>
public static class ImportsApi
{
    private const string Resource = "import";

    // Recipients held at once while a list is added to the suppression list.
    private const int SuppressBatch = 1_000;

    /// <summary>Maps the import endpoints.</summary>
    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/imports").WithTags(ApiTags.Imports).ProducesApiProblems();
        group.MapPost("", UploadAsync).WithName("UploadImport")
            .WithSummary("Uploads a recipient list: multipart/form-data with a file, or the raw body as text/csv, application/json or an .xlsx workbook.")
            .Accepts<IFormFile>(ImportUpload.AcceptedContentTypes[0], ImportUpload.AcceptedContentTypes[1..])
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/{id}", GetAsync).WithName("GetImport").WithSummary("An uploaded list's provenance, mapping, counts and dropped rows.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/suppress", SuppressAsync).WithName("SuppressImport").WithSummary("Adds every recipient of an uploaded list to the suppression list.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>
    /// 201 with <c>Location</c> and the summary; 400 when the list cannot be read (or a workbook is compressed like a zip
    /// bomb); 413 over the size limit or when a workbook inflates past its budget; 415 for another content type.
    /// </summary>
    internal static async Task<Results<Created<ImportResponse>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        HttpRequest request,
        ITenantContext tenant,
        RecipientImporter importer,
        ImportStore imports,
        IOptions<ImportOptions> defaults,
        IAuditLog audit,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var options = ImportQuery.Parse(request.Query, defaults.Value, errors);
        if (!errors.IsEmpty)
        {
            return ProblemFactory.Validation(errors);
        }

        if (request.ContentLength > options.MaxBytes + 64 * 1024)
        {
            return ProblemFactory.PayloadTooLarge(options.MaxBytes);
        }

        ImportResult result;
        ImportWriter? writer = null;
        try
        {
            var (upload, unsupported) = await ImportUpload.OpenAsync(request, options.MaxBytes, cancellationToken);
            if (unsupported)
            {
                return ProblemFactory.UnsupportedMediaTypeWithDetail($"Send the list as one of: {string.Join(", ", ImportUpload.AcceptedContentTypes)}.");
            }

            if (upload is null)
            {
                return ProblemFactory.Validation("file", "The form has no file part.");
            }

            options = options with { FileName = upload.FileName ?? options.FileName };
            await using var spooled = await UploadSpool.CopyAsync(upload.Content, options.MaxBytes, cancellationToken);
            if (spooled is null)
            {
                return ProblemFactory.PayloadTooLarge(options.MaxBytes);
            }

            // The recipients stream into the store as they are read; the import appears only once CompleteAsync wrote its summary.
            writer = await imports.BeginAsync(tenant.TenantId, cancellationToken);
            result = await importer.ImportAsync(spooled, upload.Format, writer, options, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ProblemFactory.PayloadTooLarge(options.MaxBytes);
        }
        catch (InvalidDataException)
        {
            return ProblemFactory.Validation("file", "The multipart body is malformed.");
        }
        catch (Exception) when (writer is not null)
        {
            await AbandonAsync(writer);
            throw;
        }

        if (result.Error is { } error)
        {
            await AbandonAsync(writer!);
            if (error.Code == ImportErrorCodes.TooLarge)
            {
                return ProblemFactory.PayloadTooLarge(options.MaxBytes);
            }

            var extensions = ProblemMembers(error);
            if (error.Code == ImportErrorCodes.InflatedTooLarge)
            {
                return ProblemFactory.PayloadTooLarge(error.Message, extensions);
            }

            return ProblemFactory.Validation(new ValidationErrors().Add("file", error.Message), "The list could not be imported.", extensions);
        }

        ImportRecord record;
        try
        {
            record = await writer!.CompleteAsync(result, cancellationToken);
        }
        catch (Exception)
        {
            await AbandonAsync(writer!);
            throw;
        }

        await audit.RecordAsync(tenant, "import.create", Resource, record.Id, new Dictionary<string, string>
        {
            ["format"] = record.Format.ToString().ToLowerInvariant(),
            ["rows"] = record.Source.RowCount.ToString(CultureInfo.InvariantCulture),
            ["recipients"] = record.Source.RecipientCount.ToString(CultureInfo.InvariantCulture),
        }, cancellationToken);
        return TypedResults.Created($"/api/imports/{record.Id}", ImportResponse.From(record, result.Dropped));
    }

    // A failed import's pieces are deleted; they are invisible without a summary row anyway, so a failure here is ignored.
    private static async Task AbandonAsync(ImportWriter writer)
    {
        try
        {
            await writer.AbandonAsync(CancellationToken.None);
        }
        catch (Azure.RequestFailedException)
        {
        }
    }

    /// <summary>The import's summary and dropped rows.</summary>
    internal static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> GetAsync(string id, ITenantContext tenant, ImportStore imports, CancellationToken cancellationToken)
    {
        var record = await imports.GetAsync(tenant.TenantId, id, cancellationToken);
        return record is null ? NotFound(id) : TypedResults.Ok(ImportResponse.From(record, await imports.ReadDroppedAsync(record, cancellationToken)));
    }

    /// <summary>200 with how many recipients are on the list now; <paramref name="reason"/> defaults to <c>operator</c>.</summary>
    internal static async Task<Results<Ok<SuppressImportResponse>, ValidationProblem, ProblemHttpResult>> SuppressAsync(
        string id, ITenantContext tenant, ImportStore imports, SuppressionStore suppressions, IAuditLog audit, string? reason = null, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        SuppressionReasons.Validate(errors, "reason", reason);
        if (!errors.IsEmpty)
        {
            return ProblemFactory.Validation(errors);
        }

        var record = await imports.GetAsync(tenant.TenantId, id, cancellationToken);
        if (record is null)
        {
            return NotFound(id);
        }

        reason ??= SuppressionReasons.Default;
        // Streamed a batch at a time: a list of a million recipients is never held whole.
        var count = 0;
        var batch = new List<Recipient>(SuppressBatch);
        await foreach (var recipient in imports.StreamRecipientsAsync(record, cancellationToken))
        {
            batch.Add(recipient);
            if (batch.Count == SuppressBatch)
            {
                count += await AddBatchAsync(batch, tenant.TenantId, suppressions, reason, cancellationToken);
            }
        }

        count += await AddBatchAsync(batch, tenant.TenantId, suppressions, reason, cancellationToken);
        await audit.RecordAsync(tenant, "suppression.import", Resource, id, new Dictionary<string, string>
        {
            ["count"] = count.ToString(CultureInfo.InvariantCulture),
            ["reason"] = reason,
        }, cancellationToken);
        return TypedResults.Ok(new SuppressImportResponse(id, count, reason));
    }

    // Adds a batch (several at once) and empties it; returns how many it held.
    private static async Task<int> AddBatchAsync(List<Recipient> batch, string tenantId, SuppressionStore suppressions, string reason, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(
            batch,
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (recipient, ct) => await suppressions.AddAsync(tenantId, recipient, reason, ct));
        var count = batch.Count;
        batch.Clear();
        return count;
    }

    /// <summary>The <c>code</c> of a failed import and, when a limit was hit, its setting as <c>limit</c> (<c>Herald:Imports:MaxZipEntryBytes</c>).</summary>
    private static Dictionary<string, object?> ProblemMembers(ImportError error)
    {
        var members = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error.Limit is { } limit)
        {
            members["limit"] = $"{ImportOptions.SectionName}:{limit}";
        }

        return members;
    }

    private static ProblemHttpResult NotFound(string id) => ProblemFactory.NotFound(ResourceIds.IsValid(id) ? $"No import {id}." : "No such import.");
}
