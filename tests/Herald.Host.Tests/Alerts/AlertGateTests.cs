using Herald.Host.Alerts;
using Herald.Testing;

namespace Herald.Host.Tests.Alerts;

/// <summary>The alert gate against Azurite: one alert per kind per subject per window, shared by every host.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AlertGateTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    [Fact(Timeout = 30_000)]
    public async Task TryAcquire_SameKindAndSubjectWithinWindow_OnlyFirstAcrossTwoHostsThenAgainAfterWindow()
    {
        var subject = "tenant/" + Guid.NewGuid().ToString("N");
        var one = new AlertGate(azurite.CreateTableServiceClient());
        var other = new AlertGate(azurite.CreateTableServiceClient());

        Assert.True(await one.TryAcquireAsync(AlertKind.AccountBlocked, subject, T0, Window));
        Assert.False(await other.TryAcquireAsync(AlertKind.AccountBlocked, subject, T0.AddSeconds(1), Window));
        Assert.False(await one.TryAcquireAsync(AlertKind.AccountBlocked, subject, T0.AddMinutes(59), Window));
        Assert.True(await one.TryAcquireAsync(AlertKind.AccountLimited, subject, T0.AddMinutes(1), Window));
        Assert.True(await other.TryAcquireAsync(AlertKind.AccountBlocked, subject + "-2", T0.AddMinutes(1), Window));
        Assert.True(await other.TryAcquireAsync(AlertKind.AccountBlocked, subject, T0.AddMinutes(61), Window));
        Assert.False(await one.TryAcquireAsync(AlertKind.AccountBlocked, subject, T0.AddMinutes(62), Window));
    }

    [Fact(Timeout = 30_000)]
    public async Task Forget_AfterFailedSend_NextLookMaySendAgain()
    {
        var subject = "tenant/" + Guid.NewGuid().ToString("N");
        var gate = new AlertGate(azurite.CreateTableServiceClient());

        Assert.True(await gate.TryAcquireAsync(AlertKind.FloodWaitSpike, subject, T0, Window));
        await gate.ForgetAsync(AlertKind.FloodWaitSpike, subject);

        Assert.True(await gate.TryAcquireAsync(AlertKind.FloodWaitSpike, subject, T0.AddSeconds(30), Window));
    }
}
