using Broadside.Build;
using Broadside.Diagnostics;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Build;

/// <summary>
/// The <c>Fixtures/broken</c> publication, one problem per article: the build reports each at its file and
/// line, all at once, and writes nothing.
/// </summary>
public sealed class BrokenSiteTests : IDisposable
{
    private const string CollisionFile = "articles/2026/2026-03-02-strike-vote.md";
    private const string CollidingFile = "articles/2026/march-update.md";

    private readonly TemporaryFolder _output = new();
    private readonly string _marker;
    private readonly DateTime _markerTime = new(2020, 5, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly BuildResult _result;

    public BrokenSiteTests()
    {
        _marker = _output.Combine("keep.txt");
        File.WriteAllText(_marker, "published earlier");
        File.SetLastWriteTimeUtc(_marker, _markerTime);
        _result = Builder.Build(Options(RepositoryPaths.Fixture("broken")));
    }

    /// <summary>Every diagnostic the build must report: file (relative to the display root), line, code, severity, and words of the message.</summary>
    public static TheoryData<string, int, string, DiagnosticSeverity, string> Expected => new()
    {
        { "articles/missing-title.md", 2, DiagnosticCodes.RequiredKeyMissing, DiagnosticSeverity.Error, "'title'" },
        { "articles/missing-author.md", 2, DiagnosticCodes.RequiredKeyMissing, DiagnosticSeverity.Error, "'author'" },
        { "articles/impossible-date.md", 5, DiagnosticCodes.InvalidDate, DiagnosticSeverity.Error, "'2026-02-30' is not a date" },
        { "articles/misspelt-key.md", 2, DiagnosticCodes.UnknownKey, DiagnosticSeverity.Warning, "did you mean 'title'?" },
        { "articles/misspelt-key.md", 2, DiagnosticCodes.RequiredKeyMissing, DiagnosticSeverity.Error, "'title'" },
        { "articles/unclosed.md", 1, DiagnosticCodes.FrontMatterUnclosed, DiagnosticSeverity.Error, "never closed" },
        { "articles/invalid-yaml.md", 3, DiagnosticCodes.YamlSyntax, DiagnosticSeverity.Error, "not valid YAML" },
        { "articles/tags-mapping.md", 7, DiagnosticCodes.WrongType, DiagnosticSeverity.Error, "'tags' must be a list" },
        { CollisionFile, 0, DiagnosticCodes.UrlCollision, DiagnosticSeverity.Error, "/2026/03/strike-vote/" },
        { "articles/no-front-matter.md", 1, DiagnosticCodes.FrontMatterMissing, DiagnosticSeverity.Error, "no front matter" },
        { "articles/unknown-demand.md", 8, DiagnosticCodes.UnknownDemandId, DiagnosticSeverity.Error, "Did you mean 'free-transit'?" },
        { "articles/emoji-tag.md", 0, DiagnosticCodes.InvalidSlug, DiagnosticSeverity.Error, "the tag '🔥' has no letters or digits" },
        { "articles/empty.md", 1, DiagnosticCodes.FrontMatterMissing, DiagnosticSeverity.Error, "the file is empty" },
        { "articles/yaml-alias.md", 7, DiagnosticCodes.YamlAlias, DiagnosticSeverity.Error, "the alias '*a' repeats a value" },
        { "articles/script-image.md", 6, DiagnosticCodes.InvalidUrl, DiagnosticSeverity.Error, "would run a script" },
        { "articles/raw-script.md", 12, DiagnosticCodes.ActiveContent, DiagnosticSeverity.Error, "raw HTML with a <script> element" },
        { "articles/raw-script.md", 15, DiagnosticCodes.ActiveContent, DiagnosticSeverity.Error, "the address 'javascript:alert(1)' runs code" },
        { "articles/iframe.md", 8, DiagnosticCodes.IframeHost, DiagnosticSeverity.Error, "embeds a page from 'evil.example'" },
    };

    [Fact]
    public void Build_fails()
    {
        Assert.False(_result.Succeeded);
        Assert.Equal(0, _result.FilesWritten);
        Assert.Equal(0, _result.FilesProduced);
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void Reports_the_problem_at_its_file_and_line(string file, int line, string code, DiagnosticSeverity severity, string words)
    {
        var found = _result.Diagnostics.Where(d => d.File == file && d.Line == line && d.Code == code).ToList();

        var diagnostic = Assert.Single(found);
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Contains(words, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_exactly_the_expected_diagnostics()
    {
        var expected = Expected.Select(row => $"{row[0]}({row[1]}): {row[2]}").Order(StringComparer.Ordinal);
        var actual = _result.Diagnostics.Select(d => $"{d.File}({d.Line}): {d.Code}").Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
        Assert.Equal(Expected.Count(row => (DiagnosticSeverity)row[3] == DiagnosticSeverity.Error), _result.ErrorCount);
        Assert.Equal(1, _result.WarningCount);
    }

    [Fact]
    public void The_url_collision_names_both_files()
    {
        var collision = Assert.Single(_result.Diagnostics, d => d.Code == DiagnosticCodes.UrlCollision);

        Assert.Contains(CollisionFile, collision.Message, StringComparison.Ordinal);
        Assert.Contains(CollidingFile, collision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_paths_are_shown_relative_to_the_display_root()
    {
        var fixture = RepositoryPaths.Fixture("broken");
        var result = Builder.Build(Options(fixture) with { DisplayRoot = Path.GetDirectoryName(fixture)! });

        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.StartsWith("broken/articles/", d.File, StringComparison.Ordinal));
        Assert.Equal(
            _result.Diagnostics.Select(d => (Path.Combine("broken", d.File!).Replace('\\', '/'), d.Line, d.Code)),
            result.Diagnostics.Select(d => (d.File!, d.Line, d.Code)));
    }

    [Fact]
    public void The_output_folder_is_untouched()
    {
        Assert.Equal(["keep.txt"], new SiteOutput(_output.Path).Files);
        Assert.Empty(Directory.EnumerateDirectories(_output.Path));
        Assert.Equal("published earlier", File.ReadAllText(_marker));
        Assert.Equal(_markerTime, File.GetLastWriteTimeUtc(_marker));
    }

    public void Dispose() => _output.Dispose();

    private BuildOptions Options(string input) => new()
    {
        InputFolder = input,
        ThemeFolder = RepositoryPaths.Theme,
        OutputFolder = _output.Path,
        Now = SampleSiteFixture.Now,
        DisplayRoot = input,
    };
}
