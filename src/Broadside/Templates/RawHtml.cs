using Broadside.Output;

namespace Broadside.Templates;

/// <summary>
/// HTML that Broadside made itself (a rendered body, a rendered page) and that templates print as it
/// is. Everything else a template prints is escaped. It may be made when a template prints it, so
/// that a large site's article bodies are not all held as text at once.
/// </summary>
public sealed class RawHtml : IKeyed
{
    private readonly string? _value;
    private readonly Func<string>? _make;
    private readonly Func<byte[]>? _makeUtf8;

    /// <summary>HTML already made.</summary>
    public RawHtml(string value) => _value = value;

    /// <summary>HTML made each time it is printed; <paramref name="key"/> stands for it in page keys.</summary>
    public RawHtml(Func<string> make, Hash128? key = null)
    {
        _make = make;
        Key = key;
    }

    private RawHtml(Func<byte[]> makeUtf8, Hash128 key)
    {
        _makeUtf8 = makeUtf8;
        Key = key;
    }

    /// <summary>
    /// A hash of everything the HTML is made from, which page keys use instead of making it; null
    /// when the HTML itself is to be hashed.
    /// </summary>
    public Hash128? Key { get; }

    /// <summary>HTML made the first time it is printed and kept: a fragment many pages share.</summary>
    public static RawHtml Once(Func<string> make, Hash128? key = null)
    {
        var value = new Lazy<string>(make, LazyThreadSafetyMode.ExecutionAndPublication);
        return new RawHtml(() => value.Value, key);
    }

    /// <summary>
    /// HTML kept as UTF-8 (a rendered body) and given to a template as it is, not as a string;
    /// <paramref name="key"/> stands for it in page keys.
    /// </summary>
    public static RawHtml FromUtf8(Func<byte[]> make, Hash128 key) => new(make, key);

    /// <summary>The HTML.</summary>
    public string Value => _value ?? _make?.Invoke() ?? System.Text.Encoding.UTF8.GetString(_makeUtf8!());

    /// <summary>The HTML as a template value: UTF-8 bytes when it is kept as UTF-8, otherwise text.</summary>
    public Fluid.Values.FluidValue ToFluidValue() =>
        _makeUtf8 is { } utf8 ? new Utf8HtmlValue(utf8()) : new Fluid.Values.StringValue(Value, encode: false);

    /// <inheritdoc />
    public override string ToString() => Value;

    bool IKeyed.AddKey(KeyBuilder builder)
    {
        _ = Key is { } key ? builder.Add(key) : builder.Add(Value);
        return true;
    }
}
