using System.Net;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Herald.Storage.Queues;
using Herald.Storage.Tables;

namespace Herald.Storage.Tests.Pipeline;

public sealed class RetryPolicyTests
{
    private static readonly Uri Endpoint = new("http://127.0.0.1:9/devstoreaccount1");
    private static readonly StorageSharedKeyCredential Key = new(StorageConnectionString.DevelopmentAccountName, StorageConnectionString.DevelopmentAccountKey);

    [Fact(Timeout = 30_000)]
    public async Task GetEntityAsync_503ThenSuccess_IsRetried()
    {
        var handler = new ScriptedHandler((_, n) => n < 3
            ? ScriptedHandler.Status(HttpStatusCode.ServiceUnavailable, """{"odata.error":{"code":"ServerBusy","message":{"value":"busy"}}}""")
            : ScriptedHandler.Status(HttpStatusCode.OK, """{"PartitionKey":"p","RowKey":"r","odata.etag":"W/\"1\""}"""));
        var table = new TableClient(Endpoint, "t", Key, TableOptions(handler));

        var entity = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        Assert.Equal(3, handler.Count);
        Assert.Equal("r", entity.RowKey);
        Assert.Equal(new ETag("W/\"1\""), entity.ETag);
    }

    [Fact(Timeout = 30_000)]
    public async Task GetEntityAsync_Persistent500_GivesUpAfterMaxRetriesWithStatus()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Status(HttpStatusCode.InternalServerError, """{"odata.error":{"code":"InternalError","message":{"value":"boom"}}}"""));
        var table = new TableClient(Endpoint, "t", Key, TableOptions(handler));

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync<TableEntity>("p", "r"));

        Assert.Equal(4, handler.Count);
        Assert.Equal(500, ex.Status);
        Assert.Equal("InternalError", ex.ErrorCode);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(HttpStatusCode.NotFound, "ResourceNotFound")]
    [InlineData(HttpStatusCode.Conflict, "EntityAlreadyExists")]
    [InlineData(HttpStatusCode.PreconditionFailed, "UpdateConditionNotSatisfied")]
    [InlineData(HttpStatusCode.BadRequest, "InvalidInput")]
    public async Task AddEntityAsync_4xx_IsNotRetried(HttpStatusCode status, string code)
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Status(status, "{\"odata.error\":{\"code\":\"" + code + "\",\"message\":{\"value\":\"no\"}}}"));
        var table = new TableClient(Endpoint, "t", Key, TableOptions(handler));

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r")));

        Assert.Equal(1, handler.Count);
        Assert.Equal((int)status, ex.Status);
        Assert.Equal(code, ex.ErrorCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task GetPropertiesAsync_408AndConnectionReset_AreRetried()
    {
        var handler = new ScriptedHandler((_, n) => n switch
        {
            1 => ScriptedHandler.Status(HttpStatusCode.RequestTimeout),
            2 => throw new HttpRequestException("reset", new IOException("Connection reset by peer")),
            _ => WithCount(ScriptedHandler.Status(HttpStatusCode.OK), 7),
        });
        var queue = new QueueClient(new Uri(Endpoint + "/q"), Key, QueueOptions(handler));

        var properties = (await queue.GetPropertiesAsync()).Value;

        Assert.Equal(3, handler.Count);
        Assert.Equal(7, properties.ApproximateMessagesCount);
    }

    [Fact(Timeout = 30_000)]
    public async Task DeleteMessageAsync_QueueXmlError_ParsesCodeAndRequestId()
    {
        const string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>PopReceiptMismatch</Code><Message>The specified pop receipt did not match.</Message></Error>";
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Status(HttpStatusCode.BadRequest, xml, "application/xml"));
        var queue = new QueueClient(new Uri(Endpoint + "/q"), Key, QueueOptions(handler));

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => queue.DeleteMessageAsync("id", "receipt"));

        Assert.Equal(1, handler.Count);
        Assert.Equal(400, ex.Status);
        Assert.Equal("PopReceiptMismatch", ex.ErrorCode);
        Assert.Contains("pop receipt did not match", ex.Message, StringComparison.Ordinal);
        Assert.Contains((string)ex.Data["x-ms-request-id"]!, ex.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task QueryAsync_ContinuationWithoutNextRowKey_SendsOnlyNextPartitionKey()
    {
        var handler = new ScriptedHandler((_, n) =>
        {
            var response = ScriptedHandler.Status(HttpStatusCode.OK, $$"""{"value":[{"PartitionKey":"p{{n}}","RowKey":"r"}]}""");
            if (n == 1)
            {
                response.Headers.Add("x-ms-continuation-NextPartitionKey", "1!8!cDI-");
            }
            else if (n == 2)
            {
                response.Headers.Add("x-ms-continuation-NextPartitionKey", "1!8!cDM-");
                response.Headers.Add("x-ms-continuation-NextRowKey", "1!4!cg--");
            }

            return response;
        });
        var table = new TableClient(Endpoint, "t", Key, TableOptions(handler));

        var rows = await table.QueryAsync<TableEntity>(maxPerPage: 1).ToListAsync();

        var queries = handler.Requests.Select(r => r.Request.RequestUri!.Query).ToList();
        Assert.Equal(["p1", "p2", "p3"], rows.Select(r => r.PartitionKey));
        Assert.DoesNotContain("Next", queries[0], StringComparison.Ordinal);
        Assert.Contains("NextPartitionKey=1%218%21cDI-", queries[1], StringComparison.Ordinal);
        Assert.DoesNotContain("NextRowKey", queries[1], StringComparison.Ordinal);
        Assert.Contains("NextPartitionKey=1%218%21cDM-", queries[2], StringComparison.Ordinal);
        Assert.Contains("NextRowKey=1%214%21cg--", queries[2], StringComparison.Ordinal);
    }

    internal static TableClientOptions TableOptions(ScriptedHandler handler)
    {
        var options = new TableClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) };
        FastRetries(options);
        return options;
    }

    internal static QueueClientOptions QueueOptions(ScriptedHandler handler)
    {
        var options = new QueueClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) };
        FastRetries(options);
        return options;
    }

    private static void FastRetries(ClientOptions options)
    {
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
    }

    private static HttpResponseMessage WithCount(HttpResponseMessage response, int count)
    {
        response.Headers.Add("x-ms-approximate-messages-count", count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    }
}
