using Herald.Host.Tenancy;
using Herald.Host.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Herald.Host.Tests.Validation;

/// <summary>A test-only endpoint shaped like the coming campaign API, to exercise <see cref="ValidatedJson{T}"/>.</summary>
public sealed class ValidationTestApi
{
    private int _handlerCalls;

    public int HandlerCalls => Volatile.Read(ref _handlerCalls);

    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/test/campaigns", (ValidatedJson<TestCampaignRequest> body, ITenantContext tenant) =>
        {
            Interlocked.Increment(ref _handlerCalls);
            var request = body.Value;
            return TypedResults.Ok(new TestCampaignEcho(tenant.TenantId, request.Name, request.Channel, request.Steps?.Count ?? 0));
        });
}

public enum TestChannel
{
    TelegramBot,
    WhatsApp,
    Email,
}

public sealed class TestCampaignRequest : IValidatableRequest
{
    public required string Name { get; init; }

    public required TestChannel Channel { get; init; }

    public string? Message { get; init; }

    public List<TestStep>? Steps { get; init; }

    public TestWindow? Window { get; init; }

    public void Validate(ValidationErrors errors)
    {
        errors.NotBlank("name", Name).MaxLength("name", Name, 100).NoMarkup("name", Name);
        errors.MaxLength("message", Message, 4096).NoMarkup("message", Message);
        for (var i = 0; i < (Steps?.Count ?? 0); i++)
        {
            errors.NoMarkup(ValidationErrors.Join(ValidationErrors.Item("steps", i), "text"), Steps![i].Text);
        }
    }
}

public sealed class TestStep
{
    public required TestChannel Channel { get; init; }

    public int DelaySeconds { get; init; }

    public string? Text { get; init; }
}

public sealed class TestWindow
{
    public required TimeSpan From { get; init; }

    public required TimeSpan To { get; init; }
}

public sealed record TestCampaignEcho(string TenantId, string Name, TestChannel Channel, int Steps);
