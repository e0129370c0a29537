namespace Herald.Engine.Accounts;

/// <summary>What <see cref="AccountLeases.TryTakeAsync"/> found: the lease, or until when another holder has it, or neither (no account).</summary>
/// <param name="Lease">The lease taken, or null.</param>
/// <param name="HeldUntil">Until when another holder has the lease, when it was not taken because of that.</param>
public sealed record AccountLeaseTake(AccountLease? Lease, DateTimeOffset? HeldUntil);
