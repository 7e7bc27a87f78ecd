using System.Text.RegularExpressions;
using Broadside.Cli;
using Broadside.Diagnostics;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Cli;

/// <summary>
/// <c>broadside check</c> on <c>Fixtures/languages</c>, a site in English, Spanish and Arabic with one
/// of each problem of its languages: each is an error at its file and line, and nothing is written.
/// </summary>
public sealed partial class LanguageCheckTests
{
    public static TheoryData<string, int, string> Expected => new()
    {
        // Two Spanish versions of one article (es-MX is Spanish): the second by file name is reported.
        { "articles/huelga.md", 7, DiagnosticCodes.TranslationTwice },

        // The Arabic version is filed under another section than the English one.
        { "articles/idrab.md", 7, DiagnosticCodes.TranslationMismatch },

        // A language site.yml does not list, in an article and in a page.
        { "articles/greve.md", 6, DiagnosticCodes.UnknownLanguage },
        { "pages/ueber-uns.md", 3, DiagnosticCodes.UnknownLanguage },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public async Task Finds_each_problem_at_its_file_and_line(string file, int line, string code)
    {
        var (exit, lines) = await Check(RepositoryPaths.Fixture("languages"));

        Assert.Equal(1, exit);
        Assert.Contains(lines, l => l.Contains($"{file}({line}", StringComparison.Ordinal) && l.Contains($": error {code}: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reports_exactly_these_problems_naming_the_other_file_and_what_to_do()
    {
        var (_, lines) = await Check(RepositoryPaths.Fixture("languages"));
        var diagnostics = lines.Where(l => Located().IsMatch(l)).ToList();

        Assert.Equal(Expected.Count, diagnostics.Count);
        Assert.Contains(diagnostics, l => l.Contains("huelga-otra.md' is the Spanish version of 'strike' already", StringComparison.Ordinal));
        Assert.Contains(diagnostics, l => l.Contains("under the section 'Housing'", StringComparison.Ordinal) && l.Contains("strike.md' under 'Labor'", StringComparison.Ordinal));
        Assert.Contains(diagnostics, l => l.Contains("'fr' is not one of the site's languages (en, es, ar)", StringComparison.Ordinal));
        Assert.StartsWith("Check failed: 4 errors, 0 warnings", lines[^1], StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string[] Lines)> Check(string input)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CommandLine.RunAsync(["check", "--input", input, "--theme", RepositoryPaths.Theme], output, error);
        var text = error + output.ToString();
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        return (exit, text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [GeneratedRegex(@"^\S.*: (error|warning) BS\d{4}: ")]
    private static partial Regex Located();
}
