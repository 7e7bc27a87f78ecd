using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Broadside.Content;
using Broadside.Output;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Content;

public sealed partial class SlugTests
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

    [Theory]
    [InlineData(100)]
    [InlineData(99)]
    [InlineData(1)]
    public void A_slug_that_fits_is_not_changed(int bytes)
    {
        var name = string.Concat(Enumerable.Repeat("ab-", 40))[..bytes].TrimEnd('-');

        Assert.Equal(name, Slug.From(name));
    }

    [Theory]
    [InlineData("Latin", "The workers of the city strike again for the third time this year and the union calls a general assembly")]
    [InlineData("Cyrillic", "Рабочие городского транспорта снова бастуют третий раз за год и профсоюз созывает общее собрание")]
    [InlineData("Greek", "Οι εργαζόμενοι στις συγκοινωνίες της πόλης απεργούν ξανά για τρίτη φορά φέτος")]
    [InlineData("Arabic", "عمال النقل في المدينة يضربون مرة أخرى للمرة الثالثة هذا العام والنقابة تدعو إلى جمعية عامة")]
    [InlineData("Chinese", "城市公共交通工人今年第三次罢工工会号召召开全体大会并要求增加工资改善工作条件保障安全")]
    [InlineData("Devanagari", "शहरकेपरिवहनकर्मचारीइससालतीसरीबारहड़तालपरहैंऔरयूनियननेआमसभाबुलाईहैताकिवेतनबढ़ेऔरकामकीशर्तेंसुधरें")]
    public void A_long_slug_is_capped_in_bytes_and_keeps_whole_letters(string script, string name)
    {
        var full = Slug.Uncapped(name);
        var slug = Slug.From(name);

        Assert.True(Encoding.UTF8.GetByteCount(full) > Slug.MaxBytes, $"The {script} example must be longer than the cap.");
        Assert.InRange(Encoding.UTF8.GetByteCount(slug), Slug.MaxBytes / 2, Slug.MaxBytes);
        var match = CappedSlug().Match(slug);
        Assert.True(match.Success, slug);
        var start = match.Groups["start"].Value;
        Assert.StartsWith(start, full, StringComparison.Ordinal);
        Assert.Equal(TextElements(start), TextElements(full).Take(TextElements(start).Count));
        Assert.Null(OutputPath.SegmentProblem(slug));
    }

    [Fact]
    public void A_long_slug_is_cut_at_a_hyphen()
    {
        var words = string.Join(' ', Enumerable.Range(1, 30).Select(i => $"word{i:D2}"));

        // Thirteen words of six letters and their hyphens are 90 bytes; a fourteenth would pass the 91 left before the suffix.
        var start = string.Join('-', Enumerable.Range(1, 13).Select(i => $"word{i:D2}"));
        Assert.Matches($"^{start}-[0-9a-f]{{8}}$", Slug.From(words));
    }

    [Fact]
    public void A_letter_with_more_accents_than_fit_is_cut_between_code_points()
    {
        var name = "a" + new string('́', 300) + " b";

        var slug = Slug.From(name);

        Assert.InRange(Encoding.UTF8.GetByteCount(slug), 1, Slug.MaxBytes);
        Assert.StartsWith("á", slug, StringComparison.Ordinal);
        Assert.Matches("-[0-9a-f]{8}$", slug);
    }

    [Fact]
    public void Long_names_that_share_their_first_words_get_different_slugs_that_do_not_depend_on_each_other()
    {
        var start = string.Join(' ', Enumerable.Repeat("solidarity forever", 8));
        var first = Slug.From(start + " with the bus drivers");
        var second = Slug.From(start + " with the teachers");

        Assert.NotEqual(first, second);
        Assert.Equal(first[..^8], second[..^8]);
        Assert.Equal(first, Slug.From(start + " with the bus drivers"));
        Assert.Equal(first, Slug.From(first));
    }

    [Fact]
    public void Fuzzed_names_give_slugs_that_fit_and_are_one_segment_of_a_path()
    {
        var fuzzer = new NameFuzzer(2026);
        for (var i = 0; i < 5_000; i++)
        {
            var name = fuzzer.Next();
            var slug = Slug.From(name);
            if (slug.Length == 0)
            {
                continue;
            }

            Assert.True(Encoding.UTF8.GetByteCount(slug) <= Slug.MaxBytes, $"Case {i}: '{slug}' is longer than the cap.");
            Assert.True(OutputPath.SegmentProblem(slug, first: false) is null, $"Case {i}: '{slug}' {OutputPath.SegmentProblem(slug)}");
            Assert.Equal(slug, Slug.From(slug));
            Assert.Equal(slug, slug.Normalize(NormalizationForm.FormC));
            Assert.False(slug.StartsWith('-') || slug.EndsWith('-') || slug.Contains("--", StringComparison.Ordinal), $"Case {i}: '{slug}'");
        }
    }

    private static List<string> TextElements(string text)
    {
        var elements = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        return elements;
    }

    [GeneratedRegex("^(?<start>.+)-[0-9a-f]{8}$")]
    private static partial Regex CappedSlug();
}
