using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace Herald.Core.Tests.Pacing;

public sealed class AccountStateTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset T0 = Times.Monday;
    private readonly PacingPolicy _policy = new();

    [Fact(Timeout = 60_000)]
    public Task Serialize_AnyState_RoundTrips() => Bounded.Run(() =>
    {
        var ms = Gen.Choose(0, 10 * 86_400_000).Select(v => T0.AddMilliseconds(v));
        var optionalTime = Gen.OneOf(Gen.Constant<DateTimeOffset?>(null), ms.Select(t => (DateTimeOffset?)t));
        var outcome = Gen.Elements<ActionOutcome>(
            new ActionOutcome.Done(DoneKind.Invited),
            new ActionOutcome.RateLimited(TimeSpan.FromSeconds(42)),
            new ActionOutcome.PrivacyRestricted("USER_PRIVACY_RESTRICTED"),
            new ActionOutcome.Transient("timeout"));
        var kind = Gen.Elements(Enum.GetValues<ActionKind>());
        var step = Gen.Zip(Gen.Zip(kind, outcome), Gen.Zip(Gen.Choose(0, 3_600_000), Gen.Elements(true, false)));
        var steps = step.ListOf();
        var input = Gen.Zip(Gen.Zip(steps, optionalTime), Gen.Zip(Gen.Elements("PEER_FLOOD | weird;chars,@=%", null!), Gen.Elements(AccountKind.Bot, AccountKind.User)))
            .ToArbitrary();

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), Prop.ForAll(input, value =>
        {
            var ((list, warmup), (blocked, accountKind)) = value;
            var limits = PlatformLimits.Default.For(PlatformKind.Telegram, accountKind);
            var state = AccountState.ForAccount("acc|1,@x", warmup);
            var now = T0;
            foreach (var ((k, o), (delayMs, links)) in list)
            {
                now = now.AddMilliseconds(delayMs);
                state = _policy.Record(state, limits, new PacedAction(k, "camp-" + (delayMs % 3), links, "chat" + (delayMs % 5), delayMs % 2 == 0), o, now);
            }

            if (blocked is not null)
            {
                state = state with { BlockedReason = blocked, BlockedAt = now };
            }

            var parsed = AccountState.Parse(state.Serialize());
            return parsed.Equals(state) && parsed.Serialize() == state.Serialize();
        }));
    });

    [Fact(Timeout = 10_000)]
    public Task Serialize_UserAccountAtFullCapsForADay_StaysSmall() => Bounded.Run(() =>
    {
        var limits = PlatformLimits.Default.For(PlatformKind.Telegram, AccountKind.User);
        var state = AccountState.ForAccount("user-1");
        var now = T0;
        foreach (var kind in new[] { ActionKind.Invite, ActionKind.AddContact, ActionKind.PersonalMessage })
        {
            for (var i = 0; i < 50; i++)
            {
                now = now.AddSeconds(97);
                state = _policy.Record(state, limits, new PacedAction(kind, $"campaign-{i % 4}"), new ActionOutcome.Done(DoneKind.Invited), now);
            }
        }

        var text = state.Serialize();
        output.WriteLine($"{text.Length} chars: {text}");
        Assert.True(text.Length < 4096, $"{text.Length} chars");
        Assert.Equal(state, AccountState.Parse(text));
    });

    [Fact(Timeout = 10_000)]
    public Task Serialize_BusyBotForADay_StaysWellUnder64KiB() => Bounded.Run(() =>
    {
        var limits = PlatformLimits.Default.For(PlatformKind.WhatsApp, AccountKind.Bot, new LimitOverrides(MessagingTier: 100_000));
        var state = AccountState.ForAccount("bot-1");
        var now = T0;
        for (var i = 0; i < 100_000; i++)
        {
            // A day at the 100k tier, ending in a burst at 80 messages per second (the most recent sends kept).
            now = now.AddMilliseconds(i < 95_200 ? 864 : 12);
            state = _policy.Record(state, limits, new PacedAction(ActionKind.BotMessage, "c", Chat: "user" + i), new ActionOutcome.Done(DoneKind.Messaged), now);
        }

        var text = state.Serialize();
        output.WriteLine($"{text.Length} chars after {(now - T0).TotalHours:0.0} h");
        Assert.True(text.Length < 16_384, $"{text.Length} chars");
        Assert.Equal(state, AccountState.Parse(text));
    });

    [Fact(Timeout = 10_000)]
    public Task Parse_UnknownVersionOrGarbage_Rejected() => Bounded.Run(() =>
    {
        Assert.Throws<FormatException>(() => AccountState.Parse("v9|x=1"));
        Assert.Throws<FormatException>(() => AccountState.Parse("v1|cu=soon"));
        Assert.False(AccountState.TryParse("v1|c=Z:1", out _));
        Assert.True(AccountState.TryParse("v1|zz=future-field", out var state));
        Assert.Equal(new AccountState(), state);
    });
}
