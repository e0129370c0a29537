using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Azure;

namespace Herald.Storage.Tables;

/// <summary>
/// A dictionary-shaped entity (like <c>Azure.Data.Tables.TableEntity</c>): property name → value, where a
/// value is a string, int, long, double, bool, DateTimeOffset, Guid or byte[]. The keys and
/// <see cref="Timestamp"/> are entries too (<c>PartitionKey</c>, <c>RowKey</c>, <c>Timestamp</c>); a null
/// value is not stored by the service. Read values with the typed getters.
/// </summary>
public sealed class TableEntity : ITableEntity, IDictionary<string, object?>
{
    private const string PartitionKeyName = "PartitionKey";
    private const string RowKeyName = "RowKey";
    private const string TimestampName = "Timestamp";

    private readonly Dictionary<string, object?> _properties;

    /// <summary>Creates an empty entity.</summary>
    public TableEntity()
    {
        _properties = new Dictionary<string, object?>(StringComparer.Ordinal);
    }

    /// <summary>Creates an entity with its keys.</summary>
    public TableEntity(string partitionKey, string rowKey)
        : this()
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    /// <summary>Creates an entity from a dictionary of properties (keys included).</summary>
    public TableEntity(IDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _properties = new Dictionary<string, object?>(values, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public string PartitionKey
    {
        get => GetString(PartitionKeyName)!;
        set => _properties[PartitionKeyName] = value;
    }

    /// <inheritdoc />
    public string RowKey
    {
        get => GetString(RowKeyName)!;
        set => _properties[RowKeyName] = value;
    }

    /// <inheritdoc />
    public DateTimeOffset? Timestamp
    {
        get => GetDateTimeOffset(TimestampName);
        set => _properties[TimestampName] = value;
    }

    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>The value of a property, or null when absent; setting null removes nothing but stores nothing on the service.</summary>
    public object? this[string key]
    {
        get => _properties.TryGetValue(key, out var value) ? value : null;
        set => _properties[key] = value;
    }

    /// <inheritdoc />
    public ICollection<string> Keys => _properties.Keys;

    /// <inheritdoc />
    public ICollection<object?> Values => _properties.Values;

    /// <inheritdoc />
    public int Count => _properties.Count;

    bool ICollection<KeyValuePair<string, object?>>.IsReadOnly => false;

    /// <summary>The string value of <paramref name="key"/>, or null when absent.</summary>
    /// <exception cref="InvalidOperationException">The value is of another type.</exception>
    public string? GetString(string key) => GetValue<string>(key);

    /// <summary>The Int32 value of <paramref name="key"/>, or null when absent.</summary>
    public int? GetInt32(string key) => GetStruct<int>(key);

    /// <summary>The Int64 value of <paramref name="key"/>, or null when absent (an Int32 value widens).</summary>
    public long? GetInt64(string key) => GetStruct<long>(key);

    /// <summary>The Double value of <paramref name="key"/>, or null when absent (integers widen).</summary>
    public double? GetDouble(string key) => GetStruct<double>(key);

    /// <summary>The Boolean value of <paramref name="key"/>, or null when absent.</summary>
    public bool? GetBoolean(string key) => GetStruct<bool>(key);

    /// <summary>The DateTime value of <paramref name="key"/> as a UTC <see cref="DateTimeOffset"/>, or null when absent.</summary>
    public DateTimeOffset? GetDateTimeOffset(string key) => GetStruct<DateTimeOffset>(key);

    /// <summary>The Guid value of <paramref name="key"/>, or null when absent.</summary>
    public Guid? GetGuid(string key) => GetStruct<Guid>(key);

    /// <summary>The Binary value of <paramref name="key"/>, or null when absent.</summary>
    public byte[]? GetBinary(string key) => GetValue<byte[]>(key);

    /// <inheritdoc />
    public void Add(string key, object? value) => _properties.Add(key, value);

    /// <inheritdoc />
    public bool ContainsKey(string key) => _properties.ContainsKey(key);

    /// <inheritdoc />
    public bool Remove(string key) => _properties.Remove(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value) => _properties.TryGetValue(key, out value);

    /// <inheritdoc />
    public void Clear() => _properties.Clear();

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    void ICollection<KeyValuePair<string, object?>>.Add(KeyValuePair<string, object?> item) => Add(item.Key, item.Value);

    bool ICollection<KeyValuePair<string, object?>>.Contains(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).Contains(item);

    void ICollection<KeyValuePair<string, object?>>.CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).CopyTo(array, arrayIndex);

    bool ICollection<KeyValuePair<string, object?>>.Remove(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).Remove(item);

    private T? GetValue<T>(string key)
        where T : class
    {
        if (!_properties.TryGetValue(key, out var value) || value is null)
        {
            return null;
        }

        return value as T ?? throw WrongType(key, value, typeof(T));
    }

    private T? GetStruct<T>(string key)
        where T : struct
    {
        if (!_properties.TryGetValue(key, out var value) || value is null)
        {
            return null;
        }

        return EdmValues.TryConvert(value, typeof(T), out var converted) ? (T)converted! : throw WrongType(key, value, typeof(T));
    }

    private static InvalidOperationException WrongType(string key, object value, Type wanted) =>
        new($"Property '{key}' holds a {value.GetType().Name}, not a {wanted.Name}.");
}
