using System.Collections.Concurrent;
using Herald.Core.Domain;
using Herald.Platforms.Abstractions;

namespace Herald.Engine.Tests.Infrastructure;

/// <summary>Single messages of a fake platform: each call is recorded and answered with a new message id.</summary>
public sealed class FakeSingleMessages : ISingleMessagePlatform
{
    private long _nextId = 1000;

    /// <summary>Every call, in order.</summary>
    public ConcurrentQueue<SingleMessageCommand> Calls { get; } = new();

    public PlatformKind Platform => PlatformKind.Telegram;

    public bool Handles(AccountKind kind) => kind == AccountKind.Bot;

    public Task<SingleMessageResult> ExecuteAsync(PlatformAccount account, SingleMessageCommand command, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue(command);
        return Task.FromResult(new SingleMessageResult(null, Interlocked.Increment(ref _nextId)));
    }
}
