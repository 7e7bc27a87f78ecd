using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Hashing;
using System.Reflection;
using System.Runtime.InteropServices;
using Broadside.Templates;
using Broadside.Templates.Views;

namespace Broadside.Output;

/// <summary>
/// Hashes everything a page's rendering reads (the site, its template, the views it shows) into a
/// key. When a page's key is the one the last build recorded, the page would come out the same, so it
/// is not rendered again. Views are hashed by their public properties, so a property added to a view
/// is part of every key without anyone having to remember it.
/// </summary>
public sealed class KeyBuilder
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();
    private readonly XxHash128 _hash = new();

    /// <summary>The key of <paramref name="values"/>, each hashed as by <see cref="AddView"/>.</summary>
    public static UInt128 Of(params ReadOnlySpan<object?> values)
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
        _hash.Append(MemoryMarshal.AsBytes(value.AsSpan()));
        return this;
    }

    /// <summary>Adds a number.</summary>
    public KeyBuilder Add(long value)
    {
        _hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<long>(in value)));
        return this;
    }

    /// <summary>Adds another key, or a hash.</summary>
    public KeyBuilder Add(UInt128 value)
    {
        _hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<UInt128>(in value)));
        return this;
    }

    /// <summary>Adds bytes (a file's content).</summary>
    public KeyBuilder Add(ReadOnlySpan<byte> bytes)
    {
        Add(bytes.Length);
        _hash.Append(bytes);
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
            case bool flag:
                return Add(flag ? 1 : 0);
            case int or long or short or byte:
                return Add(Convert.ToInt64(value, CultureInfo.InvariantCulture));
            case UInt128 key:
                return Add(key);
            case Enum:
                return Add(value.ToString());
            case IFormattable formattable:
                return Add(formattable.ToString(null, CultureInfo.InvariantCulture));
            case ArticleView { Key: var key } when key != default:
                return Add(key);
            case RawHtml html:
                return html.Key is { } htmlKey ? Add(htmlKey) : Add(html.Value);
            case IDictionary dictionary:
                Add(dictionary.Count);
                foreach (var entryKey in dictionary.Keys.Cast<object>().OrderBy(k => k.ToString(), StringComparer.Ordinal))
                {
                    AddView(entryKey).AddView(dictionary[entryKey]);
                }

                return this;
            case IEnumerable items:
                Add(-2L);
                foreach (var item in items)
                {
                    AddView(item);
                }

                return Add(-3L);
            default:
                Add(value.GetType().FullName);
                foreach (var property in Properties.GetOrAdd(value.GetType(), ReadableProperties))
                {
                    AddView(property.GetValue(value));
                }

                return this;
        }
    }

    /// <summary>The key of everything added.</summary>
    public UInt128 Finish() => _hash.GetCurrentHashAsUInt128();

    /// <summary>A key as the manifest writes it.</summary>
    public static string Format(UInt128 key) => key.ToString("x32", CultureInfo.InvariantCulture);

    private static PropertyInfo[] ReadableProperties(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .OrderBy(p => p.Name, StringComparer.Ordinal)];
}
