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

    [Fact]
    public async Task A_language_the_site_does_not_publish_is_refused_with_the_ones_it_does()
    {
        using var input = Copy("languages");
        var (exit, _, error) = await NewIn(input.Path, "Streik der Fahrer", "--lang", "de", "--author", "Ana Ruiz");
        var (single, _, singleError) = await New("Huelga de conductores", "--lang", "es", "--author", "Ana Ruiz");

        Assert.Equal(1, exit);
        Assert.Contains("'de' is not a language of site.yml, which lists en, es, ar", error, StringComparison.Ordinal);
        Assert.Equal(1, single);
        Assert.Contains("site.yml publishes in en only", singleError, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(input.Path, "articles"), "streik*", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_input.Path, "articles"), "huelga*", SearchOption.AllDirectories));
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
