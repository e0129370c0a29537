using Herald.Host.Commands;
using Herald.Host.Hosting;

if (args is ["token", .. var tokenArgs])
{
    return TokenCommand.Run(tokenArgs);
}

if (args is ["apikey", .. var apiKeyArgs])
{
    return ApiKeyCommand.Run(apiKeyArgs);
}

// `worker`: the engine's workers with only the health endpoints, no API. Any number of these may run beside the
// API hosts against the same storage.
var workerOnly = args is ["worker", ..];
var builder = WebApplication.CreateBuilder(workerOnly ? args[1..] : args);
if (workerOnly)
{
    builder.Configuration[EngineHostExtensions.RunWorkersKey] = "true";
}

builder.AddHeraldApi();

var app = builder.Build();
app.UseHeraldApi();
app.MapHeraldEndpoints(apiRoutes: !workerOnly);
app.Run();
return 0;

// The entry point, visible to WebApplicationFactory in tests. A plain comment, not an XML doc: the simulator's generated
// Program carries one too, and the OpenAPI XML-comment generator fails on two documented T:Program.
public partial class Program;
