using System.CommandLine;
using Broadside.Cli.Commands;
using Broadside.Search;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Cli;

/// <summary><c>broadside build --search</c>, with Pagefind missing, failing, or a stand-in that works.</summary>
public sealed class BuildCommandTests : IDisposable
{
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
    public async Task With_Pagefind_the_built_site_is_indexed_in_the_sites_language_and_the_result_reported()
    {
        using var fake = new FakePagefind("""
            echo "Indexed 21 pages"
            echo "Indexed 4 filters"
            """);

        var run = await Run(_ => Locate(fake));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(Lines(run.Output), l => l.StartsWith("Indexed 21 pages for search with Pagefind 9.9.9 into ", StringComparison.Ordinal) && l.EndsWith("(4 filters).", StringComparison.Ordinal));
        Assert.Equal(["--site", _output.Path, "--force-language", "en"], fake.Arguments);
        Assert.True(File.Exists(_output.Combine("search", "index.html")));
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

    public void Dispose() => _output.Dispose();

    private static (PagefindIndexer? Indexer, string Reason) Locate(FakePagefind fake) =>
        PagefindIndexer.TryLocate([fake.Folder], null, out var indexer, out var reason) ? (indexer, string.Empty) : (null, reason);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private async Task<(int ExitCode, string Output, string Error)> Run(Func<string, (PagefindIndexer? Indexer, string Reason)> locate, bool search = true)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { BuildCommand.Create(output, error, locate) };
        string[] args = ["build", "--input", RepositoryPaths.Input, "--theme", RepositoryPaths.Theme, "--output", _output.Path];
        var parsed = root.Parse(search ? [.. args, "--search"] : args);
        var exit = await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
