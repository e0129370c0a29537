namespace Herald.Core.Imports;

/// <summary>
/// What a run of rows holds per column, kept in a few bits instead of the rows: the width up to the last cleaned value
/// (<see cref="RecipientValues.Clean"/>), and which columns have a non-blank cell anywhere.
/// </summary>
internal sealed class ColumnUse
{
    private readonly List<bool> _nonBlank = [];

    /// <summary>One more than the last column holding a cleaned value in any row.</summary>
    public int Width { get; private set; }

    /// <summary>True when some row has a non-blank cell in <paramref name="column"/>.</summary>
    public bool NonBlank(int column) => column < _nonBlank.Count && _nonBlank[column];

    public void Add(RawRow row)
    {
        var cells = row.Cells ?? [];
        for (var i = cells.Count - 1; i >= Width; i--)
        {
            if (RecipientValues.Clean(cells[i]) is not null)
            {
                Width = i + 1;
                break;
            }
        }

        for (var i = 0; i < cells.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(cells[i]))
            {
                while (_nonBlank.Count <= i)
                {
                    _nonBlank.Add(false);
                }

                _nonBlank[i] = true;
            }
        }
    }

    /// <summary>This use with <paramref name="row"/> added, this one unchanged.</summary>
    public ColumnUse With(RawRow row)
    {
        var copy = new ColumnUse { Width = Width };
        copy._nonBlank.AddRange(_nonBlank);
        copy.Add(row);
        return copy;
    }
}
