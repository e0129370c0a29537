namespace Herald.Core.Imports;

/// <summary>
/// Decides whether the first row is a header and what each column holds: from an explicit mapping, from known
/// headers, or from the shape of the values.
/// </summary>
internal static class ColumnMapper
{
    /// <summary>The rows the header and the column roles are told from.</summary>
    public const int SampleRows = 100;

    /// <summary>Maps a surveyed table: its first rows tell the header and the roles, its column use the width.</summary>
    public static (MappedTable? Table, ImportError? Error) Map(RawTable table, ImportOptions options)
    {
        var rows = table.Rows;
        var explicitMapping = options.Columns ?? new Dictionary<RecipientColumnRole, ImportColumn>();
        IReadOnlyList<string?>? headers = table.Headers;
        IReadOnlyList<RawRow> sample = rows;
        var dataCount = table.RowCount;
        var skipFirst = false;
        if (headers is null && !table.NoHeader && rows.Count > 0)
        {
            var hasHeader = options.HasHeader
                ?? (explicitMapping.Values.Any(c => c.Name is not null) ? true : (bool?)null)
                ?? LooksLikeHeader(rows);
            if (hasHeader)
            {
                headers = rows[0].Cells ?? [];
                sample = rows.Skip(1).ToList();
                dataCount--;
                skipFirst = true;
            }
        }

        if (dataCount == 0)
        {
            return Fail(ImportErrorCodes.Empty, headers is null ? "The list has no rows." : "The list has a header but no data rows.");
        }

        if (dataCount > options.MaxRows)
        {
            return (null, TableRead.TooManyRows(options.MaxRows).Error);
        }

        var use = skipFirst ? table.AfterFirst : table.AfterFirst.With(rows[0]);
        var width = Width(headers, use);
        var roles = new RecipientColumnRole?[width];
        var used = Enumerable.Range(0, width)
            .Select(i => RecipientValues.Clean(headers?.ElementAtOrDefault(i)) is not null || use.NonBlank(i))
            .ToArray();
        if (explicitMapping.Count > 0)
        {
            var error = ApplyExplicit(explicitMapping, headers, width, roles);
            if (error is not null)
            {
                return (null, error);
            }
        }
        else
        {
            DetectRoles(headers, sample, roles, used);
        }

        if (!roles.Any(IsIdentifier))
        {
            return Fail(ImportErrorCodes.NoIdentifierColumn,
                "No column holds usernames, user ids, phones or e-mail addresses; name the columns (username, user_id, phone, email) or give a mapping.");
        }

        return (new MappedTable(Plan(headers, roles, used), headers is not null, skipFirst) { Sample = sample }, null);
    }

    private static (MappedTable?, ImportError?) Fail(string code, string message) => (null, new ImportError(code, message));

    internal static bool IsIdentifier(RecipientColumnRole? role) =>
        role is RecipientColumnRole.Username or RecipientColumnRole.UserId or RecipientColumnRole.Phone or RecipientColumnRole.Email or RecipientColumnRole.Identifier;

    private static int Width(IReadOnlyList<string?>? headers, ColumnUse rows)
    {
        var width = 0;
        if (headers is not null)
        {
            for (var i = headers.Count - 1; i >= 0 && width == 0; i--)
            {
                width = RecipientValues.Clean(headers[i]) is null ? 0 : i + 1;
            }
        }

        return Math.Max(width, rows.Width);
    }

    /// <summary>
    /// A header when a first-row cell is a known column name; never when it holds an identifier; else when, in some
    /// column, the rows below are mostly identifiers and the first row's cell is text (a bare word only when the rows
    /// below have no bare words, so a list of usernames does not lose its first one).
    /// </summary>
    private static bool LooksLikeHeader(IReadOnlyList<RawRow> rows)
    {
        var first = rows[0].Cells ?? [];
        if (first.Any(c => HeaderAliases.RoleOf(c) is not null))
        {
            return true;
        }

        var shapes = first.Select(RecipientValues.ShapeOf).ToList();
        if (shapes.Contains(ValueShape.Identifier) || rows.Count < 2)
        {
            return false;
        }

        var sample = rows.Skip(1).Take(SampleRows).ToList();
        for (var i = 0; i < shapes.Count; i++)
        {
            if (shapes[i] is not (ValueShape.Text or ValueShape.Word))
            {
                continue;
            }

            var below = Shapes(sample, i);
            if (MostlyIdentifiers(below) && (shapes[i] == ValueShape.Text || !below.Contains(ValueShape.Word)))
            {
                return true;
            }
        }

        return false;
    }

    internal static List<ValueShape> Shapes(IEnumerable<RawRow> rows, int column) =>
        rows.Select(r => RecipientValues.ShapeOf(r.Cell(column))).Where(s => s != ValueShape.Empty).ToList();

    internal static bool MostlyIdentifiers(List<ValueShape> shapes) =>
        shapes.Count > 0 && shapes.Count(s => s == ValueShape.Identifier) * 2 >= shapes.Count;

    private static void DetectRoles(IReadOnlyList<string?>? headers, IReadOnlyList<RawRow> rows, RecipientColumnRole?[] roles, bool[] used)
    {
        // A single column (a sheet may leave others empty) is always identifiers, unless its header names one kind.
        if (used.Count(u => u) == 1)
        {
            var only = Array.IndexOf(used, true);
            roles[only] = HeaderAliases.RoleOf(headers?.ElementAtOrDefault(only)) is { } role && IsIdentifier(role) ? role : RecipientColumnRole.Identifier;
            return;
        }

        if (headers is not null)
        {
            for (var i = 0; i < roles.Length; i++)
            {
                var role = HeaderAliases.RoleOf(i < headers.Count ? headers[i] : null);
                roles[i] = role is { } r && !roles.Contains(r) ? r : null;
            }

            if (roles.Any(IsIdentifier))
            {
                return;
            }
        }

        // No header names an identifier: read the values. Columns of mostly identifiers are read value by value;
        // failing that, without headers only, the first column of mostly bare words (a plain list of usernames). With
        // headers, a column of words is far more likely a city or a name than usernames.
        var sample = rows.Take(SampleRows).ToList();
        var shapes = Enumerable.Range(0, roles.Length).Select(i => Shapes(sample, i)).ToList();
        for (var i = 0; i < roles.Length; i++)
        {
            if (roles[i] is null && MostlyIdentifiers(shapes[i]))
            {
                roles[i] = RecipientColumnRole.Identifier;
            }
        }

        if (headers is null && !roles.Any(IsIdentifier))
        {
            var words = Enumerable.Range(0, roles.Length).FirstOrDefault(
                i => roles[i] is null && shapes[i].Count > 0 && shapes[i].Count(s => s is ValueShape.Identifier or ValueShape.Word) * 2 >= shapes[i].Count,
                -1);
            if (words >= 0)
            {
                roles[words] = RecipientColumnRole.Identifier;
            }
        }

        if (headers is null && !roles.Contains(RecipientColumnRole.Name))
        {
            var name = Enumerable.Range(0, roles.Length).FirstOrDefault(
                i => roles[i] is null && shapes[i].Count > 0 && shapes[i].Count(s => s is ValueShape.Text or ValueShape.Word) * 2 >= shapes[i].Count,
                -1);
            if (name >= 0)
            {
                roles[name] = RecipientColumnRole.Name;
            }
        }
    }

    private static ImportError? ApplyExplicit(
        IReadOnlyDictionary<RecipientColumnRole, ImportColumn> mapping, IReadOnlyList<string?>? headers, int width, RecipientColumnRole?[] roles)
    {
        foreach (var (role, column) in mapping.OrderBy(p => p.Key))
        {
            var index = column.Index ?? IndexOf(headers, column.Name!);
            if (index is null || index >= width)
            {
                return new ImportError(ImportErrorCodes.UnknownColumn, column.Name is null
                    ? $"The list has no column {column} (it has {width})."
                    : $"The list has no column named '{column.Name}'.");
            }

            if (roles[index.Value] is { } taken)
            {
                return new ImportError(ImportErrorCodes.InvalidMapping, $"Column {column} is mapped to both {taken} and {role}.");
            }

            roles[index.Value] = role;
        }

        return null;
    }

    private static int? IndexOf(IReadOnlyList<string?>? headers, string name)
    {
        if (headers is null)
        {
            return null;
        }

        for (var i = 0; i < headers.Count; i++)
        {
            if (string.Equals(RecipientValues.Clean(headers[i]), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        var key = HeaderAliases.Normalize(name);
        for (var i = 0; i < headers.Count; i++)
        {
            if (key.Length > 0 && HeaderAliases.Normalize(headers[i]) == key)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>Plans every column with a role, a header or a value; wholly empty columns are left out.</summary>
    private static List<ColumnPlan> Plan(IReadOnlyList<string?>? headers, RecipientColumnRole?[] roles, bool[] used)
    {
        var fields = new FieldNames();
        var plans = new List<ColumnPlan>(roles.Length);
        for (var i = 0; i < roles.Length; i++)
        {
            var header = headers is not null && i < headers.Count ? RecipientValues.Clean(headers[i]) : null;
            if (roles[i] is null && !used[i])
            {
                continue;
            }

            var role = roles[i] ?? RecipientColumnRole.Field;
            var field = role == RecipientColumnRole.Field ? fields.Add(header, i) : null;
            plans.Add(new ColumnPlan(i, header ?? $"#{i + 1}", role, header, field));
        }

        return plans;
    }
}

/// <summary>A table whose columns have roles.</summary>
/// <param name="Columns">How each column is read.</param>
/// <param name="HasHeader">Whether the list has a header (a row, or JSON property names).</param>
/// <param name="SkipFirstRow">True when the first non-blank row is the header, not a recipient.</param>
internal sealed record MappedTable(IReadOnlyList<ColumnPlan> Columns, bool HasHeader, bool SkipFirstRow)
{
    /// <summary>The first data rows (at most <see cref="ColumnMapper.SampleRows"/> + 1).</summary>
    public IReadOnlyList<RawRow> Sample { get; init; } = [];
}
