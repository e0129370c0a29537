using Herald.Core.Imports;

namespace Herald.Host.Campaigns;

/// <summary>One inline recipient: at least one of <see cref="Username"/>, <see cref="UserId"/>, <see cref="Phone"/>, <see cref="Email"/>.</summary>
public sealed class RecipientRequest
{
    /// <summary>A username, with or without <c>@</c>, or a <c>t.me</c> link.</summary>
    public string? Username { get; init; }

    /// <summary>The platform's numeric user id (what bots message).</summary>
    public long? UserId { get; init; }

    /// <summary>A phone number in any common notation; kept in E.164.</summary>
    public string? Phone { get; init; }

    /// <summary>An e-mail address (what e-mail campaigns send to; also read from the field <c>email</c>).</summary>
    public string? Email { get; init; }

    /// <summary>A display name for <c>{{name}}</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Custom template fields (<c>{{promo_code}}</c>).</summary>
    public IReadOnlyDictionary<string, string>? Fields { get; init; }

    /// <summary>The importer's input shape.</summary>
    public RecipientInput ToInput() => new(Username, UserId, Phone, Name, Fields, Email);
}
