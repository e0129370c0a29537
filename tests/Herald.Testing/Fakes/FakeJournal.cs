using System.Globalization;
using System.Text;

namespace Herald.Testing.Fakes;

/// <summary>
/// An append-only journal of platform calls shared by several processes: each line is
/// <c>kind account recipient ticks pid</c>, kind S = started, D = done, F = other outcome.
/// Each process writes its own file (<c>path.pid</c>), since appends from several processes to
/// one file may overwrite each other; <see cref="Read"/> reads them all.
/// </summary>
public sealed class FakeJournal(string path)
{
    private readonly string _file = $"{path}.{Environment.ProcessId}";

    private readonly object _gate = new();

    public void Write(char kind, string account, string recipient, DateTimeOffset at)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{kind} {account} {recipient} {at.UtcTicks} {Environment.ProcessId}\n");
        var bytes = Encoding.UTF8.GetBytes(line);
        lock (_gate)
        {
            using var stream = new FileStream(_file, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            stream.Write(bytes);
        }
    }

    /// <summary>Reads a journal written by any number of processes.</summary>
    public static IReadOnlyList<JournalEntry> Read(string path)
    {
        var entries = new List<JournalEntry>();
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        foreach (var line in Directory.EnumerateFiles(directory, Path.GetFileName(path) + ".*").SelectMany(File.ReadLines))
        {
            var parts = line.Split(' ');
            if (parts.Length != 5)
            {
                continue; // a line cut by SIGKILL mid-write carries no fact
            }

            entries.Add(new JournalEntry(parts[0][0], parts[1], parts[2],
                new DateTimeOffset(long.Parse(parts[3], CultureInfo.InvariantCulture), TimeSpan.Zero),
                int.Parse(parts[4], CultureInfo.InvariantCulture)));
        }

        return entries;
    }
}

/// <summary>One journal line.</summary>
public sealed record JournalEntry(char Kind, string Account, string Recipient, DateTimeOffset At, int ProcessId);
