using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Herald.Engine.Actors;
using Herald.Engine.Ticks;
using Herald.Storage;
using Microsoft.Extensions.Logging;

namespace Herald.Engine.Workers;

/// <summary>
/// Receives messages from one queue and hands each to a handler, at most
/// <see cref="EngineOptions.WorkerConcurrency"/> at once. While a handler runs, the message's
/// visibility is extended so no other worker receives it. A handler that throws leaves the message
/// to reappear; after <see cref="EngineOptions.MaxDequeueCount"/> deliveries it is parked in the
/// poison queue. Polling backs off while the queue is empty, unless <paramref name="signal"/> says a message due now
/// was just put on it by this process.
/// </summary>
internal sealed class QueuePump(
    QueueClient queue,
    QueueClient poison,
    Func<QueueMessage, CancellationToken, Task<TickResult>> handler,
    EngineOptions options,
    TimeProvider time,
    ILogger logger,
    TickSignal? signal = null)
{
    private static readonly TimeSpan MinPoll = TimeSpan.FromMilliseconds(20);

    /// <summary>Runs until <paramref name="stoppingToken"/> is cancelled, then lets running handlers finish.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(options.WorkerConcurrency);
        var running = new HashSet<Task>();
        var poll = MinPoll;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await slots.WaitAsync(stoppingToken);
                var taken = 1;
                while (taken < StorageLimits.MaxMessagesPerReceive && slots.Wait(0))
                {
                    taken++;
                }

                var nudged = signal?.Next;
                QueueMessage[] messages;
                try
                {
                    messages = (await queue.ReceiveMessagesAsync(taken, options.MessageVisibility, stoppingToken)).Value;
                }
                catch
                {
                    slots.Release(taken);
                    throw;
                }

                if (taken > messages.Length)
                {
                    slots.Release(taken - messages.Length);
                }

                if (messages.Length == 0)
                {
                    if (await SleepAsync(poll, nudged, stoppingToken))
                    {
                        poll = MinPoll;
                        continue;
                    }

                    poll = poll * 2 > options.MaxPollInterval ? options.MaxPollInterval : poll * 2;
                    continue;
                }

                poll = MinPoll;
                foreach (var message in messages)
                {
                    var task = ProcessAsync(message, stoppingToken);
                    lock (running)
                    {
                        running.Add(task);
                    }

                    _ = task.ContinueWith(t =>
                    {
                        slots.Release();
                        lock (running)
                        {
                            running.Remove(t);
                        }
                    }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                Log.WorkerLoopFailed(logger, e, queue.Name);
                await Task.Delay(TimeSpan.FromSeconds(1), time, CancellationToken.None);
            }
        }

        Task[] left;
        lock (running)
        {
            left = [.. running];
        }

        await Task.WhenAll(left);
    }

    /// <summary>Sleeps for <paramref name="poll"/>, or until <paramref name="nudged"/> completes (then true).</summary>
    private async Task<bool> SleepAsync(TimeSpan poll, Task? nudged, CancellationToken stoppingToken)
    {
        if (nudged is null)
        {
            await Task.Delay(poll, time, stoppingToken);
            return false;
        }

        using var sleeping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var delay = Task.Delay(poll, time, sleeping.Token);
        var first = await Task.WhenAny(delay, nudged);
        await sleeping.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
        return first == nudged;
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        await Task.Yield();
        var receipt = new MessageReceipt(message.MessageId, message.PopReceipt);
        using var extender = new CancellationTokenSource();
        var extending = ExtendAsync(receipt, extender.Token);

        // A tick in flight is let finish after a stop is asked (its lease bounds it); only a
        // worker killed outright leaves it to recovery.
        try
        {
            var result = await handler(message, CancellationToken.None);
            await extender.CancelAsync();
            await extending;
            if (result.Kind == TickResultKind.Delete)
            {
                await DeleteAsync(receipt);
            }
            else
            {
                await queue.UpdateMessageAsync(receipt.Id, receipt.PopReceipt, (BinaryData?)null, Clamp(result.RetryIn), CancellationToken.None);
            }
        }
        catch (Exception e)
        {
            await extender.CancelAsync();
            await extending;
            Log.MessageFailed(logger, e, queue.Name, message.MessageId);
            if (message.DequeueCount >= options.MaxDequeueCount)
            {
                await ParkAsync(message, receipt);
            }
        }
    }

    private async Task ExtendAsync(MessageReceipt receipt, CancellationToken cancellationToken)
    {
        var visibleFor = options.MessageVisibility;
        try
        {
            while (true)
            {
                var (delay, visibility) = HeartbeatSchedule.NextExtension(options.MessageVisibility, options.LeaseDuration, visibleFor);
                await Task.Delay(delay, time, cancellationToken);
                var update = await queue.UpdateMessageAsync(receipt.Id, receipt.PopReceipt, (BinaryData?)null, visibility, cancellationToken);
                receipt.PopReceipt = update.Value.PopReceipt;
                visibleFor = visibility;
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (RequestFailedException)
        {
            // The message is gone or was received again elsewhere: the lease in the row still guards the account.
        }
    }

    private async Task DeleteAsync(MessageReceipt receipt)
    {
        try
        {
            await queue.DeleteMessageAsync(receipt.Id, receipt.PopReceipt, CancellationToken.None);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 400)
        {
            // Already deleted, or received again by another worker after a long pause: that worker will find it stale.
        }
    }

    private async Task ParkAsync(QueueMessage message, MessageReceipt receipt)
    {
        Log.Poisoned(logger, message.MessageId, queue.Name, message.DequeueCount);
        await poison.SendMessageAsync(message.MessageText, null, TimeSpan.FromSeconds(-1), CancellationToken.None);
        await DeleteAsync(receipt);
    }

    private static TimeSpan Clamp(TimeSpan delay) =>
        delay < TimeSpan.Zero ? TimeSpan.Zero : delay > StorageLimits.MaxVisibilityTimeout ? StorageLimits.MaxVisibilityTimeout : delay;

    private sealed class MessageReceipt(string id, string popReceipt)
    {
        public string Id { get; } = id;

        public string PopReceipt { get; set; } = popReceipt;
    }
}
