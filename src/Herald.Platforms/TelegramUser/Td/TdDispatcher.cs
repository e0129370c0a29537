using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Herald.Platforms.TelegramUser.Td;

/// <summary>
/// Matches TDLib's answers to requests by <c>@extra</c> and queues everything else as updates. Fed by
/// one receive loop (the only reader), read by any number of senders.
/// </summary>
internal sealed class TdDispatcher
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly Channel<JsonObject> _updates = Channel.CreateUnbounded<JsonObject>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = true });
    private long _next;
    private volatile bool _closed;

    public ChannelReader<JsonObject> Updates => _updates.Reader;

    /// <summary>Gives <paramref name="request"/> a fresh <c>@extra</c> and returns it with the task its answer completes.</summary>
    public (string Json, Task<JsonObject> Answer) Register(JsonObject request, CancellationToken cancellationToken)
    {
        if (_closed)
        {
            throw new TdClientClosedException("The TDLib client is closed.");
        }

        var extra = "h" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
        var copy = (JsonObject)request.DeepClone();
        copy["@extra"] = extra;
        var answer = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[extra] = answer;
        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() =>
            {
                if (_pending.TryRemove(extra, out var tcs))
                {
                    tcs.TrySetCanceled(cancellationToken);
                }
            });

            // A long-lived token would otherwise keep one registration per request.
            answer.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return (copy.ToJsonString(), answer.Task);
    }

    /// <summary>Forgets a request that could not be sent.</summary>
    public void Abandon(JsonObject sent) => _pending.TryRemove(sent["@extra"]?.GetValue<string>() ?? "", out _);

    /// <summary>Routes one object TDLib sent.</summary>
    public void Dispatch(JsonObject received)
    {
        if (received["@extra"] is JsonValue extra && extra.TryGetValue<string>(out var key) && _pending.TryRemove(key, out var answer))
        {
            received.Remove("@extra");
            answer.TrySetResult(received);
            return;
        }

        _updates.Writer.TryWrite(received);
    }

    /// <summary>The client is closed: pending requests fail, the update stream ends.</summary>
    public void Close(Exception? cause = null)
    {
        _closed = true;
        foreach (var key in _pending.Keys)
        {
            if (_pending.TryRemove(key, out var answer))
            {
                answer.TrySetException(new TdClientClosedException("The TDLib client closed before it answered.", cause));
            }
        }

        _updates.Writer.TryComplete();
    }
}
