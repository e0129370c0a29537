using System.Globalization;
using Herald.Core.Domain;
using Herald.Core.Phones;

namespace Herald.Core.Imports;

/// <summary>
/// Validates an inline recipient list from the API with the same rules as <see cref="RecipientImporter"/>:
/// normalisation, segmentation, dedupe and a dropped-row report (item numbers are 1-based; columns are
/// <c>username</c>, <c>user_id</c>, <c>phone</c>, <c>name</c>, <c>email</c> or the field key). The source is always <see cref="RecipientSourceKind.Api"/>.
/// </summary>
public sealed class RecipientListValidator
{
    private readonly PhoneNormalizer _phones;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a validator reading phones with <paramref name="phones"/> and stamping lists with <paramref name="timeProvider"/>.</summary>
    public RecipientListValidator(PhoneNormalizer phones, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(phones);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _phones = phones;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// Validates <paramref name="recipients"/>; more than <see cref="ImportOptions.MaxRows"/> items or none at all is an
    /// <see cref="ImportResult.Error"/>. Options about files (format, sheet, header, delimiter, mapping, bytes) do not apply.
    /// </summary>
    public ImportResult Validate(IReadOnlyList<RecipientInput> recipients, ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        options = (options ?? new ImportOptions()) with { SourceKind = RecipientSourceKind.Api };
        options.ThrowIfInvalid();
        var source = new RecipientSource(RecipientSourceKind.Api, options.FileName, _timeProvider.GetUtcNow(), 0, 0);
        if (recipients.Count == 0)
        {
            return ImportResult.Failed(new ImportError(ImportErrorCodes.Empty, "The recipient list is empty."), ImportFormat.Json, source);
        }

        if (recipients.Count > options.MaxRows)
        {
            return ImportResult.Failed(
                new ImportError(ImportErrorCodes.TooManyRows, $"The list has more than {options.MaxRows} recipients, the most one request takes."),
                ImportFormat.Json, source);
        }

        var columns = new List<ColumnPlan>
        {
            new(0, "username", RecipientColumnRole.Username, "username", null),
            new(1, "user_id", RecipientColumnRole.UserId, "user_id", null),
            new(2, "phone", RecipientColumnRole.Phone, "phone", null),
            new(3, "name", RecipientColumnRole.Name, "name", null),
        };

        // An e-mail column only when some recipient has an address, so other lists report no field "email".
        int? emailColumn = recipients.Any(r => r?.Email is not null || r?.Fields?.Keys.Any(IsEmailField) == true) ? columns.Count : null;
        if (emailColumn is { } email)
        {
            columns.Add(new ColumnPlan(email, Recipient.EmailField, RecipientColumnRole.Email, Recipient.EmailField, null));
        }

        var fieldColumns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var names = new FieldNames();
        foreach (var key in recipients.SelectMany(r => r?.Fields?.Keys ?? []))
        {
            if (!fieldColumns.ContainsKey(key) && !IsEmailField(key))
            {
                var field = names.Add(key, columns.Count);
                fieldColumns.Add(key, columns.Count);
                columns.Add(new ColumnPlan(columns.Count, field, RecipientColumnRole.Field, key, field));
            }
        }

        var rows = new List<RawRow>(recipients.Count);
        for (var i = 0; i < recipients.Count; i++)
        {
            rows.Add(new RawRow(i + 1, recipients[i] is { } r ? Cells(r, columns.Count, fieldColumns, emailColumn) : null));
        }

        var table = new MappedTable(columns, HasHeader: true, SkipFirstRow: false);
        var collector = new RecipientCollector(columns, options.PhonesOr(_phones), options);
        foreach (var row in rows)
        {
            collector.Add(row);
        }

        return collector.Build(ImportFormat.Json, table, source);
    }

    private static string?[] Cells(RecipientInput input, int width, Dictionary<string, int> fieldColumns, int? emailColumn)
    {
        var cells = new string?[width];
        cells[0] = input.Username;
        cells[1] = input.UserId?.ToString(CultureInfo.InvariantCulture);
        cells[2] = input.Phone;
        cells[3] = input.Name;
        if (emailColumn is { } email)
        {
            cells[email] = input.Email;
        }

        foreach (var (key, value) in input.Fields ?? new Dictionary<string, string>())
        {
            cells[IsEmailField(key) ? emailColumn!.Value : fieldColumns[key]] ??= value;
        }

        return cells;
    }

    private static bool IsEmailField(string key) => string.Equals(key, Recipient.EmailField, StringComparison.OrdinalIgnoreCase);
}
