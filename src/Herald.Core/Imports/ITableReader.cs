namespace Herald.Core.Imports;

/// <summary>
/// Reads one format's rows in two streaming passes over an <see cref="ImportInput"/>: <see cref="Survey"/> checks the
/// list (limits, syntax, the sheet) and keeps only its first rows; <see cref="Rows"/> reads every row again, one at a
/// time, blank ones included, for the collector.
/// </summary>
internal interface ITableReader
{
    TableRead Survey(CancellationToken cancellationToken);

    IEnumerable<RawRow> Rows(RawTable table, CancellationToken cancellationToken);
}
