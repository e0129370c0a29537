using Herald.Engine.Actors;
using Herald.Engine.Model;

namespace Herald.Engine.Accounts;

/// <summary>An account's lease held outside its actor; renewed while held, released on dispose.</summary>
public sealed class AccountLease : IAsyncDisposable
{
    private readonly AccountLeases _owner;
    private readonly LeaseHeartbeat _heartbeat;
    private int _disposed;

    internal AccountLease(AccountLeases owner, AccountRecord row, string id, LeaseHeartbeat heartbeat)
    {
        _owner = owner;
        Row = row;
        Id = id;
        _heartbeat = heartbeat;
    }

    /// <summary>The account row as the lease was taken.</summary>
    public AccountRecord Row { get; }

    /// <summary>The lease's id (in <see cref="AccountRecord.LeaseId"/> while held).</summary>
    public string Id { get; }

    /// <summary>True while the lease is surely held (see the actor's heartbeat).</summary>
    public bool Held => _heartbeat.Held;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _heartbeat.DisposeAsync();
        await _owner.ReleaseAsync(Row.TenantId, Row.AccountId, Id);
    }
}
