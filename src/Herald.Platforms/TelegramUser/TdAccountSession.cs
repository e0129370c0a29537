using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Herald.Platforms.TelegramUser.Td;

namespace Herald.Platforms.TelegramUser;

/// <summary>
/// One account's TDLib client with its update pump: follows the authorization state, and pairs each sent message's
/// temporary id with its <c>updateMessageSendSucceeded</c> / <c>updateMessageSendFailed</c> (whichever order they come in).
/// </summary>
internal sealed class TdAccountSession : IAsyncDisposable
{
    private readonly ITdClient _client;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonObject>> _sends = new();
    private readonly Lock _gate = new();
    private readonly Task _pump;
    private TaskCompletionSource _stateChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string _state = "";

    public TdAccountSession(ITdClient client, TimeSpan requestTimeout)
    {
        _client = client;
        RequestTimeout = requestTimeout;
        _pump = Task.Run(PumpAsync);
    }

    public TimeSpan RequestTimeout { get; }

    /// <summary>The latest <c>authorizationState…</c> type (empty before the first).</summary>
    public string AuthorizationState
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Sends a request and returns its answer; a timeout or a closed client answers a TDLib-shaped error.</summary>
    public async Task<JsonObject> SendAsync(JsonObject request, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        try
        {
            return await _client.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return TdJson.Error(504, "TIMEOUT");
        }
        catch (TdClientClosedException)
        {
            return TdJson.Error(503, "CLIENT_CLOSED");
        }
    }

    /// <summary>Waits until the authorization state is not <paramref name="past"/> (or the timeout) and returns it.</summary>
    public async Task<string> WaitStateChangeAsync(string past, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_state != past)
                {
                    return _state;
                }

                changed = _stateChanged.Task;
            }

            try
            {
                await changed.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return AuthorizationState;
            }
        }
    }

    /// <summary>
    /// The outcome update of the message sent as <paramref name="temporaryId"/> (<c>updateMessageSendSucceeded</c> or
    /// <c>…Failed</c>), or null when none came within <paramref name="wait"/>.
    /// </summary>
    public async Task<JsonObject?> WaitSentAsync(long temporaryId, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        var result = _sends.GetOrAdd(temporaryId, _ => new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            return await result.Task.WaitAsync(wait, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            _sends.TryRemove(temporaryId, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await _pump;
    }

    private async Task PumpAsync()
    {
        await foreach (var update in _client.Updates.ReadAllAsync())
        {
            switch (TdJson.TypeOf(update))
            {
                case "updateAuthorizationState":
                    SetState(TdJson.TypeOf(update["authorization_state"]));
                    break;
                case "updateMessageSendSucceeded" or "updateMessageSendFailed" when TdJson.Long(update["old_message_id"]) is { } old:
                    _sends.GetOrAdd(old, _ => new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(update);
                    break;
            }
        }

        SetState("authorizationStateClosed");
    }

    private void SetState(string state)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _state = state;
            changed = _stateChanged;
            _stateChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }
}
