using Herald.Core.Imports;

namespace Herald.Host.Imports;

/// <summary>
/// What is kept of an uploaded recipient list besides the recipients themselves: where it came from (R36), how it was
/// read, and what was dropped (counts; the rows are kept apart). Never a value of the list.
/// </summary>
public sealed record ImportRecord
{
    /// <summary>The import id.</summary>
    public required string Id { get; init; }

    /// <summary>The owning tenant.</summary>
    public required string TenantId { get; init; }

    /// <summary>Where the list came from, when, how many rows and recipients.</summary>
    public required RecipientSource Source { get; init; }

    /// <summary>The format read.</summary>
    public ImportFormat Format { get; init; }

    /// <summary>Whether the first row was a header.</summary>
    public bool HasHeader { get; init; }

    /// <summary>The CSV delimiter used.</summary>
    public char? Delimiter { get; init; }

    /// <summary>The workbook sheet read.</summary>
    public string? Sheet { get; init; }

    /// <summary>The workbook's other sheets, not read.</summary>
    public IReadOnlyList<string> OtherSheets { get; init; } = [];

    /// <summary>How each column was read.</summary>
    public IReadOnlyList<ImportColumnMapping> Columns { get; init; } = [];

    /// <summary>Dropped rows per reason code.</summary>
    public IReadOnlyDictionary<string, int> DroppedCounts { get; init; } = new Dictionary<string, int>();

    /// <summary>How many rows were dropped.</summary>
    public int DroppedCount { get; init; }

    /// <summary>Invalid values ignored in kept rows.</summary>
    public IReadOnlyList<ImportIssue> IgnoredValues { get; init; } = [];

    /// <summary>Kept rows whose digits-only value could be a phone or a user id.</summary>
    public int AmbiguousDigits { get; init; }

    /// <summary>Recipients kept per phone region (R9), largest first; <c>none</c> counts those without a phone.</summary>
    public IReadOnlyList<RegionCount> Countries { get; init; } = [];

    /// <summary>How its recipients are stored: 1, one JSON array cut anywhere; 2, pieces of whole recipients with their counts (<see cref="ImportPiece"/>).</summary>
    internal int Layout { get; init; } = ImportStore.PiecesLayout;

    /// <summary>The custom field names (usable as <c>{{field}}</c> in templates).</summary>
    public IReadOnlyList<string> FieldNames => ImportColumnMapping.FieldNamesOf(Columns);
}
