namespace Herald.Core.Imports;

/// <summary>A column of the input named by its header or by its zero-based position (for explicit mappings).</summary>
public sealed record ImportColumn
{
    private ImportColumn(string? name, int? index)
    {
        Name = name;
        Index = index;
    }

    /// <summary>The header text (matched case-insensitively, ignoring surrounding spaces), or null.</summary>
    public string? Name { get; }

    /// <summary>The zero-based column position, or null.</summary>
    public int? Index { get; }

    /// <summary>The column whose header is <paramref name="name"/>; such a mapping implies a header row.</summary>
    public static ImportColumn Named(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new ImportColumn(name.Trim(), null);
    }

    /// <summary>The column at zero-based <paramref name="index"/> (column A is 0).</summary>
    public static ImportColumn At(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new ImportColumn(null, index);
    }

    /// <inheritdoc />
    public override string ToString() => Name ?? $"#{Index + 1}";
}
