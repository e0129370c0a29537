using System.CommandLine;
using Spectre.Console;

namespace Herald.Cli.Commands;

/// <summary><c>herald accounts list</c>.</summary>
public static class AccountCommands
{
    public static Command Build()
    {
        var list = new Command("list", "The accounts with status and cooldowns.");
        list.SetAction((parse, cancellationToken) => HeraldCli.WithClientAsync(parse, async (client, ct) =>
        {
            var accounts = await client.GetAsync("api/accounts", ct);
            var table = new Table().AddColumns("Account", "Name", "Status", "Until", "Actions (15 min)");
            foreach (var a in accounts.GetProperty("items").EnumerateArray())
            {
                table.AddRow(Cells.Text(a, "accountId"), Cells.Text(a, "name"), Cells.Text(a, "status"), Cells.Text(a, "until"), Cells.Text(a, "actionsLast15Minutes"));
            }

            AnsiConsole.Write(table);
            return 0;
        }, cancellationToken));
        return new Command("accounts", "Messenger accounts.") { list };
    }
}
