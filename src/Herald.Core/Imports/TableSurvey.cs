namespace Herald.Core.Imports;

/// <summary>
/// The first pass over a list's rows: keeps the first <see cref="HeadRows"/> non-blank ones, counts the others and
/// notes which columns hold anything (<see cref="ColumnUse"/>), so memory stays the same whatever the list's length.
/// </summary>
internal sealed class TableSurvey
{
    /// <summary>The rows kept: a possible header and the sample the column roles are told from.</summary>
    public const int HeadRows = ColumnMapper.SampleRows + 1;

    private readonly int _allowance;
    private readonly List<RawRow> _head = [];
    private readonly ColumnUse _afterFirst = new();
    private int _rows;
    private int _blank;

    /// <param name="maxRows">The most rows a list may have.</param>
    /// <param name="headerPossible">True when the first row may be a header, which does not count against <paramref name="maxRows"/>.</param>
    public TableSurvey(int maxRows, bool headerPossible)
    {
        _allowance = maxRows + (headerPossible ? 1 : 0);
    }

    /// <summary>Adds a row; false when the list has more rows than it may (blank rows count: each one is reported).</summary>
    public bool Add(RawRow row)
    {
        if (_rows + _blank >= _allowance)
        {
            return false;
        }

        if (row.Blank)
        {
            _blank++;
            return true;
        }

        if (_head.Count < HeadRows)
        {
            _head.Add(row);
        }

        if (_rows > 0)
        {
            _afterFirst.Add(row);
        }

        _rows++;
        return true;
    }

    /// <summary>Reads every row of <paramref name="rows"/>; null when there are more than allowed.</summary>
    public static RawTable? Of(IEnumerable<RawRow> rows, int maxRows, bool headerPossible, CancellationToken cancellationToken)
    {
        var survey = new TableSurvey(maxRows, headerPossible);
        var n = 0;
        foreach (var row in rows)
        {
            if (++n % 1024 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (!survey.Add(row))
            {
                return null;
            }
        }

        return survey.ToTable();
    }

    public RawTable ToTable() => new(_head) { RowCount = _rows, BlankCount = _blank, AfterFirst = _afterFirst };
}
