using System.Text.Json;
using Herald.Host.Authentication;
using Herald.Host.Tenancy;

namespace Herald.Host.Commands;

/// <summary>
/// <c>apikey --tenant &lt;id&gt; --name &lt;label&gt;</c>: makes a new API key. Prints the key (give it to the client;
/// it is shown once) and the entry to add to <c>Herald:Auth:ApiKeys</c>, which holds only its SHA-256.
/// </summary>
public static class ApiKeyCommand
{
    /// <summary>Runs the command on the console; returns the process exit code.</summary>
    public static int Run(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command with explicit output streams (for tests).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var arguments = CommandArguments.Parse(args, "--tenant", "--name");
        var tenant = arguments["--tenant"];
        var name = arguments["--name"];
        if (!TenantIds.IsValid(tenant) || string.IsNullOrWhiteSpace(name))
        {
            error.WriteLine("usage: apikey --tenant <id> --name <label>");
            return 2;
        }

        var key = ApiKeys.Generate();
        var entry = new ApiKeyEntry { Name = name, TenantId = tenant!, Sha256 = ApiKeys.Hash(key) };
        output.WriteLine($"key: {key}");
        output.WriteLine($"config (add to Herald:Auth:ApiKeys): {JsonSerializer.Serialize(entry)}");
        return 0;
    }
}
