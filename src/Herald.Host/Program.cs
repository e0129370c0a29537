using Herald.Host.Apis;
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

var builder = WebApplication.CreateBuilder(args);
builder.AddHeraldApi();

var app = builder.Build();
app.UseHeraldApi();
app.MapHealthApi();
app.MapWhoAmIApi();
app.MapAuditApi();

app.Run();
return 0;

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in tests.</summary>
public partial class Program;
