using System.CommandLine;
using Broadside.Build;
using Broadside.Cli.Commands;
using Broadside.Search;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Cli;

/// <summary>
/// <c>broadside build</c>: with the article cache it keeps beside the output folder or without it, and
/// <c>--search</c> with Pagefind missing, failing, or a stand-in that works.
/// </summary>
public sealed class BuildCommandTests : IDisposable
{
    private static readonly Func<string, (PagefindIndexer? Indexer, string Reason)> NotLookedFor = _ => (null, "not looked for");

    private readonly TemporaryFolder _output = new();

    [Fact]
    public async Task Without_Pagefind_the_build_succeeds_and_says_in_one_line_why_search_is_off()
    {
        var run = await Run(_ => (null, "Pagefind is not installed (run `npm ci`)"));

        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(Lines(run.Output), l => l.StartsWith("Search is off", StringComparison.Ordinal));
        Assert.Equal("Search is off: Pagefind is not installed (run `npm ci`).", line);
        Assert.False(File.Exists(_output.Combine("search", "index.html")));
        Assert.True(File.Exists(_output.Combine("index.html")));
    }

    [Fact]
    public async Task With_Pagefind_a_site_in_several_languages_is_indexed_a_language_apart_and_the_result_reported()
    {
        using var fake = new FakePagefind("""
            echo "Indexed 21 pages"
            echo "Indexed 4 filters"
            """);

        var run = await Run(_ => Locate(fake));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(Lines(run.Output), l => l.StartsWith("Indexed 21 pages for search with Pagefind 9.9.9 into ", StringComparison.Ordinal) && l.EndsWith("(4 filters).", StringComparison.Ordinal));
        Assert.Equal(["--site", _output.Path, "--output-path", SearchStaging], fake.Arguments);
        Assert.True(File.Exists(_output.Combine("search", "index.html")));
        Assert.True(File.Exists(_output.Combine("es", "search", "index.html")));
    }

    [Fact]
    public async Task With_Pagefind_a_site_in_one_language_is_indexed_in_it_whatever_each_article_says()
    {
        using var fake = new FakePagefind("""
            echo "Indexed 3 pages"
            echo "Indexed 0 filters"
            """);

        var run = await Run(_ => Locate(fake), input: RepositoryPaths.Fixture("minimal"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["--site", _output.Path, "--output-path", SearchStaging, "--force-language", "en"], fake.Arguments);
    }

    [Fact]
    public async Task A_failed_index_fails_the_command_with_Pagefinds_reason()
    {
        using var fake = new FakePagefind("""
            echo "Error: out of disk space" >&2
            exit 2
            """);

        var run = await Run(_ => Locate(fake));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Search indexing failed: Pagefind exited with code 2: Error: out of disk space", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_search_Pagefind_is_not_looked_for()
    {
        var looked = false;

        var run = await Run(
            _ =>
            {
                looked = true;
                return (null, "not here");
            },
            search: false);

        Assert.Equal(0, run.ExitCode);
        Assert.False(looked);
        Assert.DoesNotContain("Search", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_build_takes_its_articles_from_the_cache_beside_the_output_folder()
    {
        var first = await Run(NotLookedFor, search: false, more: "--verbose");
        var second = await Run(NotLookedFor, search: false, more: "--verbose");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Single(Lines(first.Output), l => l.StartsWith("Built ", StringComparison.Ordinal));
        Assert.Single(Lines(second.Output), l => l.StartsWith("Built ", StringComparison.Ordinal));
        Assert.NotEmpty(Directory.GetFiles(BuildOptions.DefaultCacheFolder(_output.Path)));
        Assert.Single(Lines(first.Output), l => l.StartsWith("0 articles taken from the cache in ", StringComparison.Ordinal));
        var reused = Assert.Single(Lines(second.Output), l => l.Contains(" taken from the cache in ", StringComparison.Ordinal));
        Assert.Matches("^[1-9][0-9]* articles ", reused);
    }

    [Fact]
    public async Task A_build_with_no_cache_succeeds_and_keeps_no_cache()
    {
        var run = await Run(NotLookedFor, search: false, more: "--no-cache");

        Assert.Equal(0, run.ExitCode);
        Assert.Single(Lines(run.Output), l => l.StartsWith("Built ", StringComparison.Ordinal));
        Assert.True(File.Exists(_output.Combine("index.html")));
        Assert.False(Directory.Exists(BuildOptions.DefaultCacheFolder(_output.Path)));
    }

    public void Dispose() => _output.Dispose();


    private static (PagefindIndexer? Indexer, string Reason) Locate(FakePagefind fake) =>
        PagefindIndexer.TryLocate([fake.Folder], null, out var indexer, out var reason) ? (indexer, string.Empty) : (null, reason);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public void Without_Decap_CMS_the_build_succeeds_without_the_web_editor_and_says_so_once()
    {
        // A folder with no node_modules above it: Decap CMS is not installed there.
        using var work = new TemporaryFolder();
        TemporaryFolder.CopyFolder(RepositoryPaths.Fixture("editor"), work.Combine("input"));

        var run = CommandRun.Run(work.Path, "build", "--input", "input", "--theme", RepositoryPaths.Theme, "--output", "out");

        Assert.True(run.Exit == 0, run.Output + run.Error);
        var line = Assert.Single(Lines(run.Output), l => l.Contains("web editor", StringComparison.Ordinal));
        Assert.Equal("The web editor is off: site.yml has an editor block, but Decap CMS is not installed (run `npm ci` in the repository to install Decap CMS from package.json); the site is built without /admin/.", line);
        Assert.False(Directory.Exists(work.Combine("out", "admin")));
    }

    private async Task<(int ExitCode, string Output, string Error)> Run(Func<string, (PagefindIndexer? Indexer, string Reason)> locate, bool search = true, string? input = null, params string[] more)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { BuildCommand.Create(output, error, locate) };
        string[] args = ["build", "--input", input ?? RepositoryPaths.Input, "--theme", RepositoryPaths.Theme, "--output", _output.Path];
        var parsed = root.Parse(search ? [.. args, .. more, "--search"] : [.. args, .. more]);
        var exit = await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    // Where Pagefind writes the new bundle before it replaces the last one.
    private string SearchStaging => Path.Combine(Path.GetDirectoryName(_output.Path)!, $".{Path.GetFileName(_output.Path)}.broadside-search");
}
