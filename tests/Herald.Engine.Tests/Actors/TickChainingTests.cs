using Herald.Engine.Actors;

namespace Herald.Engine.Tests.Actors;

/// <summary>When a bot's tick goes straight on as its next tick instead of a round trip through the queue (issue 16).</summary>
public sealed class TickChainingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public void ShouldChain_BotAtFullSpeedWithWorkDueNow_GoesOn() =>
        Assert.True(TickChaining.ShouldChain(true, false, 30, true, Now, Now, TimeSpan.FromSeconds(5), Limit));

    [Fact]
    public void ShouldChain_PastTheLimit_HandsItsSlotBackThroughTheQueue() =>
        Assert.False(TickChaining.ShouldChain(true, false, 30, true, Now, Now, Limit, Limit));

    [Fact]
    public void ShouldChain_NextTickLaterOrParked_EndsAsUsual()
    {
        Assert.False(TickChaining.ShouldChain(true, false, 30, true, Now.AddSeconds(1), Now, TimeSpan.FromSeconds(5), Limit));
        Assert.False(TickChaining.ShouldChain(true, false, 30, true, null, Now, TimeSpan.FromSeconds(5), Limit));
    }

    [Theory]
    [InlineData(false, false, 30, true)]
    [InlineData(true, true, 30, true)]
    [InlineData(true, false, 0, true)]
    [InlineData(true, false, 30, false)]
    public void ShouldChain_UserAccountFencedIdleOrHeldBackByStorage_EndsAsUsual(bool isBot, bool fenced, int acted, bool fullSpeed) =>
        Assert.False(TickChaining.ShouldChain(isBot, fenced, acted, fullSpeed, Now, Now, TimeSpan.FromSeconds(5), Limit));
}
