// The simulator as its own process: dotnet run --project src/Herald.Simulator -- --urls http://127.0.0.1:5081
// Program stays internal: other projects reference this assembly, and Herald.Host owns a public Program.
await Herald.Simulator.SimulatorHost.CreateProcess(args).RunAsync();
