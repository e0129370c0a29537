using Herald.Host.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Herald.Host.Tests.Secrets;

/// <summary>Builds the secret store exactly as the host registers it (<c>AddHeraldSecrets</c>), over a given data folder.</summary>
internal static class SecretStoreHost
{
    public static IHost Build(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Testing",
            ContentRootPath = dataDirectory,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Herald:DataDirectory"] = dataDirectory });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddHeraldSecrets();
        return builder.Build();
    }
}
