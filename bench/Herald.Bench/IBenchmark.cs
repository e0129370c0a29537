namespace Herald.Bench;

/// <summary>
/// One benchmark, found by reflection: add a class in its own folder and it is runnable as
/// <c>dotnet run -c Release --project bench/Herald.Bench -- NAME [options]</c>. A benchmark prints
/// progress as it goes and, as its last line, one JSON object with its results.
/// </summary>
internal interface IBenchmark
{
    /// <summary>The command-line name (<c>storage</c>, <c>simulate</c>, <c>engine</c>, <c>broadcast</c>).</summary>
    string Name { get; }

    /// <summary>One line for the usage text.</summary>
    string Description { get; }

    /// <summary>Runs the benchmark; returns the process exit code.</summary>
    Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken);
}
