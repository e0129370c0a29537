using Herald.Cli;

return await HeraldCli.Build().Parse(args).InvokeAsync();
