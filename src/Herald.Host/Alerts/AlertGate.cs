using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Herald.Host.Storage;

namespace Herald.Host.Alerts;

/// <summary>
/// At most one alert per kind per subject (tenant and account or campaign) within a window, across every host: one row
/// per kind × subject in the <c>heraldalerts</c> table (<see cref="HostTables.Alerts"/>) with when it was last sent,
/// taken by insert (409: someone has it) or an ETag-guarded replace once the window has passed (412: someone was first).
/// </summary>
public sealed class AlertGate
{
    private readonly EnsuredTable _table;

    /// <summary>Uses the <c>heraldalerts</c> table of <paramref name="tables"/>, created on first use.</summary>
    public AlertGate(TableServiceClient tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = new EnsuredTable(tables.GetTableClient(HostTables.Alerts));
    }

    /// <summary>True when this caller may send the alert now (and the window starts again); false when one was sent within <paramref name="window"/>.</summary>
    public async Task<bool> TryAcquireAsync(AlertKind kind, string subject, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var (partition, row) = Keys(kind, subject);
        try
        {
            await table.AddEntityAsync(new TableEntity(partition, row) { ["SentAt"] = now }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Sent before: take it over only once its window has passed.
        }

        var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
        if (!existing.HasValue || existing.Value is not { } entity || (entity.GetDateTimeOffset("SentAt") is { } sent && now - sent < window))
        {
            return false;
        }

        entity["SentAt"] = now;
        try
        {
            await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    /// <summary>Forgets the last send (it failed), so the next look may try again.</summary>
    public async Task ForgetAsync(AlertKind kind, string subject, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var (partition, row) = Keys(kind, subject);
        await table.DeleteEntityAsync(partition, row, ETag.All, cancellationToken);
    }

    // The subject holds tenant and account ids: its hash keeps keys to the characters tables allow.
    private static (string Partition, string Row) Keys(AlertKind kind, string subject) =>
        (kind.ToString(), Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(subject))));
}
