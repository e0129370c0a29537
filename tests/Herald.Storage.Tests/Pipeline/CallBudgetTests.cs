using System.Net;
using Azure;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Herald.Storage.Tests.Pipeline;

/// <summary>
/// <see cref="StorageCallBudget"/> on the clients as Herald configures them: inside a scope a call is tried once and waits
/// at most the budget (so a request hears of an outage at once); outside it the usual retries apply.
/// </summary>
public sealed class CallBudgetTests
{
    private const string ConnectionString = RetryTests.ConnectionString;

    private static readonly Func<HttpRequestMessage, int, HttpResponseMessage> Busy = (_, _) =>
        ScriptedHandler.Status(HttpStatusCode.ServiceUnavailable, """{"odata.error":{"code":"ServerBusy","message":{"value":"busy"}}}""");

    [Fact(Timeout = 30_000)]
    public async Task GetEntityAsync_InsideBudget503_IsNotRetried()
    {
        var handler = new ScriptedHandler(Busy);

        RequestFailedException error;
        using (StorageCallBudget.Begin(TimeSpan.FromSeconds(1)))
        {
            error = await Assert.ThrowsAsync<RequestFailedException>(() => Table(handler).GetEntityAsync<TableEntity>("p", "r"));
        }

        Assert.Equal(1, handler.Count);
        Assert.Equal(503, error.Status);
    }

    [Fact(Timeout = 30_000)]
    public async Task GetPropertiesAsync_InsideBudgetServiceHangs_FailsAfterTheBudgetWithOneTry()
    {
        var handler = new HangingHandler();
        var queue = new QueueServiceClient(ConnectionString, StorageClientOptions.Queues(transport: new HttpClientTransport(new HttpClient(handler)))).GetQueueClient("q");

        using (StorageCallBudget.Begin(TimeSpan.FromMilliseconds(300)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.GetPropertiesAsync());
        }

        Assert.Equal(1, handler.Count);
    }

    [Fact(Timeout = 60_000)]
    public async Task GetEntityAsync_AfterTheScopeEnds_IsRetriedAgain()
    {
        var handler = new ScriptedHandler((request, n) => n < 3
            ? Busy(request, n)
            : ScriptedHandler.Status(HttpStatusCode.OK, """{"PartitionKey":"p","RowKey":"r","odata.etag":"W/\"1\""}"""));
        StorageCallBudget.Begin(TimeSpan.FromSeconds(1)).Dispose();

        var entity = (await Table(handler).GetEntityAsync<TableEntity>("p", "r")).Value;

        Assert.Null(StorageCallBudget.Current);
        Assert.Equal(3, handler.Count);
        Assert.Equal("r", entity.RowKey);
    }

    [Fact]
    public void Begin_NestedLongerBudget_KeepsTheShorterOne()
    {
        using (StorageCallBudget.Begin(TimeSpan.FromSeconds(1)))
        {
            using (StorageCallBudget.Begin(TimeSpan.FromSeconds(5)))
            {
                Assert.Equal(TimeSpan.FromSeconds(1), StorageCallBudget.Current);
            }

            Assert.Equal(TimeSpan.FromSeconds(1), StorageCallBudget.Current);
        }

        Assert.Null(StorageCallBudget.Current);
    }

    private static TableClient Table(ScriptedHandler handler) =>
        new TableServiceClient(ConnectionString, StorageClientOptions.Tables(new HttpClientTransport(new HttpClient(handler)))).GetTableClient("t");

    private sealed class HangingHandler : HttpMessageHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("Unreachable.");
        }
    }
}
