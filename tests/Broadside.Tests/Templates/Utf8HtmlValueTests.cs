using System.Text;
using System.Text.Encodings.Web;
using Broadside.Output;
using Broadside.Templates;
using Broadside.Tests.TestSupport;
using Fluid;
using Fluid.Values;

namespace Broadside.Tests.Templates;

public sealed class Utf8HtmlValueTests
{
    private const string Html = "<p>Grève & <em>solidarité</em> 🔥</p>";

    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = WithFilters();

    [Theory]
    [InlineData("{{ v }}")]
    [InlineData("{{ v | strip_html }}")]
    [InlineData("{{ v | size }} {{ v.size }}")]
    [InlineData("{{ v | truncate: 12 }}")]
    [InlineData("{% if v contains 'Grève' %}yes{% else %}no{% endif %}")]
    [InlineData("{% if v == '<p>Grève & <em>solidarité</em> 🔥</p>' %}equal{% endif %}")]
    [InlineData("{% if v %}set{% endif %}{% if v == empty %}empty{% endif %}")]
    [InlineData("{{ v | upcase }}")]
    public void A_template_sees_the_same_text_as_a_string_holding_it(string source)
    {
        var template = Parser.Parse(source);

        var asString = Render(template, new StringValue(Html, encode: false), utf8: false);
        var asUtf8 = Render(template, new Utf8HtmlValue(Encoding.UTF8.GetBytes(Html)), utf8: false);
        var asUtf8IntoBytes = Render(template, new Utf8HtmlValue(Encoding.UTF8.GetBytes(Html)), utf8: true);

        Assert.Equal(asString, asUtf8);
        Assert.Equal(asString, asUtf8IntoBytes);
    }

    [Fact]
    public void Printed_into_a_UTF_8_writer_the_HTML_is_neither_escaped_nor_changed()
    {
        var bytes = Encoding.UTF8.GetBytes(Html);

        var printed = Render(Parser.Parse("[{{ v }}]"), new Utf8HtmlValue(bytes), utf8: true);

        Assert.Equal("[" + Html + "]", printed);
    }

    [Fact]
    public void Printed_anywhere_it_holds_no_character_that_may_not_be_published_nor_a_reference_to_one()
    {
        var html = "<p title=\"&#x1B;\">" + string.Concat(ForbiddenText.All.Where(c => !char.IsSurrogate(c[0]) || c.Length == 2)) + "&#0;&#27;&#x85;&#xFFFF;</p>";
        byte[] bytes = [.. Encoding.UTF8.GetBytes(html), 0xED, 0xA0, 0x80, 0xFF];

        foreach (var utf8 in new[] { true, false })
        {
            var printed = Render(Parser.Parse("{{ v }}|{{ v | upcase }}"), new Utf8HtmlValue(bytes), utf8);

            Assert.Empty(ForbiddenText.In(printed));
            Assert.Equal("<p title=\"\"></p>|<P TITLE=\"\"></P>", printed);
        }
    }

    private static TemplateOptions WithFilters()
    {
        var options = new TemplateOptions();
        Utf8HtmlValue.PassAsStrings(options.Filters);
        return options;
    }

    private static string Render(IFluidTemplate template, FluidValue value, bool utf8)
    {
        var context = new TemplateContext(Options);
        context.SetValue("v", value);
        if (!utf8)
        {
            return template.Render(context, HtmlEncoder.Default);
        }

        using var buffer = new PooledBuffer();
        var writer = new Utf8Writer(buffer);
        template.RenderAsync(writer, context, HtmlEncoder.Default).AsTask().GetAwaiter().GetResult();
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.Written);
    }
}
