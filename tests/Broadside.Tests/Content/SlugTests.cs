using System.Text;
using Broadside.Content;

namespace Broadside.Tests.Content;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Bus drivers walk out", "bus-drivers-walk-out")]
    [InlineData("Grève générale", "grève-générale")]
    [InlineData("Gre\u0300ve ge\u0301ne\u0301rale", "grève-générale")]
    [InlineData("Забастовка!", "забастовка")]
    [InlineData("C#", "c-sharp")]
    [InlineData("C++", "c-plus-plus")]
    [InlineData("C# and F#", "c-sharp-and-f-sharp")]
    [InlineData("a/b", "a-b")]
    [InlineData("Women's Liberation", "womens-liberation")]
    [InlineData("Women\u2019s Liberation", "womens-liberation")]
    [InlineData("🔥", "")]
    [InlineData("🔥 Rent strike 🔥", "rent-strike")]
    [InlineData("  --x--  ", "x")]
    [InlineData("#MeToo", "metoo")]
    [InlineData("東京 ストライキ", "東京-ストライキ")]
    [InlineData("北京工人罢工", "北京工人罢工")]
    [InlineData("ÉCOLE Occupée", "école-occupée")]
    [InlineData("May Day 2026: 1,000 march", "may-day-2026-1-000-march")]
    [InlineData("already-a-slug", "already-a-slug")]
    [InlineData("", "")]
    [InlineData("?!", "")]
    public void Turns_names_into_url_segments(string text, string expected)
    {
        Assert.Equal(expected, Slug.From(text));
    }

    [Fact]
    public void Keeps_the_combining_marks_of_scripts_that_need_them()
    {
        var strike = "हड़ताल".Normalize(NormalizationForm.FormC);

        Assert.Equal(strike, Slug.From("हड़ताल"));
        Assert.Equal(strike + "-" + strike, Slug.From("हड़ताल हड़ताल"));
    }

    [Theory]
    [InlineData("2026-03-14-bus-drivers-walk-out.md", "bus-drivers-walk-out")]
    [InlineData("input/articles/2026/2026-03-14_Bus Drivers.md", "bus-drivers")]
    [InlineData("2026-03-14 Rent strike.md", "rent-strike")]
    [InlineData("about.md", "about")]
    [InlineData("Join Us.markdown", "join-us")]
    [InlineData("2026-13-45-not-a-date.md", "2026-13-45-not-a-date")]
    [InlineData("2026-03-bus.md", "2026-03-bus")]
    public void Makes_slugs_from_file_names_without_a_leading_date(string path, string expected)
    {
        Assert.Equal(expected, Slug.FromFileName(path));
    }
}
