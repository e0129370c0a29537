using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Herald.Host.Storage;
using Microsoft.Extensions.Options;

namespace Herald.Host.Messages;

/// <summary>What <see cref="IdempotencyStore.BeginAsync"/> found.</summary>
public enum IdempotencyState
{
    /// <summary>The key is new (or expired): the caller holds it and must complete or release it.</summary>
    Started,

    /// <summary>The same request with this key finished before: answer with its response.</summary>
    Replay,

    /// <summary>The same request with this key is running now.</summary>
    InProgress,

    /// <summary>A request with this key started long ago and never finished: its outcome is unknown.</summary>
    Abandoned,

    /// <summary>The key was used for a different request.</summary>
    Mismatch,
}

/// <summary>A held key.</summary>
public sealed record IdempotencyReservation(string TenantId, string RowKey, ETag ETag);

/// <summary>A finished request's answer, kept under its key.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Body">The JSON body (ids and states only, never message text).</param>
public sealed record StoredResponse(int StatusCode, string Body);

/// <summary>The outcome of <see cref="IdempotencyStore.BeginAsync"/>.</summary>
/// <param name="State">What was found.</param>
/// <param name="Reservation">The key's row as held (<see cref="IdempotencyState.Started"/>) or as found (in progress, abandoned).</param>
/// <param name="Response">The kept answer of a <see cref="IdempotencyState.Replay"/>.</param>
/// <param name="Operation">The operation the key's request started (in progress, abandoned), if it named one.</param>
public sealed record IdempotencyBegin(IdempotencyState State, IdempotencyReservation? Reservation = null, StoredResponse? Response = null, string? Operation = null);

/// <summary>
/// <c>Idempotency-Key</c>s of the message API in the <c>heraldidempotency</c> table (<see cref="HostTables.Idempotency"/>):
/// partition = tenant, row = SHA-256 of the key. The first request inserts the row (an insert is atomic, so of two
/// concurrent requests exactly one holds the key); it completes the row with its answer, or releases it when nothing
/// was sent. A key is tied to its request by a fingerprint (method, path, body): the same key with another request is a
/// mismatch. Keys are per tenant: two tenants may use the same key.
/// </summary>
public sealed class IdempotencyStore
{
    /// <summary>The longest key accepted.</summary>
    public const int MaxKeyLength = 255;

    private const string Started = "started";
    private const string Completed = "completed";

    private readonly EnsuredTable _table;
    private readonly TimeProvider _time;
    private readonly IOptions<IdempotencyOptions> _options;

    /// <summary>Uses the <c>heraldidempotency</c> table of <paramref name="tables"/>, created on first use.</summary>
    public IdempotencyStore(TableServiceClient tables, TimeProvider timeProvider, IOptions<IdempotencyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = new EnsuredTable(tables.GetTableClient(HostTables.Idempotency));
        _time = timeProvider;
        _options = options;
    }

    /// <summary>Why <paramref name="key"/> is not acceptable (1–255 printable ASCII characters), or null.</summary>
    public static string? CheckKey(string? key) =>
        string.IsNullOrEmpty(key) ? "Required: a unique key per operation (e.g. a UUID), so a retry never acts twice."
        : key.Length > MaxKeyLength || key.AsSpan().ContainsAnyExceptInRange(' ', '~') ? $"Must be 1 to {MaxKeyLength} printable ASCII characters."
        : null;

    /// <summary>The fingerprint of a request: SHA-256 over method, path and body.</summary>
    public static string Fingerprint(string method, string path, string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{method}\n{path}\n{body}")));

    /// <summary>
    /// Takes the key for a request with <paramref name="fingerprint"/> that starts <paramref name="operation"/> (kept
    /// with the key, so a later request with it can find what the first one started), or says why not.
    /// </summary>
    public async Task<IdempotencyBegin> BeginAsync(string tenantId, string key, string fingerprint, string? operation = null, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var rowKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        for (var attempt = 0; ; attempt++)
        {
            var now = _time.GetUtcNow();
            var fresh = new TableEntity(tenantId, rowKey) { ["State"] = Started, ["Fingerprint"] = fingerprint, ["StartedAt"] = now, ["Operation"] = operation };
            try
            {
                var added = await table.AddEntityAsync(fresh, cancellationToken);
                return new IdempotencyBegin(IdempotencyState.Started, new IdempotencyReservation(tenantId, rowKey, added.Headers.ETag ?? ETag.All));
            }
            catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status409Conflict && attempt < 5)
            {
                // The key is taken: look at who holds it.
            }

            var row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, rowKey, cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                continue; // released meanwhile
            }

            var existing = row.Value!;
            var startedAt = existing.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.MinValue;
            if (startedAt + _options.Value.Retention <= now)
            {
                try
                {
                    var replaced = await table.UpdateEntityAsync(fresh, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                    return new IdempotencyBegin(IdempotencyState.Started, new IdempotencyReservation(tenantId, rowKey, replaced.Headers.ETag ?? ETag.All));
                }
                catch (RequestFailedException ex) when (ex.Status is StatusCodes.Status412PreconditionFailed or StatusCodes.Status404NotFound && attempt < 5)
                {
                    continue; // another request renewed or released it first
                }
            }

            if (!string.Equals(existing.GetString("Fingerprint"), fingerprint, StringComparison.Ordinal))
            {
                return new IdempotencyBegin(IdempotencyState.Mismatch);
            }

            if (existing.GetString("State") == Completed)
            {
                return new IdempotencyBegin(IdempotencyState.Replay, Response: new StoredResponse(existing.GetInt32("StatusCode") ?? 200, existing.GetString("Body") ?? "{}"));
            }

            return new IdempotencyBegin(
                startedAt + _options.Value.AbandonAfter <= now ? IdempotencyState.Abandoned : IdempotencyState.InProgress,
                new IdempotencyReservation(tenantId, rowKey, existing.ETag),
                Operation: existing.GetString("Operation"));
        }
    }

    /// <summary>
    /// Keeps <paramref name="response"/> under the held key: the same request with the key gets it from now on. False
    /// when the row changed meanwhile (another request with the key completed it first).
    /// </summary>
    public async Task<bool> CompleteAsync(IdempotencyReservation reservation, string fingerprint, StoredResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        ArgumentNullException.ThrowIfNull(response);
        var table = await _table.GetAsync(cancellationToken);
        var row = new TableEntity(reservation.TenantId, reservation.RowKey)
        {
            ["State"] = Completed,
            ["Fingerprint"] = fingerprint,
            ["StartedAt"] = _time.GetUtcNow(),
            ["StatusCode"] = response.StatusCode,
            ["Body"] = response.Body,
        };
        try
        {
            await table.UpdateEntityAsync(row, reservation.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is StatusCodes.Status412PreconditionFailed or StatusCodes.Status404NotFound)
        {
            return false;
        }
    }

    /// <summary>Gives the key back (nothing was done): the same request may be sent again with it.</summary>
    public async Task ReleaseAsync(IdempotencyReservation reservation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        var table = await _table.GetAsync(cancellationToken);
        try
        {
            await table.DeleteEntityAsync(reservation.TenantId, reservation.RowKey, reservation.ETag, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status412PreconditionFailed)
        {
            // Renewed by another request after it expired: that request holds the key now.
        }
    }

    /// <summary>
    /// Deletes the keys whose retention has passed (they would answer as new keys anyway), so the table does not grow
    /// forever. A key renewed or released meanwhile is left alone. Returns how many were deleted.
    /// </summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var cutoff = _time.GetUtcNow() - _options.Value.Retention;
        var filter = TableClient.CreateQueryFilter($"StartedAt le {cutoff}");
        var deleted = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            try
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
                deleted++;
            }
            catch (RequestFailedException ex) when (ex.Status is StatusCodes.Status404NotFound or StatusCodes.Status412PreconditionFailed)
            {
                // Released, or renewed by a new request, since the query saw it.
            }
        }

        return deleted;
    }
}
