using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Microsoft.Extensions.Logging;

namespace Herald.Engine.Actors;

/// <summary>
/// Keeps a tick's short account lease alive while the tick works: half a <see cref="EngineOptions.LeaseDuration"/> after
/// it was taken or last renewed (<see cref="HeartbeatSchedule.RenewalDelay"/>; soon again after a failed try) it moves
/// <c>LeaseUntil</c> on (a merge of that one property, conditional on the row's ETag). <see cref="Held"/> turns
/// false when the lease is lost (another attempt took the account, or it was removed) or when no renewal has
/// succeeded for 80% of the lease (storage slow or unreachable): the tick then starts no further action, well before
/// any other attempt may take the account. So a dead worker's account is taken over within one short lease, and a
/// live one is never overtaken.
/// </summary>
internal sealed class LeaseHeartbeat : IAsyncDisposable
{
    private readonly AccountStore _accounts;
    private readonly AccountRecord _row;
    private readonly string _attempt;
    private readonly EngineOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _bound;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private Azure.ETag _etag;
    private bool _foreignChange;
    private DateTimeOffset _renewedAt;
    private bool _lastTryFailed;

    public LeaseHeartbeat(AccountStore accounts, AccountRecord row, string attempt, EngineOptions options, TimeProvider time, ILogger logger)
    {
        _accounts = accounts;
        _row = row;
        _attempt = attempt;
        _options = options;
        _time = time;
        _logger = logger;
        _etag = row.ETag;
        _renewedAt = time.GetUtcNow();
        _bound = new CancellationTokenSource(Safe(_renewedAt), time);
        _loop = RunAsync();
    }

    /// <summary>True while the lease is surely this attempt's: false once it was lost or may soon run out.</summary>
    public bool Held => !_bound.IsCancellationRequested;

    /// <summary>
    /// Stops renewing. When nobody else wrote the row meanwhile, the row takes the renewals' ETag, so the tick's final
    /// write needs no re-read; otherwise it keeps the ETag it read and re-reads on its conflict (control fields win).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        if (!_foreignChange)
        {
            _row.ETag = _etag;
        }

        _bound.Dispose();
        _stop.Dispose();
    }

    private TimeSpan Safe(DateTimeOffset sentAt)
    {
        var left = sentAt + (_options.LeaseDuration * 0.8) - _time.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private async Task RunAsync()
    {
        try
        {
            while (!_bound.IsCancellationRequested)
            {
                var delay = HeartbeatSchedule.RenewalDelay(_options.LeaseDuration, _renewedAt, _time.GetUtcNow(), _lastTryFailed);
                await Task.Delay(delay, _time, _stop.Token);
                await RenewAsync();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RenewAsync()
    {
        _lastTryFailed = true;
        for (var tries = 0; tries < 3; tries++)
        {
            var sentAt = _time.GetUtcNow();
            var until = sentAt + _options.LeaseDuration;
            LeaseRenewal renewal;
            try
            {
                renewal = await _accounts.TryRenewLeaseAsync(_row.TenantId, _row.AccountId, _etag, until, _stop.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage is unreachable: the bound stops the tick if this goes on for most of the lease.
                Log.LeaseRenewalFailed(_logger, e.GetType().Name, _row.TenantId, _row.AccountId, _attempt);
                return;
            }

            if (renewal.ETag is { } etag)
            {
                _etag = etag;
                _renewedAt = sentAt;
                _lastTryFailed = false;
                _bound.CancelAfter(Safe(sentAt));
                Log.LeaseRenewed(_logger, _row.TenantId, _row.AccountId, _attempt, until);
                return;
            }

            // Someone wrote the row (a control field, the sweeper): renew on what is there, if the lease is still ours.
            AccountRecord? fresh;
            try
            {
                fresh = await _accounts.GetAsync(_row.TenantId, _row.AccountId, _stop.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.LeaseRenewalFailed(_logger, e.GetType().Name, _row.TenantId, _row.AccountId, _attempt);
                return;
            }

            if (fresh is null || fresh.LeaseId != _attempt)
            {
                Log.LeaseLost(_logger, _row.TenantId, _row.AccountId, _attempt);
                await _bound.CancelAsync();
                return;
            }

            _foreignChange = true;
            _etag = fresh.ETag;
        }
    }
}
