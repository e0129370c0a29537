using System.CommandLine;

namespace Herald.Cli.Commands;

/// <summary><c>herald imports upload FILE</c>.</summary>
public static class ImportCommands
{
    public static Command Build()
    {
        var file = new Argument<FileInfo>("file") { Description = "A CSV, XLSX or JSON list" };
        var upload = new Command("upload", "Upload a recipient list; prints its id and counts.") { file };
        upload.SetAction((parse, cancellationToken) => HeraldCli.WithClientAsync(parse, async (client, ct) =>
        {
            var import = await client.UploadAsync("api/imports", parse.GetValue(file)!, ct);
            Console.WriteLine($"{import.GetProperty("id").GetString()}: {import.GetProperty("recipients").GetInt32()} recipients, {import.GetProperty("dropped").GetInt32()} rows dropped");
            return 0;
        }, cancellationToken));
        return new Command("imports", "Recipient lists.") { upload };
    }
}
