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
if (app.HasHeraldEngine())
{
    app.MapCampaignsApi();
    app.MapImportsApi();
    app.MapSuppressionsApi();
    app.MapAccountsApi();
    app.MapMessagesApi();
}

app.Run();
return 0;

// The entry point, visible to WebApplicationFactory in tests. A plain comment, not an XML doc: the simulator's generated
// Program carries one too, and the OpenAPI XML-comment generator fails on two documented T:Program.
public partial class Program;
