using System.CommandLine;
using Spectre.Console;

namespace Herald.Cli.Commands;

/// <summary><c>herald campaigns list|create|watch|pause|resume|cancel|report</c>.</summary>
public static class CampaignCommands
{
    public static Command Build()
    {
        var campaigns = new Command("campaigns", "Campaigns.");
        campaigns.Subcommands.Add(List());
        campaigns.Subcommands.Add(Create());
        campaigns.Subcommands.Add(CampaignWatcher.Build());
        foreach (var step in new[] { "pause", "resume", "cancel" })
        {
            campaigns.Subcommands.Add(Control(step));
        }

        campaigns.Subcommands.Add(Report());
        return campaigns;
    }

    /// <summary>The campaign id argument.</summary>
    public static Argument<string> Id() => new("id") { Description = "The campaign id" };

    private static Command List()
    {
        var status = new Option<string?>("--status") { Description = "Only campaigns in this status (running, paused, completed, …)" };
        var command = new Command("list", "The campaigns, newest first.") { status };
        command.SetAction((parse, cancellationToken) => HeraldCli.WithClientAsync(parse, async (client, ct) =>
        {
            var filter = parse.GetValue(status) is { } s ? $"&status={Uri.EscapeDataString(s)}" : "";
            var table = new Table().AddColumns("Id", "Name", "Status", "Total", "Priority", "Created");
            // A page filtered by status may hold fewer than asked for while more follow: go on until 50 or the last page.
            string? continuation = null;
            var shown = 0;
            do
            {
                var after = continuation is null ? "" : $"&continuation={Uri.EscapeDataString(continuation)}";
                var page = await client.GetAsync($"api/campaigns?pageSize={50 - shown}{filter}{after}", ct);
                foreach (var c in page.GetProperty("items").EnumerateArray())
                {
                    table.AddRow(Cells.Text(c, "id"), Cells.Text(c, "name"), Cells.Text(c, "status"), Cells.Text(c, "total"), Cells.Text(c, "priority"), Cells.Text(c, "createdAt"));
                    shown++;
                }

                continuation = page.TryGetProperty("continuation", out var next) && next.ValueKind == System.Text.Json.JsonValueKind.String ? next.GetString() : null;
            }
            while (continuation is not null && shown < 50);

            AnsiConsole.Write(table);
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command Create()
    {
        var name = new Option<string?>("--name") { Description = "The campaign's name" };
        var action = new Option<string>("--action") { Description = "botMessage, invite, personalMessage or addContact", DefaultValueFactory = _ => "botMessage" };
        var message = new Option<string?>("--message") { Description = "The message template ({{name}} …)" };
        var chat = new Option<string?>("--chat") { Description = "The group or channel to invite into" };
        var import = new Option<string?>("--import") { Description = "An uploaded list's id" };
        var file = new Option<FileInfo?>("--file") { Description = "A list to upload first (CSV, XLSX, JSON)" };
        var priority = new Option<int>("--priority") { Description = "−100 to 100" };
        var command = new Command("create", "Create a campaign from an uploaded list (--import) or a file (--file); prints its id.")
        {
            name, action, message, chat, import, file, priority,
        };
        command.SetAction((parse, cancellationToken) => HeraldCli.WithClientAsync(parse, async (client, ct) =>
        {
            var importId = parse.GetValue(import);
            if (parse.GetValue(file) is { } upload)
            {
                importId = (await client.UploadAsync("api/imports", upload, ct)).GetProperty("id").GetString();
            }

            if (importId is null)
            {
                await Console.Error.WriteLineAsync("Give --import <id> or --file <list>.");
                return 3;
            }

            var created = await client.PostAsync("api/campaigns", new
            {
                name = parse.GetValue(name),
                actions = new[] { parse.GetValue(action) },
                message = parse.GetValue(message),
                targetChat = parse.GetValue(chat),
                priority = parse.GetValue(priority),
                importId,
            }, ct);
            Console.WriteLine(created.GetProperty("id").GetString());
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command Control(string step)
    {
        var id = Id();
        var command = new Command(step, $"{char.ToUpperInvariant(step[0])}{step[1..]} a campaign.") { id };
        command.SetAction((parse, cancellationToken) => HeraldCli.WithClientAsync(parse, async (client, ct) =>
        {
            var answer = await client.PostAsync($"api/campaigns/{Uri.EscapeDataString(parse.GetValue(id)!)}/{step}", null, ct);
            Console.WriteLine($"{answer.GetProperty("id").GetString()} {answer.GetProperty("status").GetString()}");
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command Report()
    {
        var id = Id();
        var csv = new Option<bool>("--csv") { Description = "CSV instead of JSON" };
        var output = new Option<FileInfo?>("--output") { Description = "Write to this file instead of stdout" };
        var command = new Command("report", "The recipients not reached, with their reason.") { id, csv, output };
        command.SetAction((parse, cancellationToken) => HeraldCli.WithClientAsync(parse, async (client, ct) =>
        {
            var path = $"api/campaigns/{Uri.EscapeDataString(parse.GetValue(id)!)}/report{(parse.GetValue(csv) ? ".csv" : "")}";
            var text = await client.GetTextAsync(path, ct);
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, text, ct);
            }
            else
            {
                Console.Write(text);
            }

            return 0;
        }, cancellationToken));
        return command;
    }
}
