using System.Net;
using Azure;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Herald.Development;

namespace Herald.Storage.Tests.Pipeline;

/// <summary>
/// The retry behaviour of the clients as Herald configures them (<see cref="StorageClientOptions"/>): transient
/// failures (503, 500, 408, a reset connection) are retried; answers such as 404, 409 and 412 — which Herald's
/// repositories treat as a normal path — reach the caller at once.
/// </summary>
public sealed class RetryTests
{
    /// <summary>Development account credentials on a port nothing listens on: the scripted handler answers instead.</summary>
    internal const string ConnectionString =
        "DefaultEndpointsProtocol=http;AccountName=" + DevelopmentStorage.AccountName + ";AccountKey=" + DevelopmentStorage.AccountKey
        + ";TableEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;";

    [Fact(Timeout = 60_000)]
    public async Task GetEntityAsync_503ThenSuccess_IsRetried()
    {
        var handler = new ScriptedHandler((_, n) => n < 3
            ? ScriptedHandler.Status(HttpStatusCode.ServiceUnavailable, """{"odata.error":{"code":"ServerBusy","message":{"value":"busy"}}}""")
            : ScriptedHandler.Status(HttpStatusCode.OK, """{"PartitionKey":"p","RowKey":"r","odata.etag":"W/\"1\""}"""));
        var table = Table(handler);

        var entity = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        Assert.Equal(3, handler.Count);
        Assert.Equal("r", entity.RowKey);
        Assert.Equal(new ETag("W/\"1\""), entity.ETag);
    }

    [Fact(Timeout = 60_000)]
    public async Task GetEntityAsync_Persistent500_GivesUpAfterThreeRetriesWithStatus()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Status(HttpStatusCode.InternalServerError, """{"odata.error":{"code":"InternalError","message":{"value":"boom"}}}"""));

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => Table(handler).GetEntityAsync<TableEntity>("p", "r"));

        Assert.Equal(4, handler.Count);
        Assert.Equal(500, ex.Status);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(HttpStatusCode.NotFound, "ResourceNotFound")]
    [InlineData(HttpStatusCode.Conflict, "EntityAlreadyExists")]
    [InlineData(HttpStatusCode.PreconditionFailed, "UpdateConditionNotSatisfied")]
    [InlineData(HttpStatusCode.BadRequest, "InvalidInput")]
    public async Task AddEntityAsync_4xx_IsNotRetried(HttpStatusCode status, string code)
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Status(status, "{\"odata.error\":{\"code\":\"" + code + "\",\"message\":{\"value\":\"no\"}}}"));

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => Table(handler).AddEntityAsync(new TableEntity("p", "r")));

        Assert.Equal(1, handler.Count);
        Assert.Equal((int)status, ex.Status);
        Assert.Equal(code, ex.ErrorCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task GetPropertiesAsync_408AndConnectionReset_AreRetried()
    {
        var handler = new ScriptedHandler((_, n) => n switch
        {
            1 => ScriptedHandler.Status(HttpStatusCode.RequestTimeout),
            2 => throw new HttpRequestException("reset", new IOException("Connection reset by peer")),
            _ => WithCount(ScriptedHandler.Status(HttpStatusCode.OK), 7),
        });
        var queue = new QueueServiceClient(ConnectionString, StorageClientOptions.Queues(transport: Transport(handler))).GetQueueClient("q");

        var properties = (await queue.GetPropertiesAsync()).Value;

        Assert.Equal(3, handler.Count);
        Assert.Equal(7, properties.ApproximateMessagesCount);
    }

    private static TableClient Table(ScriptedHandler handler) =>
        new TableServiceClient(ConnectionString, StorageClientOptions.Tables(Transport(handler))).GetTableClient("t");

    private static HttpClientTransport Transport(ScriptedHandler handler) => new(new HttpClient(handler));

    private static HttpResponseMessage WithCount(HttpResponseMessage response, int count)
    {
        response.Headers.Add("x-ms-approximate-messages-count", count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    }
}
