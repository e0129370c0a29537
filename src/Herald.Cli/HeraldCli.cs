using System.CommandLine;
using Herald.Cli.Commands;

namespace Herald.Cli;

/// <summary>
/// <c>herald</c>: the API from a terminal. Exit codes: 0 success; 1 a watched campaign ended with errors; 2 it was
/// cancelled; 3 the API refused the call (its problem details on stderr); 4 no login.
/// </summary>
public static class HeraldCli
{
    /// <summary>The host's address: <c>--url</c>, <c>$HERALD_URL</c> or the saved login.</summary>
    public static readonly Option<string?> Url = new("--url") { Description = "Herald's address (default: $HERALD_URL or the saved login)", Recursive = true };

    /// <summary>The token or API key: <c>--token</c>, <c>$HERALD_TOKEN</c> or the saved login.</summary>
    public static readonly Option<string?> Token = new("--token") { Description = "A token or API key (default: $HERALD_TOKEN or the saved login)", Recursive = true };

    /// <summary>The command tree.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("Herald: durable outreach campaigns, from the terminal.");
        root.Options.Add(Url);
        root.Options.Add(Token);
        root.Subcommands.Add(LoginCommand.Build());
        root.Subcommands.Add(CampaignCommands.Build());
        root.Subcommands.Add(ImportCommands.Build());
        root.Subcommands.Add(AccountCommands.Build());
        return root;
    }

    /// <summary>Runs <paramref name="action"/> with a client for the resolved host and credential; API refusals become exit code 3.</summary>
    public static async Task<int> WithClientAsync(ParseResult parse, Func<HeraldClient, CancellationToken, Task<int>> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(action);
        var saved = LoginStore.Read();
        var url = parse.GetValue(Url) ?? Environment.GetEnvironmentVariable("HERALD_URL") ?? saved?.Url ?? "http://127.0.0.1:5080";
        var credential = parse.GetValue(Token) ?? Environment.GetEnvironmentVariable("HERALD_TOKEN") ?? saved?.Credential;
        if (string.IsNullOrWhiteSpace(credential))
        {
            await Console.Error.WriteLineAsync("Not signed in: run `herald login --url <address> --token <token or API key>` or pass --token.");
            return 4;
        }

        using var client = new HeraldClient(url, credential);
        try
        {
            return await action(client, cancellationToken);
        }
        catch (ApiException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 3;
        }
        catch (HttpRequestException ex)
        {
            await Console.Error.WriteLineAsync($"Herald at {url} did not answer: {ex.Message}");
            return 3;
        }
    }
}
