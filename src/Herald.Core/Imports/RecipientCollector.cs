using Herald.Core.Domain;
using Herald.Core.Phones;

namespace Herald.Core.Imports;

/// <summary>
/// Turns mapped rows into recipients: length limit, normalisation, segmentation, dedupe, and an issue (row, reason,
/// column; never the value) for every dropped row and every ignored value. Kept recipients wait in <see cref="Pending"/>
/// until the caller takes them; what stays behind is bounded: a key set (<see cref="RecipientKeySet"/>), counts, and
/// the first <c>listed</c> issues.
/// </summary>
internal sealed class RecipientCollector
{
    private readonly IReadOnlyList<ColumnPlan> _columns;
    private readonly IdentifierReader _reader;
    private readonly int _maxLength;
    private readonly IReadOnlyList<string> _prefixes;
    private readonly int _listed;
    private readonly RecipientKeySet _seen = new();
    private readonly List<Recipient> _pending = [];
    private readonly List<ImportIssue> _dropped = [];
    private readonly List<ImportIssue> _ignored = [];
    private readonly Dictionary<string, int> _droppedCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _regions = new(StringComparer.Ordinal);
    private int _rows;
    private int _kept;
    private int _droppedTotal;
    private int _ambiguous;

    /// <param name="columns">How each column is read.</param>
    /// <param name="phones">How phones are read.</param>
    /// <param name="options">The list's options.</param>
    /// <param name="listed">How many dropped rows and ignored values are listed (all of them are counted).</param>
    public RecipientCollector(IReadOnlyList<ColumnPlan> columns, PhoneNormalizer phones, ImportOptions options, int listed = int.MaxValue)
    {
        _columns = columns;
        _reader = new IdentifierReader(phones, options.DigitsAs);
        _maxLength = options.MaxFieldLength;
        _prefixes = options.NormalizedPrefixes;
        _listed = listed;
    }

    /// <summary>The recipients kept and not yet taken, in list order.</summary>
    public List<Recipient> Pending => _pending;

    /// <summary>A blank row: dropped as <see cref="ImportReasons.BlankRow"/>, so the counts add up to the rows read.</summary>
    public void AddBlank(int number)
    {
        _rows++;
        Drop(new ImportIssue(number, ImportReasons.BlankRow));
    }

    private void Drop(ImportIssue issue)
    {
        _droppedTotal++;
        _droppedCounts[issue.Reason] = _droppedCounts.GetValueOrDefault(issue.Reason) + 1;
        if (_dropped.Count < _listed)
        {
            _dropped.Add(issue);
        }
    }

    public void Add(RawRow row)
    {
        _rows++;
        if (row.Cells is null)
        {
            Drop(new ImportIssue(row.Number, ImportReasons.InvalidRow));
            return;
        }

        if (_columns.FirstOrDefault(c => row.Cell(c.Index)?.Length > _maxLength) is { } tooLong)
        {
            Drop(new ImportIssue(row.Number, ImportReasons.TooLong, tooLong.Label));
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
            Drop(invalid?[0] ?? new ImportIssue(row.Number, ImportReasons.NoIdentifier));
            return;
        }

        if (_prefixes.Count > 0 && (phone is null || !_prefixes.Any(p => phone.StartsWith(p, StringComparison.Ordinal))))
        {
            Drop(new ImportIssue(row.Number, ImportReasons.Segment, phoneColumn));
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
            Drop(new ImportIssue(row.Number, ImportReasons.Duplicate));
            return;
        }

        foreach (var key in keys.OfType<string>())
        {
            _seen.Add(key);
        }

        _ambiguous += ambiguous ? 1 : 0;
        _ignored.AddRange((invalid ?? []).Take(_listed - _ignored.Count));
        if (email is not null)
        {
            // The address travels as the field "email": what the e-mail platform and templates read, and what the engine stores.
            (fields ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)).TryAdd(Recipient.EmailField, email);
        }

        var region = PhoneNormalizer.RegionOf(phone) ?? RecipientSegments.NoPhone;
        _regions[region] = _regions.GetValueOrDefault(region) + 1;
        _kept++;
        _pending.Add(new Recipient(username, userId, phone, name, fields));
    }

    /// <summary>The answer: <paramref name="recipients"/> are those the caller kept of <see cref="Pending"/> (none when it stored them).</summary>
    public ImportResult Build(ImportFormat format, MappedTable table, RecipientSource source, RawTable? raw = null, IReadOnlyList<Recipient>? recipients = null) => new()
    {
        Recipients = recipients ?? _pending,
        Dropped = _dropped,
        DroppedCount = _droppedTotal,
        IgnoredValues = _ignored,
        DroppedCounts = new Dictionary<string, int>(_droppedCounts, StringComparer.Ordinal),
        Countries = [.. _regions.Select(r => new RegionCount(r.Key, r.Value)).OrderByDescending(s => s.Count).ThenBy(s => s.Region, StringComparer.Ordinal)],
        Format = format,
        Columns = [.. table.Columns.Select(c => c.ToMapping())],
        HasHeader = table.HasHeader,
        Delimiter = raw?.Delimiter,
        Sheet = raw?.Sheet,
        OtherSheets = raw?.OtherSheets ?? [],
        AmbiguousDigits = _ambiguous,
        Source = source with { RowCount = _rows, RecipientCount = _kept },
    };
}
