using Herald.Host.Development;

namespace Herald.Host.Tests.Development;

public sealed class OnDemandDependencyTests
{
    [Fact(Timeout = 60_000)]
    public async Task GetAsync_ManyCallers_ShareOneStart()
    {
        var dependency = new Fake();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => dependency.GetAsync())));
        await dependency.StartAsync();

        Assert.Equal(1, dependency.Starts);
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact(Timeout = 60_000)]
    public async Task StopAsync_AfterStart_StopsOnceAndRefusesLaterUse()
    {
        var dependency = new Fake();
        var resource = await dependency.GetAsync();

        await dependency.StopAsync();
        await dependency.StopAsync();
        await dependency.DisposeAsync();

        Assert.Equal([resource], dependency.Stopped);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => dependency.GetAsync());
    }

    [Fact(Timeout = 60_000)]
    public async Task StopAsync_NeverStarted_StartsNothing()
    {
        var dependency = new Fake();

        await dependency.StopAsync();

        Assert.Equal(0, dependency.Starts);
        Assert.Empty(dependency.Stopped);
    }

    [Fact(Timeout = 60_000)]
    public async Task GetAsync_StartFails_EveryCallerSeesTheFailureAndStopHasNothingToStop()
    {
        var dependency = new Fake { FailStart = true };

        await Assert.ThrowsAsync<InvalidOperationException>(() => dependency.GetAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => dependency.StartAsync());
        await dependency.StopAsync();

        Assert.Equal(1, dependency.Starts);
        Assert.Empty(dependency.Stopped);
    }

    [Fact(Timeout = 60_000)]
    public async Task StopAsync_DuringStart_CancelsIt()
    {
        var dependency = new Fake { HoldStart = true };
        var pending = dependency.GetAsync();
        await dependency.Entered.Task;

        await dependency.StopAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        Assert.Empty(dependency.Stopped);
    }

    [Fact(Timeout = 60_000)]
    public async Task GetAsync_CallerCancels_StartGoesOnForOthers()
    {
        var dependency = new Fake { HoldStart = true };
        using var cancel = new CancellationTokenSource();
        var first = dependency.GetAsync(cancel.Token);
        await dependency.Entered.Task;

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        dependency.Release.TrySetResult();

        Assert.NotNull(await dependency.GetAsync());
        Assert.Equal(1, dependency.Starts);
    }

    private sealed class Fake : OnDemandDependency<object>
    {
        private int _starts;

        public override string Name => "fake";

        public bool FailStart { get; init; }

        public bool HoldStart { get; init; }

        public int Starts => _starts;

        public List<object> Stopped { get; } = [];

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<object> StartResourceAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _starts);
            Entered.TrySetResult();
            if (HoldStart)
            {
                await Release.Task.WaitAsync(cancellationToken);
            }

            return FailStart ? throw new InvalidOperationException("no start") : new object();
        }

        protected override Task StopResourceAsync(object resource, CancellationToken cancellationToken)
        {
            lock (Stopped)
            {
                Stopped.Add(resource);
            }

            return Task.CompletedTask;
        }
    }
}
