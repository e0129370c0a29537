using Herald.Engine.Campaigns;

namespace Herald.Host.Campaigns;

/// <summary>
/// The report of a campaign (R25): every recipient that failed, is unknown or was skipped, with the reason; for a
/// cancelled campaign also those never reached (status <c>cancelled</c>). Rows stream as they are read.
/// </summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Status">The campaign's status.</param>
/// <param name="Source">Where its list came from (R36).</param>
/// <param name="Paid">How many of its messages were sent as paid broadcasts (Telegram's <c>allow_paid_broadcast</c>, 0.1 Stars each).</param>
/// <param name="Rows">The recipients.</param>
public sealed record CampaignReport(string CampaignId, string Status, string? Source, long Paid, IAsyncEnumerable<CampaignReportRow> Rows)
{
    /// <summary>The response header of the CSV report that carries <see cref="Paid"/>.</summary>
    public const string PaidHeader = "Herald-Paid-Messages";
}

/// <summary>
/// One recipient in a report; <paramref name="DeliveryStatus"/> is the furthest status the platform's receipts reported
/// for the recipient's messages (WhatsApp: sent, delivered, read, failed), null when none did.
/// </summary>
public sealed record CampaignReportRow(
    int Sequence,
    string Status,
    string? Reason,
    string? AccountId,
    DateTimeOffset? At,
    long? UserId,
    string? Username,
    string? Phone,
    string? Name,
    string? DeliveryStatus = null)
{
    /// <summary>The API shape of a report row.</summary>
    public static CampaignReportRow From(ReportRow row, string? deliveryStatus = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        var r = row.Recipient;
        return new(row.Sequence, row.Status, row.Reason, row.AccountId, row.At, r.UserId, r.Username, r.Phone, r.Name, deliveryStatus);
    }
}
