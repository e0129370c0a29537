using Herald.Host.Tests.Infrastructure;
using Herald.Host.WhatsApp;
using Herald.Testing;

namespace Herald.Host.Tests.WhatsApp;

/// <summary>Delivery receipts against Azurite: either order of send and webhook, redelivery, statuses only moving forward.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeliveryStoreTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task Receipts_InAnyOrderAndRedelivered_CountEachMessageOnceUnderItsFurthestStatus()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var store = host.Services.GetRequiredService<DeliveryStore>();
        var tenant = EngineApiHost.NewTenant();

        await store.RecordSentAsync(tenant, "c1", "wamid.A");
        await store.ApplyStatusAsync("wamid.B", "delivered");        // the webhook before the send's record
        await store.RecordSentAsync(tenant, "c1", "wamid.B");
        await store.RecordSentAsync(tenant, "c1", "wamid.B");        // recorded twice: counted once
        await store.RecordSentAsync(tenant, "c1", "wamid.C");
        await store.ApplyStatusAsync("wamid.C", "read");
        await store.ApplyStatusAsync("wamid.C", "delivered");        // late and out of order: no step back
        await store.RecordSentAsync(tenant, "c1", "wamid.D");
        await store.ApplyStatusAsync("wamid.D", "failed");
        await store.ApplyStatusAsync("wamid.D", "failed");           // redelivered
        await store.RecordSentAsync(tenant, "c2", "wamid.E");

        Assert.Equal(new DeliveryCounts(1, 1, 1, 1), await store.GetAsync(tenant, "c1"));
        Assert.Equal(new DeliveryCounts(1, 0, 0, 0), await store.GetAsync(tenant, "c2"));
        Assert.Equal(DeliveryCounts.None, await store.GetAsync(EngineApiHost.NewTenant(), "c1"));
    }
}
