namespace Herald.Host.Validation;

/// <summary>Reusable checks for arrays in request bodies, for use inside <see cref="IValidatableRequest.Validate"/>.</summary>
public static class CollectionRules
{
    /// <summary>
    /// Adds an error per <c>null</c> item of <paramref name="items"/> (<c>recipients[2]</c>): strict binding refuses null
    /// for a non-nullable property, but not for an item of an array of objects.
    /// </summary>
    public static ValidationErrors NoNullItems<T>(this ValidationErrors errors, string field, IReadOnlyList<T>? items)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(errors);
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            if (items![i] is null)
            {
                errors.Add(ValidationErrors.Item(field, i), "Must not be null.");
            }
        }

        return errors;
    }
}
