using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Herald.Testing;
using Microsoft.DurableTask.Client;

namespace Herald.Host.Tests.Orchestrations;

/// <summary>
/// What a person needs to see when a campaign's orchestration did not end in time: the instance as the client sees it
/// (status, custom status), the campaign's own status answer, the orchestration's history rows, who holds the task hub's
/// partitions, and how many messages wait in its queues (visible or not). Read straight from the task hub's tables and
/// queues, the layout the Durable Functions Monitor reads.
/// </summary>
internal static class TaskHubDiagnostics
{
    /// <summary>Describes one instance of <paramref name="taskHub"/>; never throws (a failed read is written as such).</summary>
    public static async Task<string> DescribeAsync(AzuriteFixture azurite, string taskHub, string instanceId, DurableTaskClient durable, HttpClient api, string campaignId)
    {
        var text = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"--- {instanceId} at {DateTimeOffset.UtcNow:HH:mm:ss.fff}");
        await AppendAsync(text, "instance", async () =>
        {
            var instance = await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            return instance is null
                ? "none"
                : $"{instance.RuntimeStatus}, created {instance.CreatedAt:HH:mm:ss.fff}, updated {instance.LastUpdatedAt:HH:mm:ss.fff}, custom status {instance.SerializedCustomStatus}";
        });
        await AppendAsync(text, "campaign", async () => await (await api.GetAsync($"/api/campaigns/{campaignId}")).Content.ReadAsStringAsync());
        await AppendAsync(text, "partitions", async () =>
        {
            var rows = new List<string>();
            await foreach (var p in azurite.CreateTableServiceClient().GetTableClient($"{taskHub}Partitions").QueryAsync<TableEntity>())
            {
                rows.Add($"{p.RowKey}: owner {p.GetString("CurrentOwner") ?? "-"}, next {p.GetString("NextOwner") ?? "-"}, draining {p.GetBoolean("IsDraining")}, expires {p.GetDateTimeOffset("ExpiresAt"):HH:mm:ss.fff}");
            }

            return string.Join("; ", rows);
        });
        await AppendAsync(text, "queues", async () =>
        {
            var rows = new List<string>();
            await foreach (var q in azurite.CreateQueueServiceClient().GetQueuesAsync(prefix: taskHub.ToLowerInvariant()))
            {
                var client = azurite.CreateQueueServiceClient().GetQueueClient(q.Name);
                var count = (await client.GetPropertiesAsync()).Value.ApproximateMessagesCount;
                var visible = (await client.PeekMessagesAsync(32)).Value.Length;
                rows.Add($"{q.Name}: {count} ({visible} visible)");
            }

            return string.Join("; ", rows);
        });
        await AppendAsync(text, "history", async () =>
        {
            var rows = new StringBuilder();
            var table = azurite.CreateTableServiceClient().GetTableClient($"{taskHub}History");
            await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}")))
            {
                rows.AppendLine(CultureInfo.InvariantCulture,
                    $"  {e.RowKey} {e.GetString("EventType")} {e.GetString("Name")} id={e.GetInt32("EventId")} task={e.GetInt32("TaskScheduledId")} timer={e.GetInt32("TimerId")} at {e.GetDateTime("_Timestamp"):HH:mm:ss.fff} fireAt {e.GetDateTime("FireAt"):HH:mm:ss.fff}");
            }

            return Environment.NewLine + rows;
        });
        return text.ToString();
    }

    private static async Task AppendAsync(StringBuilder text, string what, Func<Task<string>> read)
    {
        try
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{what}: {await read()}");
        }
        catch (Exception e)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{what}: unreadable ({e.GetType().Name}: {e.Message})");
        }
    }
}
