using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Herald.Host.Validation;

/// <summary>Finds the .NET type a System.Text.Json error path (<c>$.items[1].kind</c>, <c>$['odd key']</c>) points at.</summary>
internal static class JsonPathTypes
{
    /// <summary>The declared type at <paramref name="path"/> below <paramref name="root"/>, or null when it cannot be followed.</summary>
    public static Type? Resolve(Type root, string? path, JsonSerializerOptions options)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '$')
        {
            return null;
        }

        Type? current = root;
        var i = 1;
        while (i < path.Length && current is not null)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                current = Property(current, path[(i + 1)..end], options);
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['"))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return null;
                }

                current = Property(current, path[(i + 2)..end], options);
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0)
                {
                    return null;
                }

                current = Element(current, options);
                i = end + 1;
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    private static Type? Property(Type type, string name, JsonSerializerOptions options)
    {
        var info = options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
        return info.Kind == JsonTypeInfoKind.Object
            ? info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal))?.PropertyType
            : null;
    }

    private static Type? Element(Type type, JsonSerializerOptions options)
    {
        var info = options.GetTypeInfo(type);
        return info.Kind == JsonTypeInfoKind.Enumerable ? info.ElementType : null;
    }
}
