using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Azure.Storage.Queues;
using Herald.Host.Hosting.Durable;
using Herald.Testing;

namespace Herald.Host.Tests.Hosting.Durable;

/// <summary>
/// The task hub's queues hand every message a receive took back to its caller, even when the caller gave up while the
/// receive was under way (what the Durable Task Framework's listener does when its partition is released): such a
/// message used to stay invisible for the queue's whole visibility timeout, and its orchestration stood still as long.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TaskHubQueueClientTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Visibility = TimeSpan.FromMinutes(5);

    [Theory(Timeout = 30_000)]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Receive_CallerGivesUpAfterTheServiceDequeued_HandsTheMessageBack(bool batch)
    {
        using var giveUp = new CancellationTokenSource();
        var queue = new TaskHubQueueServiceClient(azurite.ConnectionString, WithPolicy(new GiveUpAfterDequeue(giveUp))).GetQueueClient(NewQueueName());
        await queue.CreateAsync();
        await queue.SendMessageAsync("TaskCompleted#0");

        var received = batch
            ? (await queue.ReceiveMessagesAsync(32, Visibility, giveUp.Token)).Value.Single().MessageText
            : (await queue.ReceiveMessageAsync(Visibility, giveUp.Token)).Value.MessageText;

        Assert.True(giveUp.IsCancellationRequested); // the caller did give up while the receive was under way
        Assert.Equal("TaskCompleted#0", received);
    }

    [Fact(Timeout = 30_000)]
    public async Task Receive_PlainQueueCallerGivesUpAfterTheServiceDequeued_LeavesTheMessageInvisible()
    {
        // What the type prevents: the same receive through the SDK's own client loses the message for the visibility timeout.
        using var giveUp = new CancellationTokenSource();
        var queue = new QueueServiceClient(azurite.ConnectionString, WithPolicy(new GiveUpAfterDequeue(giveUp))).GetQueueClient(NewQueueName());
        await queue.CreateAsync();
        await queue.SendMessageAsync("TaskCompleted#0");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.ReceiveMessagesAsync(32, Visibility, giveUp.Token));

        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Empty((await queue.PeekMessagesAsync(32)).Value);
    }

    [Fact] // no I/O (xUnit times out async tests only)
    public void GetQueueClient_WithACredential_AddressesTheQueueUnderTheService()
    {
        var service = new TaskHubQueueServiceClient(new Uri("https://account.queue.core.windows.net/"), new DefaultAzureCredential(), new QueueClientOptions());
        var emulated = new TaskHubQueueServiceClient(new Uri("https://127.0.0.1:10001/devstoreaccount1"), new DefaultAzureCredential(), new QueueClientOptions());

        Assert.IsType<TaskHubQueueClient>(service.GetQueueClient("hub-control-00"));
        Assert.Equal("https://account.queue.core.windows.net/hub-control-00", service.GetQueueClient("hub-control-00").Uri.AbsoluteUri);
        Assert.Equal("https://127.0.0.1:10001/devstoreaccount1/hub-control-00", emulated.GetQueueClient("hub-control-00").Uri.AbsoluteUri);
    }

    private static string NewQueueName() => $"taskhub-{Guid.NewGuid():N}"[..30];

    private static QueueClientOptions WithPolicy(HttpPipelinePolicy policy)
    {
        var options = new QueueClientOptions();
        options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        return options;
    }

    /// <summary>
    /// Lets a receive reach the service (which dequeues the messages and hides them), then gives up on it, as a released
    /// partition's listener does: its token is cancelled before the answer is read.
    /// </summary>
    private sealed class GiveUpAfterDequeue(CancellationTokenSource caller) : HttpPipelinePolicy
    {
        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            if (IsReceive(message.Request))
            {
                await caller.CancelAsync();
                message.CancellationToken.ThrowIfCancellationRequested();
            }
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The task hub's queues are used asynchronously.");

        private static bool IsReceive(Request request) =>
            request.Method == RequestMethod.Get
            && request.Uri.Path.EndsWith("/messages", StringComparison.Ordinal)
            && !request.Uri.Query.Contains("peekonly=true", StringComparison.OrdinalIgnoreCase);
    }
}
