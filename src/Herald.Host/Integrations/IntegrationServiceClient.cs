using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Herald.Host.Integrations;

/// <summary>
/// integration-service (R8), a typed <see cref="HttpClient"/>: the tenant's connected accounts
/// (<c>GET accounts?user_id=&amp;platform=</c>) and ban reports (<c>POST accounts/check</c>). Every call carries the
/// service's key and the tenant as <c>user_id</c>.
/// </summary>
public sealed class IntegrationServiceClient(HttpClient http, ServiceCaller caller, IOptionsMonitor<IntegrationsOptions> options)
{
    /// <summary>The service's name in problems and logs.</summary>
    public const string Service = "integration-service";

    private ServiceEndpointOptions Endpoint => options.CurrentValue.IntegrationService;

    /// <summary>True when a base URL is configured.</summary>
    public bool IsConfigured => Endpoint.IsConfigured;

    /// <summary>The tenant's accounts on <paramref name="platform"/>, or why they could not be read.</summary>
    public async Task<(IReadOnlyList<ConnectedAccount?>? Accounts, ServiceFailure? Failure)> ListAccountsAsync(
        string tenantId, string platform, CancellationToken cancellationToken = default)
    {
        var endpoint = Endpoint;
        var (response, failure) = await caller.SendAsync(
            http, Service, endpoint,
            () => new HttpRequestMessage(HttpMethod.Get, Url(endpoint, $"accounts?user_id={Uri.EscapeDataString(tenantId)}&platform={Uri.EscapeDataString(platform)}")),
            cancellationToken: cancellationToken);
        if (response is null)
        {
            return (null, failure);
        }

        using (response)
        {
            try
            {
                var list = await response.Content.ReadFromJsonAsync<ConnectedAccountList>(cancellationToken);
                return list?.Accounts is { } accounts
                    ? (accounts, null)
                    : (null, new ServiceFailure(Service, ServiceFailureKind.BadAnswer, (int)response.StatusCode, $"{Service} answered without an accounts list."));
            }
            catch (JsonException)
            {
                return (null, new ServiceFailure(Service, ServiceFailureKind.BadAnswer, (int)response.StatusCode, $"{Service} answered something that is not an accounts list."));
            }
        }
    }

    /// <summary>Reports a banned account; null when integration-service took it.</summary>
    public async Task<ServiceFailure?> ReportBanAsync(BanReport report, CancellationToken cancellationToken = default)
    {
        var endpoint = Endpoint;
        var (response, failure) = await caller.SendAsync(
            http, Service, endpoint,
            () => new HttpRequestMessage(HttpMethod.Post, Url(endpoint, "accounts/check")) { Content = JsonContent.Create(report) },
            cancellationToken: cancellationToken);
        response?.Dispose();
        return failure;
    }

    private static Uri Url(ServiceEndpointOptions endpoint, string relative) => new(endpoint.BaseUri, relative);
}
