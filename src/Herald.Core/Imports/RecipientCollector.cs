using Herald.Core.Domain;
using Herald.Core.Phones;

namespace Herald.Core.Imports;

/// <summary>
/// Turns mapped rows into recipients: length limit, normalisation, segmentation, dedupe, and an issue (row, reason,
/// column; never the value) for every dropped row and every ignored value.
/// </summary>
internal sealed class RecipientCollector
{
    private readonly IReadOnlyList<ColumnPlan> _columns;
    private readonly IdentifierReader _reader;
    private readonly int _maxLength;
    private readonly IReadOnlyList<string> _prefixes;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<Recipient> _recipients = [];
    private readonly List<ImportIssue> _dropped = [];
    private readonly List<ImportIssue> _ignored = [];
    private int _rows;
    private int _ambiguous;

    public RecipientCollector(IReadOnlyList<ColumnPlan> columns, PhoneNormalizer phones, ImportOptions options)
    {
        _columns = columns;
        _reader = new IdentifierReader(phones, options.DigitsAs);
        _maxLength = options.MaxFieldLength;
        _prefixes = options.NormalizedPrefixes;
    }

    /// <summary>A blank row: dropped as <see cref="ImportReasons.BlankRow"/>, so the counts add up to the rows read.</summary>
    public void AddBlank(int number)
    {
        _rows++;
        _dropped.Add(new ImportIssue(number, ImportReasons.BlankRow));
    }

    public void Add(RawRow row)
    {
        _rows++;
        if (row.Cells is null)
        {
            _dropped.Add(new ImportIssue(row.Number, ImportReasons.InvalidRow));
            return;
        }

        if (_columns.FirstOrDefault(c => row.Cell(c.Index)?.Length > _maxLength) is { } tooLong)
        {
            _dropped.Add(new ImportIssue(row.Number, ImportReasons.TooLong, tooLong.Label));
            return;
        }

        string? username = null, phone = null, name = null, phoneColumn = null, email = null;
        long? userId = null;
        Dictionary<string, string>? fields = null;
        List<ImportIssue>? invalid = null;
        var ambiguous = false;
        foreach (var column in _columns)
        {
            if (RecipientValues.Clean(row.Cell(column.Index)) is not { } value)
            {
                continue;
            }

            switch (column.Role)
            {
                case RecipientColumnRole.Name:
                    name ??= value;
                    break;
                case RecipientColumnRole.Field:
                    (fields ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)).TryAdd(column.Field!, value);
                    break;
                default:
                    var id = _reader.Read(column.Role, value);
                    if (id.Invalid is { } reason)
                    {
                        (invalid ??= []).Add(new ImportIssue(row.Number, reason, column.Label));
                        break;
                    }

                    ambiguous |= id.Ambiguous;
                    username ??= id.Username;
                    userId ??= id.UserId;
                    email ??= id.Email;
                    if (phone is null && id.Phone is not null)
                    {
                        (phone, phoneColumn) = (id.Phone, column.Label);
                    }

                    break;
            }
        }

        if (username is null && userId is null && phone is null && email is null)
        {
            _dropped.Add(invalid?[0] ?? new ImportIssue(row.Number, ImportReasons.NoIdentifier));
            return;
        }

        if (_prefixes.Count > 0 && (phone is null || !_prefixes.Any(p => phone.StartsWith(p, StringComparison.Ordinal))))
        {
            _dropped.Add(new ImportIssue(row.Number, ImportReasons.Segment, phoneColumn));
            return;
        }

        // Any shared identifier makes a duplicate, not only an equal Recipient.Key: "id 1 + @ann" then "@ann" is one person.
        string?[] keys =
        [
            userId is { } u ? $"id:{u}" : null,
            username is null ? null : $"u:{username.ToLowerInvariant()}",
            phone is null ? null : $"p:{phone}",
            email is null ? null : Recipient.EmailKey(email),
        ];
        if (keys.Any(k => k is not null && _seen.Contains(k)))
        {
            _dropped.Add(new ImportIssue(row.Number, ImportReasons.Duplicate));
            return;
        }

        foreach (var key in keys.OfType<string>())
        {
            _seen.Add(key);
        }

        _ambiguous += ambiguous ? 1 : 0;
        _ignored.AddRange(invalid ?? []);
        if (email is not null)
        {
            // The address travels as the field "email": what the e-mail platform and templates read, and what the engine stores.
            (fields ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)).TryAdd(Recipient.EmailField, email);
        }

        _recipients.Add(new Recipient(username, userId, phone, name, fields));
    }

    public ImportResult Build(ImportFormat format, MappedTable table, RecipientSource source, RawTable? raw = null) => new()
    {
        Recipients = _recipients,
        Dropped = _dropped,
        IgnoredValues = _ignored,
        DroppedCounts = _dropped.GroupBy(d => d.Reason).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
        Format = format,
        Columns = [.. table.Columns.Select(c => c.ToMapping())],
        HasHeader = table.HasHeader,
        Delimiter = raw?.Delimiter,
        Sheet = raw?.Sheet,
        OtherSheets = raw?.OtherSheets ?? [],
        AmbiguousDigits = _ambiguous,
        Source = source with { RowCount = _rows, RecipientCount = _recipients.Count },
    };
}
