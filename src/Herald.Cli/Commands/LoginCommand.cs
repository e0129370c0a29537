using System.CommandLine;

namespace Herald.Cli.Commands;

/// <summary><c>herald login --url U --token T</c>: checks the credential with <c>/api/whoami</c> and saves it.</summary>
public static class LoginCommand
{
    public static Command Build()
    {
        var command = new Command("login", "Check a token or API key and save it with the host's address.");
        command.SetAction((parse, cancellationToken) => HeraldCli.WithClientAsync(parse, async (client, ct) =>
        {
            var me = await client.GetAsync("api/whoami", ct);
            var url = parse.GetValue(HeraldCli.Url) ?? Environment.GetEnvironmentVariable("HERALD_URL") ?? LoginStore.Read()?.Url ?? "http://127.0.0.1:5080";
            LoginStore.Save(new LoginStore.Login(url, parse.GetValue(HeraldCli.Token) ?? Environment.GetEnvironmentVariable("HERALD_TOKEN")!));
            Console.WriteLine($"Signed in to {url} as tenant {me.GetProperty("tenantId").GetString()} ({me.GetProperty("authMethod").GetString()}).");
            return 0;
        }, cancellationToken));
        return command;
    }
}
