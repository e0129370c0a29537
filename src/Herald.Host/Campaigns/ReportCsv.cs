using System.Globalization;
using System.Text;
using Herald.Engine.Campaigns;

namespace Herald.Host.Campaigns;

/// <summary>
/// A campaign report as CSV (RFC 4180, UTF-8, CRLF) for retry lists (R25). Safe to open in a spreadsheet: a cell
/// that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return is prefixed with <c>'</c> so it is
/// never read as a formula (CSV injection); so a phone reads <c>'+4915…</c>. Imports drop that guard, so the file
/// uploads back as a retry list as it is.
/// </summary>
public static class ReportCsv
{
    /// <summary>The header row.</summary>
    public const string Header = "sequence,status,reason,account_id,at,user_id,username,phone,name,delivery_status";

    /// <summary>The media type of the answer.</summary>
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>One row, with the furthest delivery status the platform reported for the recipient, if any.</summary>
    public static string Row(ReportRow row, string? deliveryStatus = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        var r = row.Recipient;
        return string.Join(',',
            Cell(row.Sequence.ToString(CultureInfo.InvariantCulture)),
            Cell(row.Status),
            Cell(row.Reason),
            Cell(row.AccountId),
            Cell(row.At?.ToString("O", CultureInfo.InvariantCulture)),
            Cell(r.UserId?.ToString(CultureInfo.InvariantCulture)),
            Cell(r.Username),
            Cell(r.Phone),
            Cell(r.Name),
            Cell(deliveryStatus));
    }

    /// <summary>One cell: formula-safe, quoted when it holds a comma, quote or line break.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>
    /// Writes the header and every row to <paramref name="stream"/> (UTF-8 without BOM); <paramref name="deliveries"/>
    /// holds the delivery status of the recipients that have one, by sequence.
    /// </summary>
    public static async Task WriteAsync(Stream stream, IAsyncEnumerable<ReportRow> rows, IReadOnlyDictionary<int, string>? deliveries = null, CancellationToken cancellationToken = default)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(Header.AsMemory(), cancellationToken);
        await writer.WriteAsync("\r\n".AsMemory(), cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(Row(row, deliveries?.GetValueOrDefault(row.Sequence)).AsMemory(), cancellationToken);
            await writer.WriteAsync("\r\n".AsMemory(), cancellationToken);
        }
    }
}
