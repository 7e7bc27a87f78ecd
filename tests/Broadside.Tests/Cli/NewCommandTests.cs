using Broadside.Build;
using Broadside.Cli;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Cli;

public sealed class NewCommandTests : IDisposable
{
    private readonly TemporaryFolder _input;
    private readonly TemporaryFolder _output = new();

    public NewCommandTests()
    {
        _input = Copy("minimal");
    }

    public void Dispose()
    {
        _input.Dispose();
        _output.Dispose();
    }

    [Fact]
    public async Task Writes_an_article_that_builds_and_prints_its_path()
    {
        var (exit, output, _) = await New("Bus drivers walk out", "--section", "Labor", "--author", "Ana Ruiz");

        Assert.Equal(0, exit);
        var file = Assert.Single(Directory.EnumerateFiles(Path.Combine(_input.Path, "articles"), "bus-drivers-walk-out.md", SearchOption.AllDirectories));
        Assert.Matches(@"articles[/\\]\d{4}[/\\]bus-drivers-walk-out\.md$", file);
        Assert.Contains(Path.GetFileName(file), output, StringComparison.Ordinal);

        Assert.Contains(BuiltWithDrafts(_input.Path).Files, f => f.EndsWith("/bus-drivers-walk-out/index.html", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refuses_to_overwrite_an_article()
    {
        Assert.Equal(0, (await New("Strike vote", "--author", "Ana Ruiz")).Exit);
        var file = Directory.EnumerateFiles(Path.Combine(_input.Path, "articles"), "strike-vote.md", SearchOption.AllDirectories).Single();
        File.WriteAllText(file, "an editor's work");

        var (exit, _, error) = await New("Strike vote!", "--author", "Ana Ruiz");

        Assert.Equal(1, exit);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
        Assert.Equal("an editor's work", File.ReadAllText(file));
    }

    [Fact]
    public async Task Says_when_the_section_is_not_in_site_yml()
    {
        var (exit, output, _) = await New("A new beat", "--section", "Science", "--author", "Ana Ruiz");
        Assert.Equal(0, exit);
        Assert.Contains("'Science' is not a section of site.yml", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_yml_that_is_a_pipe_is_reported_without_waiting_on_it()
    {
        var siteFile = Path.Combine(_input.Path, "site.yml");
        File.Delete(siteFile);
        SpecialFiles.Pipe(siteFile);
        using var watch = SpecialFiles.WatchPipe(siteFile);

        // A wait on the pipe would end in a TimeoutException.
        var (exit, _, error) = await New("Strike vote", "--author", "Ana Ruiz").WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, exit);
        Assert.Contains("site.yml: error BS0012: this is a named pipe (FIFO), not a file", error, StringComparison.Ordinal);
        Assert.False(watch.Opened);
    }

    [Fact]
    public async Task A_file_in_the_way_of_the_article_folder_is_an_error_not_a_crash()
    {
        var articles = Path.Combine(_input.Path, "articles");
        Directory.Delete(articles, recursive: true);
        File.WriteAllText(articles, "not a folder");

        var (exit, _, error) = await New("Strike vote", "--author", "Ana Ruiz");

        Assert.Equal(1, exit);
        Assert.Contains("Cannot write ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal("not a folder", File.ReadAllText(articles));
    }

    [Fact]
    public async Task An_article_in_another_language_is_filed_in_its_site_under_the_sections_name_in_that_language()
    {
        using var input = Copy("languages");

        // The fixture's deliberate mistakes (a language the site lacks, two Spanish versions, two sections), left out.
        foreach (var mistake in new[] { "articles/greve.md", "articles/huelga-otra.md", "articles/idrab.md", "pages/ueber-uns.md" })
        {
            File.Delete(Path.Combine(input.Path, mistake));
        }

        var (exit, output, error) = await NewIn(input.Path, "Huelga de conductores", "--lang", "es", "--author", "Ana Ruiz");

        Assert.True(exit == 0, error);
        var file = Assert.Single(Directory.EnumerateFiles(Path.Combine(input.Path, "articles"), "huelga-de-conductores.md", SearchOption.AllDirectories));
        var text = File.ReadAllText(file);
        Assert.Contains("lang: \"es\"\n", text, StringComparison.Ordinal);
        Assert.Contains("section: \"Trabajo\"\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("is not a section", output, StringComparison.Ordinal);

        Assert.Contains(BuiltWithDrafts(input.Path).Files, f => f.StartsWith("es/", StringComparison.Ordinal) && f.EndsWith("/huelga-de-conductores/index.html", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("de", "'de' is not a language of site.yml, which lists en, es, ar")]
    [InlineData("es-", "'es-' is not a language tag")]
    [InlineData("xx-nowhere", "'xx-nowhere' is not a language tag")]
    [InlineData(" ", "' ' is not a language tag")]
    public async Task A_language_the_site_does_not_publish_or_no_language_at_all_is_refused_and_nothing_written(string lang, string message)
    {
        using var input = Copy("languages");
        var before = Directory.EnumerateFiles(input.Path, "*", SearchOption.AllDirectories).Count();

        var (exit, _, error) = await NewIn(input.Path, "Streik der Fahrer", "--lang", lang, "--author", "Ana Ruiz");

        Assert.Equal(1, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Equal(before, Directory.EnumerateFiles(input.Path, "*", SearchOption.AllDirectories).Count());
    }

    [Theory]
    [InlineData("es-mx", "es-MX")]
    [InlineData("ES", "es")]
    public async Task A_tag_is_written_as_the_build_reads_it_and_a_variant_goes_to_its_languages_site(string lang, string written)
    {
        using var input = Copy("languages");

        var (exit, _, error) = await NewIn(input.Path, "Huelga de conductores", "--lang", lang, "--author", "Ana Ruiz");

        Assert.True(exit == 0, error);
        var file = Assert.Single(Directory.EnumerateFiles(Path.Combine(input.Path, "articles"), "huelga-de-conductores.md", SearchOption.AllDirectories));
        var text = File.ReadAllText(file);
        Assert.Contains($"lang: \"{written}\"\n", text, StringComparison.Ordinal);
        Assert.Contains("section: \"Trabajo\"\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_site_of_one_language_its_own_language_is_left_unsaid_and_another_is_written_as_the_build_takes_it()
    {
        var (english, _, englishError) = await New("Bus drivers walk out", "--lang", "en", "--author", "Ana Ruiz");
        var (french, _, frenchError) = await New("Grève des chauffeurs", "--lang", "fr", "--author", "Ana Ruiz");

        Assert.True(english == 0, englishError);
        Assert.True(french == 0, frenchError);
        var articles = Path.Combine(_input.Path, "articles");
        Assert.DoesNotContain("lang:", File.ReadAllText(Directory.EnumerateFiles(articles, "bus-drivers-walk-out.md", SearchOption.AllDirectories).Single()), StringComparison.Ordinal);
        Assert.Contains("lang: \"fr\"\n", File.ReadAllText(Directory.EnumerateFiles(articles, "grève-des-chauffeurs.md", SearchOption.AllDirectories).Single()), StringComparison.Ordinal);

        // A site in one language publishes an article in any language, marked as written in it.
        Assert.Contains(BuiltWithDrafts(_input.Path).Files, f => f.EndsWith("/grève-des-chauffeurs/index.html", StringComparison.Ordinal));
    }

    // The site of input built with its drafts, after asserting that the build found no error.
    private SiteOutput BuiltWithDrafts(string input)
    {
        var result = Builder.Build(new BuildOptions
        {
            InputFolder = input,
            ThemeFolder = RepositoryPaths.Theme,
            OutputFolder = _output.Path,
            IncludeDrafts = true,
        });
        Assert.Empty(result.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
        return new SiteOutput(_output.Path);
    }

    private static TemporaryFolder Copy(string fixture)
    {
        var folder = new TemporaryFolder();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Fixture(fixture), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder.Path, Path.GetRelativePath(RepositoryPaths.Fixture(fixture), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return folder;
    }

    private static async Task<(int Exit, string Output, string Error)> NewIn(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CommandLine.RunAsync(["new", .. args, "--input", input], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private Task<(int Exit, string Output, string Error)> New(params string[] args) => NewIn(_input.Path, args);
}
