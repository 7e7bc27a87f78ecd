using System.Text;
using Broadside.Output;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Output;

public sealed class OutputTextTests
{
    [Fact]
    public void Every_control_character_noncharacter_and_lone_surrogate_is_forbidden()
    {
        Assert.All(ForbiddenText.All, c => Assert.True(OutputText.IsForbidden(Scalar(c)), Escaped(c)));
        Assert.All(ForbiddenText.All, c => Assert.Equal(0, OutputText.IndexOfForbidden(c + "x")));
    }

    [Theory]
    [InlineData("\t\n\r a é\u00A0\u00AD\u200B\uFDCF\uFDF0\uFFFD\uFFFC🔥\U0001FFFD\U0010FFFD")]
    public void Tabs_line_breaks_and_every_other_character_are_allowed(string text)
    {
        Assert.Equal(-1, OutputText.IndexOfForbidden(text));
        Assert.Same(text, OutputText.Drop(text));
        Assert.Same(text, OutputText.Replace(text));
    }

    [Theory]
    [InlineData("Rent\u001Bcontrol", "Rentcontrol", "Rent control")]
    [InlineData("\u0000\u0007Rent control\u007F", "Rent control", "Rent control")]
    [InlineData("Rent \u0085 control", "Rent  control", "Rent  control")]
    [InlineData("Rent\u0085\u009F\uFFFE\uFDD0control", "Rentcontrol", "Rent control")]
    [InlineData("line\u001B\nnext", "line\nnext", "line\nnext")]
    [InlineData("fire \U0001FFFE🔥", "fire 🔥", "fire 🔥")]
    [InlineData("\u001B[31mred", "[31mred", "[31mred")]
    public void Drops_forbidden_characters_or_keeps_the_words_they_separated_apart(string text, string dropped, string replaced)
    {
        Assert.Equal(dropped, OutputText.Drop(text));
        Assert.Equal(replaced, OutputText.Replace(text));
    }

    [Fact]
    public void A_lone_surrogate_is_dropped_and_a_pair_kept()
    {
        Assert.Equal("lone surrogate", OutputText.Replace("lone" + '\uD800' + "surrogate"));
        Assert.Equal("end", OutputText.Drop("end" + '\uDC00'));
        Assert.Equal("pair 🔥", OutputText.Drop("pair " + '\uDC00' + "🔥" + '\uD83D'));
    }

    [Theory]
    [InlineData("<p>a&#x1B;b&#27;c&#0;d&#x80;e&#65;&amp;f&#xFFFE;g&#x10FFFF;h&#99999999999999999999;i&#xd800;j</p>", "<p>abcde&#65;&amp;fghij</p>")]
    [InlineData("<p title=\"&#X1b\">x&#9;&#10;&#13;&#xA0;&#x1F525;&#</p>", "<p title=\"\">x&#9;&#10;&#13;&#xA0;&#x1F525;&#</p>")]
    [InlineData("<p>\u001B[31m\u0000red\u0085\uFDD0</p>", "<p>[31mred</p>")]
    public void Html_loses_forbidden_characters_and_references_to_them(string html, string expected)
    {
        var cleaned = OutputText.CleanHtml(Encoding.UTF8.GetBytes(html));

        Assert.NotNull(cleaned);
        Assert.Equal(expected, Encoding.UTF8.GetString(cleaned));
    }

    [Fact]
    public void Html_loses_invalid_utf_8_and_surrogates_encoded_in_it()
    {
        byte[] html = [.. "<p>a"u8, 0xED, 0xA0, 0x80, (byte)'b', 0xFF, 0xC3, (byte)'c', 0x80, .. "🔥</p>"u8];

        Assert.Equal("<p>abc🔥</p>", Encoding.UTF8.GetString(OutputText.CleanHtml(html)!));
    }

    [Fact]
    public void Html_with_nothing_forbidden_is_left_as_it_is()
    {
        Assert.Null(OutputText.CleanHtml("<p>Grève &amp; &#x27;solidarité&#39; &#x1F525; 🔥 \u00A0 &lt;&#9;</p>\n"u8));
    }

    [Fact]
    public void Html_with_every_forbidden_character_keeps_none()
    {
        foreach (var c in ForbiddenText.All)
        {
            var scalar = Scalar(c);
            byte[] raw = char.IsSurrogate(c[0]) && c.Length == 1
                ? [(byte)'a', 0xED, (byte)(0xA0 | ((scalar >> 6) & 0x1F)), (byte)(0x80 | (scalar & 0x3F)), (byte)'b']
                : Encoding.UTF8.GetBytes("a" + c + "b");
            var reference = Encoding.UTF8.GetBytes($"a&#x{scalar:X};b&#{scalar}c");

            Assert.Equal("ab", Encoding.UTF8.GetString(OutputText.CleanHtml(raw)!));
            Assert.Equal("abc", Encoding.UTF8.GetString(OutputText.CleanHtml(reference)!));
        }
    }

    private static int Scalar(string c) => c.Length == 1 ? c[0] : char.ConvertToUtf32(c, 0);

    private static string Escaped(string text) => string.Concat(text.Select(c => $"\\u{(int)c:X4}"));
}
