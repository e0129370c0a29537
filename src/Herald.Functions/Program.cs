using Herald.Functions.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

namespace Herald.Functions;

/// <summary>The Azure Functions isolated worker: Herald's composition, hosted behind the triggers of this project.</summary>
// Not top-level statements: those would add a second global Program beside the local host's (a referenced project).
public static class Program
{
    /// <summary>Starts the worker.</summary>
    public static async Task Main(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.AddHeraldFunctions();
        await builder.Build().RunAsync();
    }
}
