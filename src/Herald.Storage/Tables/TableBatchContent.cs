using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Azure;
using Herald.Storage.Internal;

namespace Herald.Storage.Tables;

/// <summary>
/// The multipart/mixed body of an entity-group transaction and the parser of its answer. Each change
/// carries an absolute URL and single-line JSON (Azurite's parser needs both).
/// </summary>
internal sealed partial class TableBatchContent
{
    private const string Crlf = "\r\n";

    public TableBatchContent(Uri endpoint, string tableName, IReadOnlyList<TableTransactionAction> actions)
    {
        var batch = "batch_" + Guid.NewGuid().ToString("D");
        var changeset = "changeset_" + Guid.NewGuid().ToString("D");
        ContentType = $"multipart/mixed; boundary={batch}";
        var baseUrl = endpoint.AbsoluteUri.TrimEnd('/') + "/";

        var sb = new StringBuilder();
        sb.Append("--").Append(batch).Append(Crlf)
            .Append("Content-Type: multipart/mixed; boundary=").Append(changeset).Append(Crlf).Append(Crlf);
        foreach (var action in actions)
        {
            var entity = action.Entity;
            var (method, address, withBody, ifMatch) = action.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", tableName, true, null),
                TableTransactionActionType.UpsertMerge => ("PATCH", Address(), true, null),
                TableTransactionActionType.UpsertReplace => ("PUT", Address(), true, null),
                TableTransactionActionType.UpdateMerge => ("PATCH", Address(), true, IfMatch()),
                TableTransactionActionType.UpdateReplace => ("PUT", Address(), true, IfMatch()),
                TableTransactionActionType.Delete => ("DELETE", Address(), false, IfMatch()),
                _ => throw new ArgumentOutOfRangeException(nameof(actions), action.ActionType, "Unknown transaction action."),
            };

            sb.Append("--").Append(changeset).Append(Crlf)
                .Append("Content-Type: application/http").Append(Crlf)
                .Append("Content-Transfer-Encoding: binary").Append(Crlf).Append(Crlf)
                .Append(method).Append(' ').Append(baseUrl).Append(address).Append(" HTTP/1.1").Append(Crlf)
                .Append("Accept: application/json;odata=minimalmetadata").Append(Crlf)
                .Append("DataServiceVersion: 3.0;").Append(Crlf);
            if (ifMatch is not null)
            {
                sb.Append("If-Match: ").Append(ifMatch).Append(Crlf);
            }

            if (withBody)
            {
                if (method == "POST")
                {
                    sb.Append("Prefer: return-no-content").Append(Crlf);
                }

                sb.Append("Content-Type: application/json").Append(Crlf).Append(Crlf)
                    .Append(Encoding.UTF8.GetString(TableEntityJson.Serialize(TableEntityMapper.ToProperties(entity)))).Append(Crlf);
            }
            else
            {
                sb.Append(Crlf);
            }

            string Address() => TableKeys.Address(tableName, entity.PartitionKey, entity.RowKey);
            string IfMatch() => action.ETag == default ? "*" : action.ETag.ToString();
        }

        sb.Append("--").Append(changeset).Append("--").Append(Crlf)
            .Append("--").Append(batch).Append("--").Append(Crlf);
        Body = Encoding.UTF8.GetBytes(sb.ToString());
    }

    public string ContentType { get; }

    public byte[] Body { get; }

    /// <summary>Every embedded <c>HTTP/1.1</c> response of a batch answer, in order.</summary>
    public static List<BatchPartResponse> ParseResponse(Response response)
    {
        var lines = response.Content.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var parts = new List<BatchPartResponse>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].StartsWith("HTTP/1.1 ", StringComparison.Ordinal))
            {
                continue;
            }

            var statusLine = lines[i].Split(' ', 3);
            var status = int.Parse(statusLine[1], CultureInfo.InvariantCulture);
            var part = new BatchPartResponse(status, statusLine.Length > 2 ? statusLine[2] : string.Empty);
            for (i++; i < lines.Count && lines[i].Length > 0; i++)
            {
                var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    part.AddHeader(lines[i][..colon].Trim(), lines[i][(colon + 1)..].Trim());
                }
            }

            var body = new StringBuilder();
            for (i++; i < lines.Count && !lines[i].StartsWith("--", StringComparison.Ordinal); i++)
            {
                body.Append(lines[i]).Append('\n');
            }

            part.SetBody(body.ToString().Trim());
            parts.Add(part);
            i--;
        }

        return parts;
    }

    /// <summary>The exception for a rejected transaction: the failing part's status and code, its index when the message starts with <c>N:</c>.</summary>
    public static TableTransactionFailedException Failure(BatchPartResponse failed, Response batchResponse, string operation)
    {
        string? code = null;
        string? message = null;
        if (failed.Body.StartsWith('{'))
        {
            try
            {
                (code, message) = StorageErrors.ParseJson(failed.Body);
            }
            catch (System.Text.Json.JsonException)
            {
            }
        }

        int? index = null;
        if (message is not null && IndexPrefix().Match(message) is { Success: true } match)
        {
            index = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            message = message[match.Length..];
        }

        batchResponse.Headers.TryGetValue(StorageErrors.RequestIdKey, out var requestId);
        var generic = StorageErrors.Create(failed.Status, code, message, requestId, operation);
        var text = generic.Message + (index is null ? string.Empty : $" [failed action index {index}]");
        var exception = new TableTransactionFailedException(failed.Status, text, code, index);
        if (requestId is not null)
        {
            exception.Data[StorageErrors.RequestIdKey] = requestId;
        }

        return exception;
    }

    [GeneratedRegex(@"^(\d+):")]
    private static partial Regex IndexPrefix();
}
