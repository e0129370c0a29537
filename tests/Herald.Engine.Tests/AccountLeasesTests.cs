using Herald.Engine.Accounts;
using Herald.Engine.Persistence;
using Herald.Engine.Tests.Infrastructure;
using Herald.Testing;
using Herald.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Herald.Engine.Tests;

/// <summary>
/// An account's lease taken outside its actor (the admin-rights check): exclusive against any other holder, renewed,
/// and released with the wake it was asked for meanwhile, so a parked account is not left parked. Real Azurite.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AccountLeasesTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Tenant = "acme";

    [Fact(Timeout = 60_000)]
    public async Task TryTake_HeldThenReleased_SecondHolderRefusedUntilThenAWakeMeanwhileIsGivenOnRelease()
    {
        await using var engine = await EngineHarness.StartAsync(azurite, new FakePlatform(), output, workers: false);
        var id = (await engine.RegisterBotsAsync(Tenant, 1))[0];
        var store = engine.Services.GetRequiredService<AccountStore>();
        var leases = engine.Services.GetRequiredService<AccountLeases>();
        var parked = (await store.GetAsync(Tenant, id))!;
        (parked.TickId, parked.NextTickAt) = (null, null); // parked: no live tick
        Assert.True(await store.TryReplaceAsync(parked));

        var first = await leases.TryTakeAsync(Tenant, id);
        var lease = Assert.IsType<AccountLease>(first.Lease);
        var second = await leases.TryTakeAsync(Tenant, id);
        await engine.Accounts.WakeAsync(Tenant, id); // a campaign started while the lease is held
        var held = (await store.GetAsync(Tenant, id))!;

        Assert.Null(second.Lease);
        Assert.Equal(held.LeaseUntil, second.HeldUntil);
        Assert.Equal(lease.Id, held.LeaseId);
        Assert.True(held.WakeRequested);
        Assert.Null(held.TickId);

        await lease.DisposeAsync();
        var after = (await store.GetAsync(Tenant, id))!;

        Assert.Null(after.LeaseId);
        Assert.False(after.WakeRequested);
        Assert.NotNull(after.TickId); // woken: a tick is due now
        await using var again = (await leases.TryTakeAsync(Tenant, id)).Lease;
        Assert.NotNull(again);
        Assert.Null((await leases.TryTakeAsync(Tenant, "no-such-account")).HeldUntil);
    }
}
