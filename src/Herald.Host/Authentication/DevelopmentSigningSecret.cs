using System.Buffers.Text;
using System.Security.Cryptography;
using Herald.Host.Hosting;
using Microsoft.Extensions.Options;

namespace Herald.Host.Authentication;

/// <summary>
/// In Development, when <see cref="HeraldAuthOptions.GenerateDevelopmentSecret"/> is on and no HMAC secret is configured,
/// uses a random secret kept in <c>{DataDirectory}/development/jwt-hmac-secret</c> (created on first use), so the
/// <c>token</c> command and the server sign and verify with the same key without a secret in source control.
/// </summary>
internal sealed class DevelopmentSigningSecret(IHostEnvironment environment, IOptions<HeraldHostOptions> host, ILogger<DevelopmentSigningSecret> logger)
    : IPostConfigureOptions<HeraldAuthOptions>
{
    public void PostConfigure(string? name, HeraldAuthOptions options)
    {
        if (!options.GenerateDevelopmentSecret || !environment.IsDevelopment() || options.HmacSecrets.Count > 0)
        {
            return;
        }

        options.HmacSecrets.Add(LoadOrCreate(Path.Combine(host.Value.DataDirectory, "development", "jwt-hmac-secret")));
    }

    private string LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        LocalFiles.EnsurePrivateDirectory(Path.GetDirectoryName(path)!);
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        try
        {
            using (var stream = new FileStream(path, LocalFiles.NewPrivateFile()))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(secret);
            }

            Log.DevelopmentSecretCreated(logger, path);
            return secret;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process (the server, or a token command) created it first: use theirs.
            return File.ReadAllText(path).Trim();
        }
    }
}
