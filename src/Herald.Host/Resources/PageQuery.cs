using System.Globalization;
using Herald.Host.Validation;

namespace Herald.Host.Resources;

/// <summary>The <c>limit</c> and <c>continuation</c> query parameters of a list endpoint, checked.</summary>
/// <param name="Limit">The page size.</param>
/// <param name="Continuation">Where the previous page ended, or null for the first page.</param>
public sealed record PageQuery(int Limit, string? Continuation)
{
    /// <summary>
    /// Reads <paramref name="limit"/> (a whole number from 1 to <paramref name="max"/>, default <paramref name="defaultLimit"/>)
    /// and <paramref name="continuation"/> (accepted when <paramref name="isValidContinuation"/> says so), adding an error
    /// per bad parameter to <paramref name="errors"/>, under <paramref name="limitField"/> for the size.
    /// </summary>
    public static PageQuery Parse(
        string? limit,
        string? continuation,
        int defaultLimit,
        int max,
        Func<string, bool> isValidContinuation,
        ValidationErrors errors,
        string limitField = "limit")
    {
        var size = defaultLimit;
        if (limit is not null
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > max))
        {
            errors.Add(limitField, string.Create(CultureInfo.InvariantCulture, $"Must be a whole number from 1 to {max}."));
        }

        if (continuation is not null && !isValidContinuation(continuation))
        {
            errors.Add("continuation", "Must be the continuation of a previous page.");
        }

        return new PageQuery(size, continuation);
    }

    /// <summary>
    /// The page of <paramref name="items"/> (already in list order) after the item whose key is <see cref="Continuation"/>,
    /// and the continuation of the next page (null on the last). Null when the continuation names no item.
    /// </summary>
    public (IReadOnlyList<T> Items, string? Next)? Page<T>(IReadOnlyList<T> items, Func<T, string> key)
    {
        var start = 0;
        if (Continuation is not null)
        {
            var at = -1;
            for (var i = 0; i < items.Count; i++)
            {
                if (string.Equals(key(items[i]), Continuation, StringComparison.Ordinal))
                {
                    at = i;
                    break;
                }
            }

            if (at < 0)
            {
                return null;
            }

            start = at + 1;
        }

        var page = items.Skip(start).Take(Limit).ToList();
        var next = start + page.Count < items.Count && page.Count > 0 ? key(page[^1]) : null;
        return (page, next);
    }
}
