using System.Net;
using Azure;
using Azure.Core;
using Herald.Storage.Queues;
using Herald.Storage.Tables;
using Herald.Testing;

namespace Herald.Storage.Tests.Pipeline;

[Collection(AzuriteCollection.Name)]
public sealed class AuthenticationTests(AzuriteFixture azurite)
{
    private static readonly string[] AuthCodes = ["AuthenticationFailed", "AuthorizationFailure"];

    [Fact(Timeout = 30_000)]
    public async Task TableClient_TokenCredential_SendsBearerTokenForStorageScope()
    {
        var credential = new FakeTokenCredential();
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Status(HttpStatusCode.NoContent));
        var table = new TableClient(new Uri("https://acct.table.core.windows.net"), "t", credential, RetryPolicyTests.TableOptions(handler));

        await table.AddEntityAsync(new TableEntity("p", "r"));

        var (request, _) = Assert.Single(handler.Requests);
        Assert.Equal("Bearer token-1", request.Headers.Authorization?.ToString());
        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes);
        Assert.Equal("https://acct.table.core.windows.net/t", request.RequestUri!.GetLeftPart(UriPartial.Path));
    }

    [Fact(Timeout = 30_000)]
    public async Task QueueClient_TokenCredential_SendsBearerToken()
    {
        var credential = new FakeTokenCredential();
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Status(HttpStatusCode.Created));
        var queue = new QueueClient(new Uri("https://acct.queue.core.windows.net/jobs"), credential, RetryPolicyTests.QueueOptions(handler));

        await queue.CreateIfNotExistsAsync();

        var (request, _) = Assert.Single(handler.Requests);
        Assert.Equal("Bearer token-1", request.Headers.Authorization?.ToString());
        Assert.Equal("jobs", queue.Name);
        Assert.Equal("https://acct.queue.core.windows.net/jobs", request.RequestUri!.GetLeftPart(UriPartial.Path));
    }

    [Fact(Timeout = 60_000)]
    public async Task SharedKey_WrongKey_IsRejectedBy403AndRightKeyWorks()
    {
        var good = StorageConnectionString.Parse(azurite.ConnectionString);
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var table = new TableClient(good.TableEndpoint, StorageNames.UniqueTableName(), new StorageSharedKeyCredential(good.AccountName, wrongKey));
        var queue = new QueueClient(new Uri(good.QueueEndpoint + "/" + StorageNames.UniqueQueueName()), new StorageSharedKeyCredential(good.AccountName, wrongKey));

        var tableError = await Assert.ThrowsAsync<RequestFailedException>(() => table.CreateIfNotExistsAsync());
        var queueError = await Assert.ThrowsAsync<RequestFailedException>(() => queue.CreateIfNotExistsAsync());

        Assert.Equal(403, tableError.Status);
        Assert.Equal(403, queueError.Status);
        // Azurite answers AuthenticationFailed for queues and AuthorizationFailure for tables.
        Assert.Contains(queueError.ErrorCode, AuthCodes);
        Assert.Contains(tableError.ErrorCode, AuthCodes);
        Assert.Equal(204, (await new TableClient(good.TableEndpoint, table.Name, good.GetSharedKeyCredential()).CreateIfNotExistsAsync()).GetRawResponse().Status);
    }

    private sealed class FakeTokenCredential : TokenCredential
    {
        private int _issued;

        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken($"token-{Interlocked.Increment(ref _issued)}", DateTimeOffset.MaxValue);
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
