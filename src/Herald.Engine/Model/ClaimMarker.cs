using Azure.Data.Tables;

namespace Herald.Engine.Model;

/// <summary>
/// Which targets of one shard an account's latest attempt there holds or held: a row in the shard's partition of the
/// targets table (<see cref="EngineKeys.ClaimMarkerRow"/>, after every target row), written in the same transaction as
/// the claim, so it is exactly as true as the claim. Recovery of a dead attempt reads the markers of the account
/// instead of scanning the campaign's targets. A marker lists every target the attempt stamped in the shard (the ones
/// it finished too: recovery counts those); a later attempt of the same account replaces it only once it adopted what
/// the earlier one left.
/// </summary>
/// <param name="PartitionKey">The shard partition.</param>
/// <param name="AccountId">The account whose attempts claimed there.</param>
/// <param name="Attempt">The attempt that wrote it.</param>
/// <param name="Rows">The row keys of the targets it lists.</param>
public sealed record ClaimMarker(string PartitionKey, string AccountId, string Attempt, IReadOnlyCollection<string> Rows)
{
    // A string property holds 32K characters; a marker spreads longer lists over several.
    private const int MaxChars = 30_000;
    private const string RowsProperty = "Rows";

    /// <summary>The table row (replaces what was there).</summary>
    public TableEntity ToEntity()
    {
        var e = new TableEntity(PartitionKey, EngineKeys.ClaimMarkerRow(AccountId)) { ["Attempt"] = Attempt };
        var part = 0;
        var text = new System.Text.StringBuilder();
        foreach (var row in Rows)
        {
            if (text.Length + row.Length + 1 > MaxChars)
            {
                e[RowsProperty + part++] = text.ToString();
                text.Clear();
            }

            text.Append(text.Length == 0 ? "" : ",").Append(row);
        }

        e[RowsProperty + part] = text.ToString();
        return e;
    }

    /// <summary>Reads a marker row.</summary>
    public static ClaimMarker FromEntity(TableEntity e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var rows = new List<string>();
        for (var part = 0; e.GetString(RowsProperty + part) is { } text; part++)
        {
            rows.AddRange(text.Split(',', StringSplitOptions.RemoveEmptyEntries));
        }

        return new ClaimMarker(e.PartitionKey, e.RowKey[EngineKeys.ClaimMarkerPrefix.Length..], e.GetString("Attempt") ?? "", rows);
    }
}
