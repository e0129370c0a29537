using Microsoft.Extensions.Options;

namespace Herald.Host.Hosting;

/// <summary>Turns a relative <see cref="HeraldHostOptions.DataDirectory"/> into an absolute path under the content root.</summary>
internal sealed class HeraldHostOptionsSetup(IHostEnvironment environment) : IPostConfigureOptions<HeraldHostOptions>
{
    public void PostConfigure(string? name, HeraldHostOptions options)
    {
        var directory = string.IsNullOrWhiteSpace(options.DataDirectory) ? ".herald" : options.DataDirectory;
        options.DataDirectory = Path.GetFullPath(directory, environment.ContentRootPath);
    }
}
