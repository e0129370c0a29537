namespace Herald.Host.Validation;

/// <summary>
/// A request body that checks its own values after strict JSON binding (lengths, ranges, no markup). Bodies bound
/// with <see cref="ValidatedJson{T}"/> are checked automatically; any error answers 400 naming the fields.
/// </summary>
public interface IValidatableRequest
{
    /// <summary>Adds an entry to <paramref name="errors"/> for every field at fault.</summary>
    void Validate(ValidationErrors errors);
}
