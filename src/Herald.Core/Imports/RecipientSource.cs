namespace Herald.Core.Imports;

/// <summary>The provenance of a recipient list (R36), recorded with the campaign and shown in reports.</summary>
/// <param name="Kind">File, dataset or API.</param>
/// <param name="Name">The file name or dataset id, when known (from <see cref="ImportOptions.FileName"/>).</param>
/// <param name="ImportedAt">When the list was read (from the importer's <see cref="TimeProvider"/>).</param>
/// <param name="RowCount">The rows read, blank ones included (the header excluded): the recipients plus the rows dropped.</param>
/// <param name="RecipientCount">The recipients kept.</param>
public sealed record RecipientSource(RecipientSourceKind Kind, string? Name, DateTimeOffset ImportedAt, int RowCount, int RecipientCount);
