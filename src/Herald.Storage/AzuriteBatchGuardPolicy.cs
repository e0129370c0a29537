using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Herald.Storage;

/// <summary>
/// Azurite reads a batch operation's PartitionKey from its URL with a greedy pattern up to the last <c>',</c>, so a
/// RowKey holding <c>',</c> sends the row to a garbage partition (merges answer 404, upserts write the wrong row). The
/// real service parses it correctly, and the SDK sends the same URL to both; so against an emulator (a path-style
/// endpoint such as <c>http://127.0.0.1:P/devstoreaccount1</c>) such a transaction is refused before it is sent.
/// Single-entity operations are not affected.
/// </summary>
internal sealed class AzuriteBatchGuardPolicy : HttpPipelineSynchronousPolicy
{
    /// <summary>The doubled quote and comma that an escaped <c>',</c> becomes inside a key literal, raw or percent-encoded.</summary>
    private static readonly string[] Hazards = ["'',", "%27%27%2C", "%27%27,", "''%2C"];

    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        if (request.Content is null
            || !request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal)
            || request.Uri.Path.Trim('/').Split('/').Length < 2)
        {
            return;
        }

        using var body = new MemoryStream();
        request.Content.WriteTo(body, message.CancellationToken);
        foreach (var line in Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length).Split('\n'))
        {
            var rowKey = line.IndexOf("RowKey=", StringComparison.Ordinal);
            if (rowKey >= 0 && Hazards.Any(h => line.IndexOf(h, rowKey, StringComparison.OrdinalIgnoreCase) >= 0))
            {
                throw new ArgumentException(
                    "Azurite misreads transactions whose RowKey contains \"',\" (it would write to the wrong partition); use single-entity operations for such rows.",
                    "transactionActions");
            }
        }
    }
}
