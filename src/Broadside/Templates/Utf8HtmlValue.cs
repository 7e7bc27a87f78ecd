using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Broadside.Output;
using Fluid;
using Fluid.Values;

namespace Broadside.Templates;

/// <summary>
/// HTML held as UTF-8 bytes (an article's rendered body, a page's rendered template), printed
/// without escaping. Into a <see cref="Utf8Writer"/> the bytes are copied as they are; anything else
/// a template does with the value (a filter, a comparison, <c>size</c>) sees the same text as a
/// string, decoded once when first asked for. Whatever it is given, it never prints a character that may
/// not be published, or a reference to one (<see cref="OutputText.CleanHtml"/>): they are dropped.
/// </summary>
public sealed class Utf8HtmlValue : FluidValue
{
    private readonly ReadOnlyMemory<byte> _utf8;
    private StringValue? _text;

    /// <summary>Wraps <paramref name="utf8"/>, which must stay as it is while the value is in use.</summary>
    public Utf8HtmlValue(ReadOnlyMemory<byte> utf8) => _utf8 = OutputText.CleanHtml(utf8.Span) ?? utf8;

    /// <summary>
    /// Makes every filter of <paramref name="filters"/> get HTML kept as UTF-8 as the unescaped string
    /// it stands for, so that what the filter returns stays unescaped, as it does for any HTML string.
    /// Call it once every filter is added.
    /// </summary>
    public static void PassAsStrings(FilterCollection filters)
    {
        foreach (var (name, filter) in filters.ToList())
        {
            filters.AddFilter(name, (input, arguments, context) => filter(input is Utf8HtmlValue html ? html.AsString : input, arguments, context));
        }
    }

    /// <inheritdoc />
    public override FluidValues Type => FluidValues.String;

    /// <summary>The HTML as an unescaped string value, decoded once.</summary>
    public StringValue AsString => _text ??= new StringValue(Encoding.UTF8.GetString(_utf8.Span), encode: false);

    /// <inheritdoc />
    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        if (writer is Utf8Writer utf8)
        {
            utf8.WriteUtf8(_utf8.Span);
            return default;
        }

        return AsString.WriteToAsync(writer, encoder, cultureInfo);
    }

    /// <inheritdoc />
    public override bool Equals(FluidValue other) => AsString.Equals(other);

    /// <inheritdoc />
    public override bool ToBooleanValue() => AsString.ToBooleanValue();

    /// <inheritdoc />
    public override decimal ToNumberValue() => AsString.ToNumberValue();

    /// <inheritdoc />
    public override string ToStringValue() => AsString.ToStringValue();

    /// <inheritdoc />
    public override object ToObjectValue() => AsString.ToObjectValue();

    /// <inheritdoc />
    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context) => AsString.GetValueAsync(name, context);

    /// <inheritdoc />
    public override ValueTask<FluidValue> GetIndexAsync(FluidValue index, TemplateContext context) => AsString.GetIndexAsync(index, context);

    /// <inheritdoc />
    public override bool Contains(FluidValue value) => AsString.Contains(value);

    /// <inheritdoc />
    public override IEnumerable<FluidValue> Enumerate(TemplateContext context) => AsString.Enumerate(context);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FluidValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => AsString.GetHashCode();
}
