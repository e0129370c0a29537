using Herald.Core.Domain;

namespace Herald.Core.Imports;

/// <summary>
/// The outcome of reading a recipient list (R7, R9, R36): the recipients kept, every row dropped and why (never the
/// values), how the columns were read, and where the list came from. On <see cref="Error"/> nothing was imported.
/// </summary>
public sealed record ImportResult
{
    /// <summary>
    /// The recipients kept, in list order, normalised and unique; empty when they went to an <see cref="IRecipientSink"/>
    /// (their count is <see cref="RecipientSource.RecipientCount"/>).
    /// </summary>
    public IReadOnlyList<Recipient> Recipients { get; init; } = [];

    /// <summary>
    /// The dropped rows in row order: row number, reason code (<see cref="ImportReasons"/>) and column; a streaming
    /// import lists the first <see cref="RecipientImporter.ListedIssues"/> (all are counted in <see cref="DroppedCount"/>).
    /// </summary>
    public IReadOnlyList<ImportIssue> Dropped { get; init; } = [];

    /// <summary>How many rows were dropped in all (what <see cref="DroppedCounts"/> adds up to).</summary>
    public int DroppedCount { get; init; }

    /// <summary>
    /// Invalid values in rows that were kept thanks to another identifier (a bad phone next to a good username); a
    /// streaming import lists the first <see cref="RecipientImporter.ListedIssues"/>.
    /// </summary>
    public IReadOnlyList<ImportIssue> IgnoredValues { get; init; } = [];

    /// <summary>Recipients kept per phone region (<c>RU</c>; <see cref="RecipientSegments.NoPhone"/> without a phone), largest first.</summary>
    public IReadOnlyList<RegionCount> Countries { get; init; } = [];

    /// <summary>How many rows were dropped per reason code.</summary>
    public IReadOnlyDictionary<string, int> DroppedCounts { get; init; } = new Dictionary<string, int>();

    /// <summary>The format read (detected when <see cref="ImportFormat.Auto"/> was asked).</summary>
    public ImportFormat Format { get; init; }

    /// <summary>How each column was read, for the operator to confirm or correct with <see cref="ImportOptions.Columns"/>.</summary>
    public IReadOnlyList<ImportColumnMapping> Columns { get; init; } = [];

    /// <summary>Whether the first row was read as a header.</summary>
    public bool HasHeader { get; init; }

    /// <summary>The CSV delimiter used.</summary>
    public char? Delimiter { get; init; }

    /// <summary>
    /// The workbook sheet read: the one <see cref="ImportOptions.SheetName"/> names, else the first with a recognisable
    /// recipient column (a header such as <c>phone</c>, or mostly <c>@names</c>, links or phones), else the first.
    /// </summary>
    public string? Sheet { get; init; }

    /// <summary>The workbook's other sheets, not read, in workbook order (name one in <see cref="ImportOptions.SheetName"/> to read it).</summary>
    public IReadOnlyList<string> OtherSheets { get; init; } = [];

    /// <summary>
    /// Kept rows whose digits-only value could be a phone or a user id and was read by <see cref="ImportOptions.DigitsAs"/>;
    /// when not zero, ask the operator which one the list holds.
    /// </summary>
    public int AmbiguousDigits { get; init; }

    /// <summary>Where the list came from and when (R36).</summary>
    public required RecipientSource Source { get; init; }

    /// <summary>Why nothing could be imported, or null.</summary>
    public ImportError? Error { get; init; }

    /// <summary>True when the list was read (even if every row was dropped).</summary>
    public bool Success => Error is null;

    /// <summary>The custom field keys of <c>Recipient.Fields</c> (for <c>MessageTemplate.Parse(knownFields)</c>).</summary>
    public IReadOnlyList<string> FieldNames => ImportColumnMapping.FieldNamesOf(Columns);

    internal static ImportResult Failed(ImportError error, ImportFormat format, RecipientSource source) =>
        new() { Error = error, Format = format, Source = source };
}
