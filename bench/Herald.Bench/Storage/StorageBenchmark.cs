using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Herald.Storage;

namespace Herald.Bench.Storage;

/// <summary>
/// Storage throughput against Azurite (its own, unless <c>--connection-string</c> is given): concurrent single
/// table inserts, concurrent point reads, 100-entity transactions, and queue round trips (send, receive,
/// delete). Options: <c>--seconds</c> per phase (default 6), <c>--concurrency</c> (default 32),
/// <c>--batch-concurrency</c> (default 4).
/// </summary>
internal sealed class StorageBenchmark : IBenchmark
{
    public string Name => "storage";

    public string Description => "table inserts/reads/batches and queue round trips per second against Azurite";

    public async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var seconds = TimeSpan.FromSeconds(args.Double("seconds", 6));
        var concurrency = args.Int("concurrency", 32);
        var batchConcurrency = args.Int("batch-concurrency", 4);

        await using var storage = await BenchStorage.OpenAsync(args, cancellationToken);
        var connectionString = storage.ConnectionString;
        var tables = new TableServiceClient(connectionString, StorageClientOptions.Tables());
        var table = tables.GetTableClient("bench" + Guid.NewGuid().ToString("N")[..12]);
        await table.CreateIfNotExistsAsync(cancellationToken);
        var queue = new QueueServiceClient(connectionString, StorageClientOptions.Queues()).GetQueueClient("bench-" + Guid.NewGuid().ToString("N")[..12]);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

        var written = new List<(string Pk, string Rk)>();
        var insertCounter = 0;
        var inserts = await MeasureAsync("table inserts", concurrency, seconds, async (worker, ct) =>
        {
            var n = Interlocked.Increment(ref insertCounter);
            var key = (Pk: $"p{n % 64:D2}", Rk: $"w{worker:D3}-{n:D8}");
            await table.AddEntityAsync(new TableEntity(key.Pk, key.Rk) { ["Status"] = "queued", ["Attempts"] = 0, ["At"] = DateTimeOffset.UnixEpoch }, ct);
            lock (written)
            {
                written.Add(key);
            }

            return 1;
        }, cancellationToken);

        var keys = written.ToArray();
        var reads = await MeasureAsync("point reads", concurrency, seconds, async (worker, ct) =>
        {
            var key = keys[Random.Shared.Next(keys.Length)];
            await table.GetEntityAsync<TableEntity>(key.Pk, key.Rk, cancellationToken: ct);
            return 1;
        }, cancellationToken);

        var batchCounter = 0;
        var batches = await MeasureAsync("batch entities", batchConcurrency, seconds, async (worker, ct) =>
        {
            var n = Interlocked.Increment(ref batchCounter);
            await table.SubmitTransactionAsync(
                Enumerable.Range(0, StorageLimits.MaxTransactionActions).Select(i =>
                    new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity($"batch{n:D6}", $"r{i:D3}") { ["Status"] = "sent", ["N"] = i })),
                ct);
            return StorageLimits.MaxTransactionActions;
        }, cancellationToken);

        var roundTrips = await MeasureAsync("queue round trips", concurrency, seconds, async (worker, ct) =>
        {
            await queue.SendMessageAsync($"{{\"worker\":{worker}}}", cancellationToken: ct);
            while (true)
            {
                var received = (await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30), ct)).Value;
                if (received.Length > 0)
                {
                    await queue.DeleteMessageAsync(received[0].MessageId, received[0].PopReceipt, ct);
                    return 1;
                }
            }
        }, cancellationToken);

        await table.DeleteAsync(cancellationToken);
        await queue.DeleteIfExistsAsync(cancellationToken);

        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, double>
        {
            ["table_inserts_per_s"] = Math.Round(inserts, 1),
            ["point_reads_per_s"] = Math.Round(reads, 1),
            ["batch_entities_per_s"] = Math.Round(batches, 1),
            ["queue_roundtrips_per_s"] = Math.Round(roundTrips, 1),
        }));
        return 0;
    }

    /// <summary>Runs <paramref name="workers"/> loops of <paramref name="operation"/> for <paramref name="duration"/>; returns units per second.</summary>
    private static async Task<double> MeasureAsync(string name, int workers, TimeSpan duration, Func<int, CancellationToken, Task<int>> operation, CancellationToken cancellationToken)
    {
        // A short warm-up so connection set-up and JIT are not timed.
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => operation(w, cancellationToken)));

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        long units = 0;
        var clock = Stopwatch.StartNew();
        var progress = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                Console.WriteLine($"  {name}: {Interlocked.Read(ref units) / clock.Elapsed.TotalSeconds:F0}/s after {clock.Elapsed.TotalSeconds:F0} s");
            }
        }, CancellationToken.None);

        stop.CancelAfter(duration);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    Interlocked.Add(ref units, await operation(w, stop.Token));
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
            }
        }));

        var elapsed = clock.Elapsed.TotalSeconds;
        await progress;
        var rate = units / elapsed;
        Console.WriteLine($"{name}: {units} in {elapsed.ToString("F1", CultureInfo.InvariantCulture)} s = {rate.ToString("F0", CultureInfo.InvariantCulture)}/s ({workers} concurrent)");
        return rate;
    }
}
