using Broadside.Diagnostics;

namespace Broadside.Tests.Diagnostics;

public sealed class DiagnosticTests
{
    [Theory]
    [InlineData("input/articles/x.md", 4, 7, DiagnosticSeverity.Error, "input/articles/x.md(4,7): error BS0102: the front matter is never closed")]
    [InlineData("input/articles/x.md", 4, 0, DiagnosticSeverity.Error, "input/articles/x.md(4): error BS0102: the front matter is never closed")]
    [InlineData("input/articles/x.md", 0, 0, DiagnosticSeverity.Error, "input/articles/x.md: error BS0102: the front matter is never closed")]
    [InlineData("input/articles/x.md", 0, 5, DiagnosticSeverity.Error, "input/articles/x.md: error BS0102: the front matter is never closed")]
    [InlineData("input/site.yml", 12, 3, DiagnosticSeverity.Warning, "input/site.yml(12,3): warning BS0102: the front matter is never closed")]
    [InlineData(null, 0, 0, DiagnosticSeverity.Error, "broadside: error BS0102: the front matter is never closed")]
    [InlineData(null, 4, 7, DiagnosticSeverity.Warning, "broadside: warning BS0102: the front matter is never closed")]
    public void Prints_in_the_compilers_format(string? file, int line, int column, DiagnosticSeverity severity, string expected)
    {
        var diagnostic = new Diagnostic(severity, DiagnosticCodes.FrontMatterUnclosed, "the front matter is never closed", file, line, column);

        Assert.Equal(expected, diagnostic.ToString());
    }

    [Theory]
    [InlineData("unknown key 'sec\u200Btion'", "unknown key 'sec\\u200Btion'")]
    [InlineData("'x\n::error file=a.md::forged' is not a date", "'x\\u000A::error file=a.md::forged' is not a date")]
    [InlineData("a title \u001B[31mred\u001B[0m", "a title \\u001B[31mred\\u001B[0m")]
    [InlineData("'\u202Edm.txt' and \u0085 and \u2028", "'\\u202Edm.txt' and \\u0085 and \\u2028")]
    [InlineData("Grève, Забастовка, 罢工, 🏳️\u200D🌈, \u200Cfa", "Grève, Забастовка, 罢工, 🏳️\u200D🌈, \u200Cfa")]
    public void Shows_invisible_characters_so_no_message_hides_a_character_or_forges_a_line(string message, string shown)
    {
        var diagnostic = new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.UnknownKey, message, "input/articles/a\nb.md", 2, 1);

        Assert.Equal(shown, diagnostic.Message);
        Assert.Equal("input/articles/a\\u000Ab.md", diagnostic.File);
        Assert.DoesNotContain('\n', diagnostic.ToString());
    }

    [Theory]
    [InlineData(DiagnosticSeverity.Error, true)]
    [InlineData(DiagnosticSeverity.Warning, false)]
    public void Only_errors_are_errors(DiagnosticSeverity severity, bool isError)
    {
        Assert.Equal(isError, new Diagnostic(severity, "BS0001", "m").IsError);
    }

    [Fact]
    public void A_bag_counts_errors_and_lists_diagnostics_sorted_without_duplicates()
    {
        var bag = new DiagnosticBag();
        bag.Warning("BS0108", "unknown key", "b.md", 2, 1);
        bag.Error("BS0105", "missing title", "b.md", 1, 1);
        bag.Error("BS0107", "bad date", "a.md", 5, 7);
        bag.Error("BS0107", "bad date", "a.md", 5, 7);
        bag.Error("BS0003", "no articles");
        bag.Error("BS0106", "wrong type", "a.md", 5, 2);

        Assert.Equal(5, bag.ErrorCount);
        Assert.True(bag.HasErrors);
        Assert.Equal(
            [
                "broadside: error BS0003: no articles",
                "a.md(5,2): error BS0106: wrong type",
                "a.md(5,7): error BS0107: bad date",
                "b.md(1,1): error BS0105: missing title",
                "b.md(2,1): warning BS0108: unknown key",
            ],
            bag.ToImmutableSorted().Select(d => d.ToString()));
    }

    [Fact]
    public void A_bag_with_only_warnings_has_no_errors()
    {
        var bag = new DiagnosticBag();
        bag.Warning("BS0108", "unknown key", "b.md", 2, 1);

        Assert.False(bag.HasErrors);
        Assert.Equal(0, bag.ErrorCount);
    }
}
