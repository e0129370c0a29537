using Herald.Core.Imports;

namespace Herald.Host.Imports;

/// <summary>An uploaded list as the API shows it: provenance (R36), how it was read, counts and the dropped rows (no values).</summary>
/// <param name="Id">The import id (pass it as a campaign's <c>importId</c>).</param>
/// <param name="Source">Where it came from, when, how many rows and recipients.</param>
/// <param name="Format">The format read.</param>
/// <param name="HasHeader">Whether the first row was a header.</param>
/// <param name="Delimiter">The CSV delimiter used.</param>
/// <param name="Sheet">The workbook sheet read: the one <c>sheet</c> names, else the first with a recognisable recipient column, else the first.</param>
/// <param name="OtherSheets">The workbook's other sheets, not read (pass one as <c>sheet</c> to read it).</param>
/// <param name="Columns">How each column was read (confirm or correct it with the <c>columns</c> parameter).</param>
/// <param name="FieldNames">Custom fields, usable as <c>{{field}}</c> in templates.</param>
/// <param name="Recipients">Recipients kept.</param>
/// <param name="Dropped">Rows dropped.</param>
/// <param name="DroppedCounts">Dropped rows per reason.</param>
/// <param name="DroppedRows">Each dropped row: number as a spreadsheet shows it, reason, column.</param>
/// <param name="IgnoredValues">Bad values ignored in kept rows.</param>
/// <param name="AmbiguousDigits">Kept rows whose digits could be a phone or a user id (see <c>digitsAs</c>).</param>
/// <param name="Countries">Recipients kept per phone region (<c>RU</c>, <c>KZ</c>; <c>none</c> without a phone), largest first (R9).</param>
public sealed record ImportResponse(
    string Id,
    RecipientSource Source,
    ImportFormat Format,
    bool HasHeader,
    string? Delimiter,
    string? Sheet,
    IReadOnlyList<string> OtherSheets,
    IReadOnlyList<ImportColumnMapping> Columns,
    IReadOnlyList<string> FieldNames,
    int Recipients,
    int Dropped,
    IReadOnlyDictionary<string, int> DroppedCounts,
    IReadOnlyList<ImportIssue> DroppedRows,
    IReadOnlyList<ImportIssue> IgnoredValues,
    int AmbiguousDigits,
    IReadOnlyList<RegionCount> Countries)
{
    /// <summary>The API shape of a stored import and its dropped rows.</summary>
    public static ImportResponse From(ImportRecord record, IReadOnlyList<ImportIssue> droppedRows)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(
            record.Id, record.Source, record.Format, record.HasHeader, record.Delimiter?.ToString(), record.Sheet, record.OtherSheets, record.Columns, record.FieldNames,
            record.Source.RecipientCount, record.DroppedCount, record.DroppedCounts, droppedRows, record.IgnoredValues, record.AmbiguousDigits, record.Countries);
    }
}
