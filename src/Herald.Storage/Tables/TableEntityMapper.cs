using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Serialization;

namespace Herald.Storage.Tables;

/// <summary>
/// Maps <see cref="ITableEntity"/> POCOs to and from property bags by reflection (cached per type): public
/// instance properties with a public getter and setter, named by <see cref="DataMemberAttribute.Name"/> when
/// given, skipped with <see cref="IgnoreDataMemberAttribute"/>.
/// </summary>
internal static class TableEntityMapper
{
    private static readonly ConcurrentDictionary<Type, MappedProperty[]> Maps = new();
    private static readonly HashSet<string> SystemProperties = new(StringComparer.Ordinal)
    {
        nameof(ITableEntity.PartitionKey), nameof(ITableEntity.RowKey), nameof(ITableEntity.Timestamp), nameof(ITableEntity.ETag),
    };

    /// <summary>The properties to write: keys and the mapped properties (Timestamp and ETag are never written).</summary>
    public static IEnumerable<KeyValuePair<string, object?>> ToProperties(ITableEntity entity)
    {
        if (entity is TableEntity dictionary)
        {
            return dictionary;
        }

        return PocoProperties(entity);
    }

    public static T FromEntity<T>(TableEntity entity)
        where T : class, ITableEntity
    {
        if (entity is T same)
        {
            return same;
        }

        var result = (T)(Activator.CreateInstance(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} needs a public parameterless constructor."));
        result.PartitionKey = entity.GetString(nameof(ITableEntity.PartitionKey))!;
        result.RowKey = entity.GetString(nameof(ITableEntity.RowKey))!;
        result.Timestamp = entity.Timestamp;
        result.ETag = entity.ETag;
        foreach (var property in MapOf(typeof(T)))
        {
            if (!entity.TryGetValue(property.Name, out var value) || value is null)
            {
                continue;
            }

            if (!EdmValues.TryConvert(value, property.Info.PropertyType, out var converted))
            {
                throw new InvalidOperationException(
                    $"Property '{property.Name}' holds a {value.GetType().Name}, which cannot be read into {typeof(T).Name}.{property.Info.Name} ({property.Info.PropertyType.Name}).");
            }

            property.Info.SetValue(result, converted);
        }

        return result;
    }

    private static IEnumerable<KeyValuePair<string, object?>> PocoProperties(ITableEntity entity)
    {
        yield return new(nameof(ITableEntity.PartitionKey), entity.PartitionKey);
        yield return new(nameof(ITableEntity.RowKey), entity.RowKey);
        foreach (var property in MapOf(entity.GetType()))
        {
            yield return new(property.Name, property.Info.GetValue(entity));
        }
    }

    private static MappedProperty[] MapOf(Type type) => Maps.GetOrAdd(type, static t =>
    {
        var list = new List<MappedProperty>();
        foreach (var info in t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (SystemProperties.Contains(info.Name) || info.GetIndexParameters().Length > 0
                || info.GetMethod?.IsPublic != true || info.SetMethod?.IsPublic != true
                || info.IsDefined(typeof(IgnoreDataMemberAttribute)))
            {
                continue;
            }

            if (!EdmValues.IsSupported(info.PropertyType))
            {
                throw new NotSupportedException(
                    $"{t.Name}.{info.Name} is a {info.PropertyType.Name}; mark it [IgnoreDataMember] or use a supported type (string, int, long, double, bool, DateTimeOffset, DateTime, Guid, byte[], enum).");
            }

            var name = info.GetCustomAttribute<DataMemberAttribute>()?.Name ?? info.Name;
            list.Add(new MappedProperty(name, info));
        }

        return [.. list];
    });

    private sealed record MappedProperty(string Name, PropertyInfo Info);
}
