namespace Herald.Core.Imports;

/// <summary>
/// A row dropped from a recipient list, or a value ignored in a kept row, and why. It never carries the value
/// itself (no PII): only where it was and a reason code from <see cref="ImportReasons"/>.
/// </summary>
/// <param name="Row">
/// The row as a spreadsheet shows it (1-based, the header is row 1; for JSON and inline lists the 1-based item number).
/// </param>
/// <param name="Reason">A code from <see cref="ImportReasons"/>.</param>
/// <param name="Column">The column's header (or <c>#n</c>, 1-based, without a header) when one column is at fault.</param>
public sealed record ImportIssue(int Row, string Reason, string? Column = null);
