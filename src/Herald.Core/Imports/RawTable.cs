namespace Herald.Core.Imports;

/// <summary>One row as read: its number as the user sees it, and its cells (null: not a row of the list).</summary>
internal sealed record RawRow(int Number, IReadOnlyList<string?>? Cells)
{
    /// <summary>A blank row (or a JSON <c>null</c>): counted and reported as dropped, never mapped.</summary>
    public bool Blank { get; init; }

    public string? Cell(int index) => Cells is { } cells && index < cells.Count ? cells[index] : null;

    public static RawRow BlankAt(int number) => new(number, []) { Blank = true };
}

/// <summary>
/// A list as surveyed from CSV, a sheet or JSON in a first streaming pass, before columns are given roles: its first
/// rows (what the header and the column roles are told from), how many rows it has and which columns hold anything.
/// The rows themselves are read again, one at a time, by the second pass.
/// </summary>
/// <param name="Rows">The first non-blank rows (at most <see cref="TableSurvey.HeadRows"/>), header included when <paramref name="Headers"/> is null.</param>
/// <param name="Headers">Headers known from the format (JSON property names); null when the first row may be one.</param>
/// <param name="Delimiter">The CSV delimiter used.</param>
/// <param name="Sheet">The sheet read.</param>
/// <param name="NoHeader">True when the format rules a header row out (a JSON array of strings).</param>
internal sealed record RawTable(
    IReadOnlyList<RawRow> Rows, IReadOnlyList<string>? Headers = null, char? Delimiter = null, string? Sheet = null, bool NoHeader = false)
{
    /// <summary>Every non-blank row read (those beyond <see cref="Rows"/> included).</summary>
    public int RowCount { get; init; }

    /// <summary>How many blank rows were read; they are counted as dropped.</summary>
    public int BlankCount { get; init; }

    /// <summary>What the non-blank rows after the first one hold, per column.</summary>
    public ColumnUse AfterFirst { get; init; } = new();

    /// <summary>The workbook's sheets other than <see cref="Sheet"/>, in workbook order.</summary>
    public IReadOnlyList<string> OtherSheets { get; init; } = [];

    /// <summary>The position of <see cref="Sheet"/> in the workbook (zero-based), for the second pass.</summary>
    public int SheetIndex { get; init; }
}

/// <summary>A table, or why the content could not be read.</summary>
internal sealed record TableRead(RawTable? Table, ImportError? Error)
{
    public static TableRead Of(RawTable table) => new(table, null);

    public static TableRead Fail(string code, string message) => new(null, new ImportError(code, message));

    public static TableRead TooManyRows(int maxRows) =>
        Fail(ImportErrorCodes.TooManyRows, $"The list has more than {maxRows} rows, the most one import takes.");
}
