namespace Herald.Core.Imports;

/// <summary>One row as read: its number as the user sees it, and its cells (null: not a row of the list).</summary>
internal sealed record RawRow(int Number, IReadOnlyList<string?>? Cells)
{
    public string? Cell(int index) => Cells is { } cells && index < cells.Count ? cells[index] : null;
}

/// <summary>A list as read from CSV, a sheet or JSON, before columns are given roles.</summary>
/// <param name="Rows">The non-blank rows, header included when <paramref name="Headers"/> is null.</param>
/// <param name="Headers">Headers known from the format (JSON property names); null when the first row may be one.</param>
/// <param name="Delimiter">The CSV delimiter used.</param>
/// <param name="Sheet">The sheet read.</param>
/// <param name="NoHeader">True when the format rules a header row out (a JSON array of strings).</param>
internal sealed record RawTable(
    IReadOnlyList<RawRow> Rows, IReadOnlyList<string>? Headers = null, char? Delimiter = null, string? Sheet = null, bool NoHeader = false)
{
    /// <summary>The numbers of the blank rows, in order; they are not in <see cref="Rows"/> but are counted as dropped.</summary>
    public IReadOnlyList<int> BlankRows { get; init; } = [];

    /// <summary>The workbook's sheets other than <see cref="Sheet"/>, in workbook order.</summary>
    public IReadOnlyList<string> OtherSheets { get; init; } = [];
}

/// <summary>A table, or why the content could not be read.</summary>
internal sealed record TableRead(RawTable? Table, ImportError? Error)
{
    public static TableRead Of(RawTable table) => new(table, null);

    public static TableRead Fail(string code, string message) => new(null, new ImportError(code, message));

    public static TableRead TooManyRows(int maxRows) =>
        Fail(ImportErrorCodes.TooManyRows, $"The list has more than {maxRows} rows, the most one import takes.");
}
