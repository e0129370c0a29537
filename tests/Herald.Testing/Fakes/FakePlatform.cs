using System.Collections.Concurrent;
using Herald.Core.Domain;
using Herald.Core.Outcomes;
using Herald.Platforms.Abstractions;

namespace Herald.Testing.Fakes;

/// <summary>
/// A platform with scripted outcomes and real bookkeeping: it records every action, detects two
/// actions in flight for one account and a recipient acted on twice, and can write a journal line
/// per call to a file so several worker processes can be checked together.
/// </summary>
public sealed class FakePlatform : IPlatformAdapter
{
    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _perRecipient = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeCall> _calls = new();
    private readonly TimeProvider _time;
    private readonly FakeJournal? _journal;
    private int _overlaps;
    private int _started;

    public FakePlatform(TimeProvider? time = null, string? journalPath = null, PlatformKind platform = PlatformKind.Telegram)
    {
        _time = time ?? TimeProvider.System;
        _journal = journalPath is null ? null : new FakeJournal(journalPath);
        Platform = platform;
    }

    public PlatformKind Platform { get; }

    /// <summary>Decides the outcome of each call; the default answers Done for every action.</summary>
    public Func<PlatformAccount, PlatformAction, ActionOutcome> Script { get; set; } = (_, a) => new ActionOutcome.Done(DefaultDone(a.Kind));

    /// <summary>How long each call takes (real time); zero by default.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Admin rights per chat for <see cref="CheckAdminRightsAsync"/>.</summary>
    public Func<PlatformAccount, string, AdminRightsCheck> AdminRights { get; set; } = (_, _) => new AdminRightsCheck(true, true);

    public IReadOnlyCollection<FakeCall> Calls => _calls.ToArray();

    /// <summary>Calls started so far (including those still in flight).</summary>
    public int Started => Volatile.Read(ref _started);

    /// <summary>How many times two calls of one account overlapped in time.</summary>
    public int Overlaps => Volatile.Read(ref _overlaps);

    /// <summary>Recipients (by key) that received a Done more than once.</summary>
    public IReadOnlyList<string> DuplicatedRecipients =>
        _perRecipient.Where(p => p.Value > 1).Select(p => p.Key).ToList();

    public async Task<ActionOutcome> ExecuteAsync(PlatformAccount account, PlatformAction action, CancellationToken cancellationToken = default)
    {
        var key = account.AccountId;
        Interlocked.Increment(ref _started);
        if (_inFlight.AddOrUpdate(key, 1, (_, n) => n + 1) > 1)
        {
            Interlocked.Increment(ref _overlaps);
        }

        var started = _time.GetUtcNow();
        _journal?.Write('S', account.AccountId, action.Recipient.Key, started);
        try
        {
            if (Latency > TimeSpan.Zero)
            {
                await Task.Delay(Latency, cancellationToken);
            }

            var outcome = Script(account, action);
            if (outcome is ActionOutcome.Done)
            {
                _perRecipient.AddOrUpdate(action.Recipient.Key, 1, (_, n) => n + 1);
            }

            _calls.Enqueue(new FakeCall(account.AccountId, action.Kind, action.Recipient, action.Text, outcome, started));
            _journal?.Write(outcome is ActionOutcome.Done ? 'D' : 'F', account.AccountId, action.Recipient.Key, _time.GetUtcNow());
            return outcome;
        }
        finally
        {
            _inFlight.AddOrUpdate(key, 0, (_, n) => n - 1);
        }
    }

    public Task<AdminRightsCheck> CheckAdminRightsAsync(PlatformAccount account, string chat, CancellationToken cancellationToken = default) =>
        Task.FromResult(AdminRights(account, chat));

    private static DoneKind DefaultDone(ActionKind kind) => kind switch
    {
        ActionKind.Invite => DoneKind.Invited,
        ActionKind.AddContact => DoneKind.ContactAdded,
        _ => DoneKind.Messaged,
    };
}

/// <summary>One recorded platform call.</summary>
public sealed record FakeCall(string AccountId, ActionKind Kind, Recipient Recipient, string? Text, ActionOutcome Outcome, DateTimeOffset StartedAt);
