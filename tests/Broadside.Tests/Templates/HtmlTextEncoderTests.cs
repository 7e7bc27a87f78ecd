using System.Text.Encodings.Web;
using System.Text.Unicode;
using Broadside.Templates;
using Broadside.Tests.TestSupport;
using Fluid;

namespace Broadside.Tests.Templates;

public sealed class HtmlTextEncoderTests
{
    private static readonly FluidParser Parser = new();

    [Theory]
    [InlineData("Grève & <b>\"solidarité\"</b> 'now' + 🔥 Забастовка")]
    [InlineData("tab\tand line\nbreak")]
    public void Escapes_as_the_html_encoder_does(string text) =>
        Assert.Equal(HtmlEncoder.Create(UnicodeRanges.All).Encode(text), HtmlTextEncoder.Instance.Encode(text));

    [Fact]
    public void Drops_every_character_that_may_not_be_published()
    {
        Assert.All(ForbiddenText.All, c =>
        {
            var encoded = HtmlTextEncoder.Instance.Encode("a" + c + "b");

            Assert.Equal("ab", encoded);
        });
    }

    [Fact]
    public void A_carriage_return_is_written_as_a_line_feed() =>
        Assert.Equal("a&#xA;b&#xA;c", HtmlTextEncoder.Instance.Encode("a\r\nb\rc"));

    [Fact]
    public void A_template_printing_every_forbidden_character_writes_none()
    {
        var count = ForbiddenText.All.Count();
        var value = "<x>" + string.Join('|', ForbiddenText.All) + "\r</x>";
        var template = Parser.Parse("<p title=\"{{ v }}\">{{ v }}{{ v | upcase }}{{ v | append: 'z' }}</p>");
        var context = new TemplateContext();
        context.SetValue("v", value);

        var rendered = template.Render(context, HtmlTextEncoder.Instance);

        Assert.Empty(ForbiddenText.In(rendered));
        var bars = new string('|', count - 1);
        Assert.Equal($"<p title=\"&lt;x&gt;{bars}&#xA;&lt;/x&gt;\">&lt;x&gt;{bars}&#xA;&lt;/x&gt;&lt;X&gt;{bars}&#xA;&lt;/X&gt;&lt;x&gt;{bars}&#xA;&lt;/x&gt;z</p>", rendered);
    }
}
