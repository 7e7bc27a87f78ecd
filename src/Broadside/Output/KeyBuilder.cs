using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.IO.Hashing;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Broadside.Output;

/// <summary>
/// Hashes everything a page's rendering reads (the site, its template, the views it shows) into a
/// key. When a page's key is the one the last build recorded, the page would come out the same, so it
/// is not rendered again. Views are hashed by their public properties, so a property added to a view
/// is part of every key without anyone having to remember it.
/// </summary>
public sealed class KeyBuilder
{
    // What each type of value is hashed as, decided once per type: most keys are made of a few
    // thousand values of a few dozen types, and testing each value against every case cost more than
    // the hashing.
    private static readonly ConcurrentDictionary<Type, (Kind Kind, PropertyHasher[] Properties)> Kinds = new();

    private readonly XxHash128 _hash = new();

    private enum Kind
    {
        Boolean,
        Integer,
        Key,
        Enum,
        Formattable,
        Keyed,
        Dictionary,
        Sequence,
        Record,
    }

    /// <summary>The key of <paramref name="values"/>, each hashed as by <see cref="AddView"/>.</summary>
    public static Hash128 Of(params ReadOnlySpan<object?> values)
    {
        var builder = new KeyBuilder();
        foreach (var value in values)
        {
            builder.AddView(value);
        }

        return builder.Finish();
    }

    /// <summary>Adds <paramref name="value"/>, told apart from a neighbour it could run into.</summary>
    public KeyBuilder Add(string? value)
    {
        if (value is null)
        {
            return Add(-1L);
        }

        Add(value.Length);
        Append(MemoryMarshal.AsBytes(value.AsSpan()));
        return this;
    }

    /// <summary>Adds a number.</summary>
    public KeyBuilder Add(long value)
    {
        Append(MemoryMarshal.AsBytes(new ReadOnlySpan<long>(in value)));
        return this;
    }

    /// <summary>Adds another key, or a hash.</summary>
    public KeyBuilder Add(Hash128 value)
    {
        Append(MemoryMarshal.AsBytes(new ReadOnlySpan<Hash128>(in value)));
        return this;
    }

    /// <summary>Adds bytes (a file's content).</summary>
    public KeyBuilder Add(ReadOnlySpan<byte> bytes)
    {
        Add(bytes.Length);
        Append(bytes);
        return this;
    }

    /// <summary>
    /// Adds a view: a string, number, date, list, dictionary (in key order) or record (its public
    /// properties in name order). An article view with a key adds its key; HTML with a key adds its key
    /// rather than being made.
    /// </summary>
    public KeyBuilder AddView(object? value)
    {
        switch (value)
        {
            case null:
                return Add(-1L);
            case string text:
                return Add(text);
        }

        var (kind, properties) = Kinds.GetOrAdd(value.GetType(), KindOf);
        switch (kind)
        {
            case Kind.Boolean:
                return Add((bool)value ? 1 : 0);
            case Kind.Integer:
                return Add(Convert.ToInt64(value, CultureInfo.InvariantCulture));
            case Kind.Key:
                return Add((Hash128)value);
            case Kind.Enum:
                return Add(value.ToString());
            case Kind.Formattable:
                return Add(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
            case Kind.Keyed when ((IKeyed)value).AddKey(this):
                return this;
            case Kind.Dictionary:
                var dictionary = (IDictionary)value;
                Add(dictionary.Count);
                foreach (var entryKey in dictionary.Keys.Cast<object>().OrderBy(k => k.ToString(), StringComparer.Ordinal))
                {
                    AddView(entryKey).AddView(dictionary[entryKey]);
                }

                return this;
            case Kind.Sequence:
                Add(-2L);
                foreach (var item in (IEnumerable)value)
                {
                    AddView(item);
                }

                return Add(-3L);
            default:
                Add(value.GetType().FullName);
                foreach (var property in properties)
                {
                    property.Add(this, value);
                }

                return this;
        }
    }

    /// <summary>The key of everything added.</summary>
    public Hash128 Finish() => Hash128.Of(_hash);

    /// <summary>A key as the manifest writes it.</summary>
    public static string Format(Hash128 key) => key.ToString();

    // In the order the cases were once tested one by one, which decides a type that is several things.
    private static (Kind, PropertyHasher[]) KindOf(Type type)
    {
        var kind = type == typeof(bool) ? Kind.Boolean
            : type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) ? Kind.Integer
            : type == typeof(Hash128) ? Kind.Key
            : type.IsEnum ? Kind.Enum
            : typeof(IFormattable).IsAssignableFrom(type) ? Kind.Formattable
            : typeof(IKeyed).IsAssignableFrom(type) ? Kind.Keyed
            : typeof(IDictionary).IsAssignableFrom(type) ? Kind.Dictionary
            : typeof(IEnumerable).IsAssignableFrom(type) ? Kind.Sequence
            : Kind.Record;
        return (kind, kind is Kind.Record or Kind.Keyed ? [.. ReadableProperties(type).Select(p => PropertyHasher.For(type, p))] : []);
    }

    private void Append(ReadOnlySpan<byte> bytes) => _hash.Append(bytes);

    private static PropertyInfo[] ReadableProperties(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .OrderBy(p => p.Name, StringComparer.Ordinal)];

    /// <summary>
    /// Reads one property of a view and adds it as <see cref="AddView"/> would add its value, made once
    /// per property: through a delegate bound to its getter rather than reflection, and numbers and
    /// truth values without boxing them. What is added is the same either way.
    /// </summary>
    private abstract class PropertyHasher
    {
        public abstract void Add(KeyBuilder key, object owner);

        public static PropertyHasher For(Type owner, PropertyInfo property)
        {
            var (type, getter) = (property.PropertyType, property.GetMethod!);
            var item = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>) ? type.GetGenericArguments()[0] : null;
            var hasher = owner.IsValueType ? null
                : type == typeof(int) ? typeof(IntHasher<>).MakeGenericType(owner)
                : type == typeof(bool) ? typeof(BoolHasher<>).MakeGenericType(owner)
                : !type.IsValueType ? typeof(ReferenceHasher<>).MakeGenericType(owner)
                : item is { IsValueType: false } ? typeof(ArrayHasher<,>).MakeGenericType(owner, item)
                : null;
            return hasher is null
                ? new BoxedHasher(property)
                : (PropertyHasher)Activator.CreateInstance(hasher, getter.CreateDelegate(typeof(Func<,>).MakeGenericType(owner, type)))!;
        }
    }

    private sealed class IntHasher<T>(Func<T, int> get) : PropertyHasher
    {
        public override void Add(KeyBuilder key, object owner) => key.Add(get((T)owner));
    }

    private sealed class BoolHasher<T>(Func<T, bool> get) : PropertyHasher
    {
        public override void Add(KeyBuilder key, object owner) => key.Add(get((T)owner) ? 1 : 0);
    }

    private sealed class ReferenceHasher<T>(Func<T, object?> get) : PropertyHasher
    {
        public override void Add(KeyBuilder key, object owner) => key.AddView(get((T)owner));
    }

    // As a sequence is added (Kind.Sequence), without boxing the array.
    private sealed class ArrayHasher<T, TItem>(Func<T, ImmutableArray<TItem>> get) : PropertyHasher
    {
        public override void Add(KeyBuilder key, object owner)
        {
            key.Add(-2L);
            foreach (var item in get((T)owner))
            {
                key.AddView(item);
            }

            key.Add(-3L);
        }
    }

    private sealed class BoxedHasher(PropertyInfo property) : PropertyHasher
    {
        public override void Add(KeyBuilder key, object owner) => key.AddView(property.GetValue(owner));
    }
}
