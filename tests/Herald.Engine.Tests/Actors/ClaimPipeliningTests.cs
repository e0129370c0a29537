using Herald.Engine.Actors;

namespace Herald.Engine.Tests.Actors;

/// <summary>When a bot claims its next batch while the current one is sent (issue 16).</summary>
public sealed class ClaimPipeliningTests
{
    private static readonly TimeSpan TickLimit = TimeSpan.FromSeconds(5);

    [Fact]
    public void ShouldPrefetch_FullSpeedBotEarlyInItsTick_ClaimsAhead() =>
        Assert.True(Decide(elapsed: TimeSpan.FromSeconds(1)));

    [Fact]
    public void ShouldPrefetch_TickEndsBeforeTheBatchIsSent_DoesNotClaimWhatItWouldHandBack() =>
        // 4.2 s in, a one-second batch ends after the tick stopped starting batches: an early claim would go back.
        Assert.False(Decide(elapsed: TimeSpan.FromSeconds(4.2)));

    [Fact]
    public void ShouldPrefetch_ABatchOfSeveralSeconds_CountsItsWholeDuration()
    {
        Assert.False(Decide(elapsed: TimeSpan.FromSeconds(1.5), batch: 100));
        Assert.True(Decide(elapsed: TimeSpan.FromSeconds(1), batch: 90, perSecond: 30));
    }

    [Theory]
    [InlineData(false, false, true, true)]
    [InlineData(true, true, true, true)]
    [InlineData(true, false, false, true)]
    [InlineData(true, false, true, false)]
    public void ShouldPrefetch_NotAtFullSpeedLastStretchCapBoundOrLeaseInDoubt_ClaimsAsBefore(bool fullSpeed, bool lastStretch, bool rateBound, bool leaseHeld) =>
        Assert.False(ClaimPipelining.ShouldPrefetch(fullSpeed, lastStretch, rateBound, leaseHeld, 30, 30, TimeSpan.FromSeconds(1), TickLimit));

    [Fact]
    public void ShouldPrefetch_NoRateOrEmptyBatch_DoesNotClaim()
    {
        Assert.False(Decide(elapsed: TimeSpan.Zero, batch: 0));
        Assert.False(Decide(elapsed: TimeSpan.Zero, perSecond: 0));
    }

    private static bool Decide(TimeSpan elapsed, int batch = 30, int perSecond = 30) =>
        ClaimPipelining.ShouldPrefetch(fullSpeed: true, lastStretch: false, rateBound: true, leaseHeld: true, batch, perSecond, elapsed, TickLimit);
}
