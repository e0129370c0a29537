using Herald.Platforms.TelegramBot;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Platforms.Tests.TelegramBot;

public sealed class TelegramBotRateLimiterTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    // Off the test framework's synchronization context, a timer firing inside Advance releases its
    // waiter inline, so "not yet released" and "released" are exact right after each Advance.
    private static Task Detached(Func<Task> body) => Task.Run(body);

    // Moves the clock to just before `at`, checks the waiter is still held, then to `at`, checks it is released.
    private void AssertReleasedAt(Task waiting, TimeSpan at)
    {
        _clock.Advance(at - TimeSpan.FromMilliseconds(100));
        Assert.False(waiting.IsCompleted, "released early");
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(waiting.IsCompletedSuccessfully, "not released on time");
    }

    private TelegramBotRateLimiter Limiter(Action<TelegramBotOptions>? configure = null)
    {
        var options = new TelegramBotOptions();
        configure?.Invoke(options);
        return new TelegramBotRateLimiter(options, _clock);
    }

    [Fact(Timeout = 60_000)]
    public async Task WaitAsync_Group_SpacesSendsThreeSecondsApart()
    {
        await Detached(async () =>
        {
            var limiter = Limiter();
            TelegramChatId group = -100123;
            await limiter.WaitAsync(group);

            AssertReleasedAt(limiter.WaitAsync(group), TimeSpan.FromSeconds(3));
        });
    }

    [Fact(Timeout = 60_000)]
    public async Task WaitAsync_LoweredChatRate_SpacesByTheLowerRate()
    {
        await Detached(async () =>
        {
            var limiter = Limiter(o => o.ChatMessagesPerSecond = 0.5);
            await limiter.WaitAsync(7);

            AssertReleasedAt(limiter.WaitAsync(7), TimeSpan.FromSeconds(2));
        });
    }

    [Fact(Timeout = 60_000)]
    public async Task WaitAsync_PausedChat_OtherChatsProceedWithoutTheClockMoving()
    {
        await Detached(async () =>
        {
            var limiter = Limiter();
            Assert.Equal(RateLimitScope.Chat, limiter.ReportRateLimited(1, TimeSpan.FromSeconds(30)));

            var paused = limiter.WaitAsync(1);
            var second = limiter.WaitAsync(2);
            var third = limiter.WaitAsync(3);
            _clock.Advance(TimeSpan.FromMilliseconds(34));

            Assert.True(second.IsCompletedSuccessfully);
            Assert.True(third.IsCompletedSuccessfully);
            Assert.False(paused.IsCompleted);
            _clock.Advance(TimeSpan.FromSeconds(30));
            Assert.True(paused.IsCompletedSuccessfully);
        });
    }

    [Fact(Timeout = 60_000)]
    public async Task ReportRateLimited_ThreeChatsWithinASecond_PausesTheWholeBot()
    {
        await Detached(() =>
        {
            var limiter = Limiter();
            var start = _clock.GetUtcNow();

            var scopes = new[] { 1L, 2L, 3L }.Select(chat => limiter.ReportRateLimited(chat, TimeSpan.FromSeconds(10))).ToList();

            Assert.Equal([RateLimitScope.Chat, RateLimitScope.Chat, RateLimitScope.Bot], scopes);
            Assert.Equal(start + TimeSpan.FromSeconds(10), limiter.PausedUntil);
            AssertReleasedAt(limiter.WaitAsync(4), TimeSpan.FromSeconds(10));
            return Task.CompletedTask;
        });
    }

    [Fact]
    public void ReportRateLimited_ChatsFarApartOrNoChat_ScopesAsExpected()
    {
        var limiter = Limiter();

        var first = limiter.ReportRateLimited(1, TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(2));
        var second = limiter.ReportRateLimited(2, TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(2));
        var third = limiter.ReportRateLimited(3, TimeSpan.FromSeconds(1));
        var noChat = limiter.ReportRateLimited(null, TimeSpan.FromSeconds(1));

        Assert.Equal([RateLimitScope.Chat, RateLimitScope.Chat, RateLimitScope.Chat, RateLimitScope.Bot], [first, second, third, noChat]);
    }

    [Fact(Timeout = 60_000)]
    public async Task WaitAsync_PauseArrivesWhileWaitingForASlot_TheSlotIsGivenUp()
    {
        await Detached(async () =>
        {
            var limiter = Limiter();
            await limiter.WaitAsync(1);
            var reserved = limiter.WaitAsync(2);

            limiter.ReportRateLimited(null, TimeSpan.FromSeconds(5));

            // Its slot (33.4 ms) passes inside the pause: it goes when the pause ends, not at its slot.
            AssertReleasedAt(reserved, TimeSpan.FromSeconds(5));
        });
    }

    [Fact(Timeout = 60_000)]
    public async Task WaitAsync_ASendHeldUp_TheNextIsReleasedSoonerThanEvenSpacing()
    {
        await Detached(async () =>
        {
            var limiter = Limiter();
            await limiter.WaitAsync(1);
            _clock.Advance(TimeSpan.FromMilliseconds(100));
            await limiter.WaitAsync(2);

            // Even spacing would hold the third for 33.4 ms; within the second's budget it goes at half that.
            var third = limiter.WaitAsync(3);
            _clock.Advance(TimeSpan.FromMilliseconds(16));
            Assert.False(third.IsCompleted, "released early");
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            Assert.True(third.IsCompletedSuccessfully, "held to even spacing");
        });
    }

    [Fact(Timeout = 60_000)]
    public async Task WaitAsync_Cancelled_Throws()
    {
        await Detached(async () =>
        {
            var limiter = Limiter();
            limiter.ReportRateLimited(null, TimeSpan.FromMinutes(1));
            using var cancel = new CancellationTokenSource();

            var waiting = limiter.WaitAsync(1, cancellationToken: cancel.Token);
            await cancel.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        });
    }
}
