namespace Herald.Engine.Orchestrations;

/// <summary>The operator-notification hook: told once when a campaign's orchestration ends it (mail, chat, pager).</summary>
public interface ICampaignNotifier
{
    /// <summary>The campaign ended with <paramref name="summary"/>. Called from an activity: may be repeated after a crash.</summary>
    Task CampaignEndedAsync(CampaignSummary summary, CancellationToken cancellationToken = default);
}

/// <summary>The default hook: tells nobody.</summary>
public sealed class NoCampaignNotifier : ICampaignNotifier
{
    /// <inheritdoc />
    public Task CampaignEndedAsync(CampaignSummary summary, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
