using System.Text.Json;

namespace Herald.Cli;

/// <summary>Where <c>herald login</c> keeps the host's address and the token or API key: <c>$HERALD_CONFIG</c>, or <c>~/.config/herald/login.json</c> (owner-only).</summary>
public static class LoginStore
{
    /// <summary>The saved login.</summary>
    public sealed record Login(string Url, string Credential);

    private static string Path =>
        Environment.GetEnvironmentVariable("HERALD_CONFIG") is { Length: > 0 } path
            ? path
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "herald", "login.json");

    /// <summary>The saved login, or null.</summary>
    public static Login? Read() => File.Exists(Path) ? JsonSerializer.Deserialize<Login>(File.ReadAllText(Path)) : null;

    /// <summary>Saves a login, readable by its owner only.</summary>
    public static void Save(Login login)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        File.WriteAllText(Path, JsonSerializer.Serialize(login));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
