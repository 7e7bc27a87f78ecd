using System.Text.RegularExpressions;
using Broadside.Cli;
using Broadside.Diagnostics;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Cli;

/// <summary><c>broadside check</c> on <c>Fixtures/check</c>: one of each problem it must find, in the compiler format, writing nothing.</summary>
public sealed partial class CheckCommandTests
{
    public static TheoryData<string, int, string, string> Expected => new()
    {
        { "articles/no-date.md", 2, DiagnosticCodes.RequiredKeyMissing, "error" },
        { "articles/typo.md", 9, DiagnosticCodes.UnknownDemandId, "error" },
        { "articles/good.md", 0, DiagnosticCodes.UrlCollision, "error" },
        { "articles/links.md", 6, DiagnosticCodes.BrokenLink, "error" },
        { "articles/links.md", 14, DiagnosticCodes.BrokenLink, "error" },
        { "articles/links.md", 16, DiagnosticCodes.BrokenLink, "error" },
        { "articles/typo.md", 7, DiagnosticCodes.SimilarDemand, "warning" },
        { "articles/typo.md", 8, DiagnosticCodes.SimilarDemand, "warning" },
        { "articles/long.md", 7, DiagnosticCodes.RelatedDemand, "warning" },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public async Task Finds_each_problem_at_its_file_and_line(string file, int line, string code, string severity)
    {
        var (exit, lines) = await Check(RepositoryPaths.Fixture("check"));

        Assert.Equal(1, exit);
        var location = line == 0 ? file : $"{file}({line},";
        Assert.Contains(lines, l => l.Contains(location, StringComparison.Ordinal) && l.Contains($": {severity} {code}: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reports_exactly_the_expected_problems_and_suggests_the_canonical_demand()
    {
        var (_, lines) = await Check(RepositoryPaths.Fixture("check"));
        var diagnostics = lines.Where(l => Located().IsMatch(l)).ToList();

        Assert.Equal(Expected.Count, diagnostics.Count);
        Assert.Contains(diagnostics, l => l.Contains("'Rent contrl now!' is worded almost like 'Rent control now!'", StringComparison.Ordinal) && l.Contains("id: rent-control", StringComparison.Ordinal));
        Assert.Contains(diagnostics, l => l.Contains("'Hire 50 drivers now!' is worded almost like 'Hire 500 drivers now!'", StringComparison.Ordinal));
        Assert.Contains(diagnostics, l => l.Contains("Did you mean 'rent-control'?", StringComparison.Ordinal));
        Assert.Contains(diagnostics, l => l.Contains("'/2025/12/no-such-article/'", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics, l => l.Contains("/2026/01/links/", StringComparison.Ordinal) || l.Contains("/demands/", StringComparison.Ordinal) || l.Contains("/feed.xml", StringComparison.Ordinal));
        Assert.Contains(diagnostics, l => l.Contains("'Rent control now in every building the city ever subsidised!' looks like the demand 'rent-control'", StringComparison.Ordinal) && l.Contains("write '- id: rent-control'", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(": note ", StringComparison.Ordinal));
        Assert.StartsWith("Check failed: 6 errors, 3 warnings", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_verbose_it_also_notes_the_topic_a_demand_took_from_its_articles()
    {
        var (_, lines) = await Check(RepositoryPaths.Fixture("check"), "--verbose");

        var notes = lines.Where(l => l.Contains(": note ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, notes.Count);
        Assert.All(notes, note => Assert.Contains("long.md(", note, StringComparison.Ordinal));
        Assert.Contains(notes, note => note.Contains("long.md(8,", StringComparison.Ordinal) && note.Contains($"note {DiagnosticCodes.DemandTopicInferred}: the demand 'Repair every broken boiler before the first frost!' is listed under the topic Housing: the one article raising it is in a section or tagged with that name", StringComparison.Ordinal));
        Assert.StartsWith("Check failed: 6 errors, 3 warnings", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sample_publication_passes_and_nothing_is_written()
    {
        var before = Directory.EnumerateFileSystemEntries(RepositoryPaths.Input, "*", SearchOption.AllDirectories).Count();

        var (exit, lines) = await Check(RepositoryPaths.Input);

        Assert.Equal(0, exit);
        Assert.StartsWith("Checked ", lines[^1], StringComparison.Ordinal);
        Assert.Equal(before, Directory.EnumerateFileSystemEntries(RepositoryPaths.Input, "*", SearchOption.AllDirectories).Count());
        Assert.False(Directory.Exists(Path.Combine(Path.GetTempPath(), "broadside-check")), "check wrote its output folder.");
    }

    [Fact]
    public void A_build_reports_dead_links_as_warnings_not_errors()
    {
        using var input = new TemporaryFolder();
        using var output = new TemporaryFolder();
        Directory.CreateDirectory(input.Combine("articles"));
        File.Copy(Path.Combine(RepositoryPaths.Fixture("check"), "site.yml"), input.Combine("site.yml"));
        File.WriteAllText(input.Combine("articles", "a.md"), "---\ntitle: A\nauthor: Ana\nsection: Labor\ndate: 2026-01-01\n---\n\n[gone](/nowhere/)\n");

        var result = Broadside.Build.Builder.Build(new Broadside.Build.BuildOptions
        {
            InputFolder = input.Path,
            ThemeFolder = RepositoryPaths.Theme,
            OutputFolder = output.Path,
        });

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.BrokenLink);
        Assert.False(warning.IsError);
        Assert.Equal(8, warning.Line);
    }

    private static async Task<(int Exit, string[] Lines)> Check(string input, params string[] more)
    {
        // Paths print relative to the working folder, which tests leave alone; the fixture's files
        // print with their full path, which ends in what the table names.
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CommandLine.RunAsync(["check", "--input", input, "--theme", RepositoryPaths.Theme, .. more], output, error);
        var text = error + output.ToString();
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        return (exit, text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [GeneratedRegex(@"^\S.*: (error|warning) BS\d{4}: ")]
    private static partial Regex Located();
}
