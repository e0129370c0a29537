using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace Herald.Cli.Commands;

/// <summary>
/// <c>herald campaigns watch ID</c>: a live progress bar with speed and ETA until the campaign ends, then the accounts
/// and one final line (<c>ID STATUS: processed/total processed, N failed, N unknown</c>). Exit code 0 completed, 1
/// completed with errors, 2 cancelled.
/// </summary>
public static class CampaignWatcher
{
    public static Command Build()
    {
        var id = CampaignCommands.Id();
        var interval = new Option<double>("--interval") { Description = "Seconds between refreshes", DefaultValueFactory = _ => 1 };
        var command = new Command("watch", "Follow a campaign until it ends; exits non-zero when it ends with errors.") { id, interval };
        command.SetAction((parse, cancellationToken) => HeraldCli.WithClientAsync(parse, (client, ct) =>
            WatchAsync(client, parse.GetValue(id)!, TimeSpan.FromSeconds(Math.Max(0.2, parse.GetValue(interval))), ct), cancellationToken));
        return command;
    }

    private static async Task<int> WatchAsync(HeraldClient client, string id, TimeSpan interval, CancellationToken cancellationToken)
    {
        var path = $"api/campaigns/{Uri.EscapeDataString(id)}";
        var status = await client.GetAsync(path, cancellationToken);
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(Markup.Escape(Describe(status)), maxValue: Math.Max(1, status.GetProperty("total").GetInt64()));
                while (!Ended(status))
                {
                    task.Value = status.GetProperty("processed").GetInt64();
                    task.Description = Markup.Escape(Describe(status));
                    await Task.Delay(interval, cancellationToken);
                    status = await client.GetAsync(path, cancellationToken);
                }

                task.Value = task.MaxValue;
                task.Description = Markup.Escape(Describe(status));
            });

        var accounts = new Table().AddColumns("Account", "Status", "Until", "Done", "Failed", "FloodWaits");
        foreach (var a in status.GetProperty("accounts").EnumerateArray())
        {
            accounts.AddRow(Cells.Text(a, "accountId"), Cells.Text(a, "status"), Cells.Text(a, "until"), Cells.Text(a, "done"), Cells.Text(a, "failed"), Cells.Text(a, "floodWaits"));
        }

        AnsiConsole.Write(accounts);
        var counts = status.GetProperty("counts");
        var wire = status.GetProperty("status").GetString();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{id} {wire}: {status.GetProperty("processed").GetInt64()}/{status.GetProperty("total").GetInt64()} processed, {counts.GetProperty("failed").GetInt64()} failed, {counts.GetProperty("unknown").GetInt64()} unknown"));
        return wire switch
        {
            "completed" => 0,
            "completed_with_errors" => 1,
            _ => 2,
        };
    }

    private static bool Ended(JsonElement status) => status.GetProperty("status").GetString() is "completed" or "completed_with_errors" or "cancelled";

    private static string Describe(JsonElement s)
    {
        var eta = s.TryGetProperty("eta", out var e) && e.ValueKind == JsonValueKind.String ? e.GetDateTimeOffset().ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture) : "–";
        return string.Create(CultureInfo.InvariantCulture,
            $"{s.GetProperty("status").GetString()} {s.GetProperty("processed").GetInt64()}/{s.GetProperty("total").GetInt64()}, {s.GetProperty("speedPerMinute").GetDouble():0.#}/min, ETA {eta}");
    }
}
