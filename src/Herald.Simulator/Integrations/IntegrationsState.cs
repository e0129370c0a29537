namespace Herald.Simulator.Integrations;

/// <summary>
/// The two services' state: the scenario, the ban reports received, the calls answered per service, and failures to inject
/// (the next N calls of a service answer a chosen status). Thread-safe.
/// </summary>
public sealed class IntegrationsState
{
    /// <summary>The service name of integration-service in failures and counts.</summary>
    public const string IntegrationService = "integration-service";

    /// <summary>The service name of parsing-service in failures and counts.</summary>
    public const string ParsingService = "parsing-service";

    private readonly Lock _gate = new();
    private readonly List<SimBanReport> _reports = [];
    private readonly Dictionary<string, (int Count, int Status)> _failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _calls = new(StringComparer.Ordinal);
    private IntegrationsScenario _scenario = new();

    /// <summary>The scenario.</summary>
    public IntegrationsScenario Scenario
    {
        get
        {
            lock (_gate)
            {
                return _scenario;
            }
        }
    }

    /// <summary>The ban reports received, in order.</summary>
    public IReadOnlyList<SimBanReport> BanReports
    {
        get
        {
            lock (_gate)
            {
                return [.. _reports];
            }
        }
    }

    /// <summary>Replaces the scenario (reports and failures are kept).</summary>
    public void Load(IntegrationsScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        lock (_gate)
        {
            _scenario = scenario;
        }
    }

    /// <summary>The next <paramref name="count"/> calls of <paramref name="service"/> answer <paramref name="status"/>.</summary>
    public void FailNext(string service, int count, int status = 503)
    {
        lock (_gate)
        {
            _failures[service] = (count, status);
        }
    }

    /// <summary>Calls answered by <paramref name="service"/> so far (failures included).</summary>
    public int CallsOf(string service)
    {
        lock (_gate)
        {
            return _calls.GetValueOrDefault(service);
        }
    }

    /// <summary>Counts a call and says which status to fail it with, or null to serve it.</summary>
    internal int? Enter(string service)
    {
        lock (_gate)
        {
            _calls[service] = _calls.GetValueOrDefault(service) + 1;
            if (_failures.TryGetValue(service, out var failure) && failure.Count > 0)
            {
                _failures[service] = (failure.Count - 1, failure.Status);
                return failure.Status;
            }

            return null;
        }
    }

    internal void Record(SimBanReport report)
    {
        lock (_gate)
        {
            _reports.Add(report);
        }
    }
}
