using System.Text.Json;
using Broadside.Build;
using Broadside.Search;
using Broadside.Tests.Build;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Search;

public sealed class PagefindIndexerTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public void Looks_in_node_modules_of_each_start_folder_and_the_folders_above_then_on_PATH()
    {
        var start = _folder.Combine("repo", "input");
        var path = string.Join(Path.PathSeparator, _folder.Combine("bin-a"), _folder.Combine("bin-b"));

        var candidates = PagefindIndexer.Candidates([start], path).ToList();

        Assert.Equal(_folder.Combine("repo", "input", "node_modules", ".bin", "pagefind"), candidates[0]);
        Assert.Equal(_folder.Combine("repo", "node_modules", ".bin", "pagefind"), candidates[1]);
        Assert.True(
            candidates.IndexOf(_folder.Combine("repo", "node_modules", ".bin", "pagefind")) < candidates.IndexOf(_folder.Combine("bin-a", "pagefind")),
            "node_modules comes before PATH.");
        Assert.Equal([_folder.Combine("bin-a", "pagefind"), _folder.Combine("bin-a", "pagefind_extended"), _folder.Combine("bin-b", "pagefind"), _folder.Combine("bin-b", "pagefind_extended")], candidates[^4..]);
    }

    [Fact]
    public void When_Pagefind_is_nowhere_the_reason_says_how_to_install_it()
    {
        var found = PagefindIndexer.TryLocate([_folder.Path], _folder.Combine("empty"), out var indexer, out var reason);

        Assert.False(found);
        Assert.Null(indexer);
        Assert.Contains("npm ci", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Finds_Pagefind_in_node_modules_above_the_start_folder_and_reads_its_version()
    {
        using var fake = new FakePagefind("exit 0");
        var input = Path.Combine(fake.Folder, "input");
        Directory.CreateDirectory(input);

        Assert.True(PagefindIndexer.TryLocate([input], null, out var indexer, out var reason), reason);
        Assert.Equal(fake.Program, indexer.Command);
        Assert.Equal("9.9.9", indexer.Version);
    }

    [Fact]
    public void A_program_that_does_not_run_as_Pagefind_is_not_taken()
    {
        using var fake = new FakePagefind("exit 0", version: "command not found");

        Assert.False(PagefindIndexer.TryLocate([fake.Folder], null, out _, out var reason));
        Assert.Contains("did not run", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Indexes_the_site_folder_in_the_given_language_and_reads_the_report()
    {
        using var fake = new FakePagefind("""
            echo "Indexed 1 language"
            echo "Indexed 21 pages"
            echo "Indexed 4 filters"
            """);
        Assert.True(PagefindIndexer.TryLocate([fake.Folder], null, out var indexer, out _));

        var result = indexer.Index(_folder.Path, "es");

        Assert.Equal(new SearchIndexResult(true, 21, 4, string.Empty), result);
        Assert.Equal(["--site", _folder.Path, "--output-path", Staging, "--force-language", "es"], fake.Arguments);
    }

    [Fact]
    public void The_new_bundle_replaces_the_last_one_whole_so_none_of_its_files_stay_behind()
    {
        Directory.CreateDirectory(_folder.Combine("pagefind", "fragment"));
        File.WriteAllText(_folder.Combine("pagefind", "fragment", "en_0ld.pf_fragment"), "an earlier index");
        File.WriteAllText(_folder.Combine("pagefind", "pagefind-entry.json"), "{}");
        using var fake = new FakePagefind("""
            mkdir -p "$4/fragment" && echo new > "$4/fragment/en_new.pf_fragment" && echo '{"v":2}' > "$4/pagefind-entry.json"
            echo "Indexed 2 pages"
            """);
        Assert.True(PagefindIndexer.TryLocate([fake.Folder], null, out var indexer, out _));

        var result = indexer.Index(_folder.Path, null);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(["fragment/en_new.pf_fragment", "pagefind-entry.json"], Directory.EnumerateFiles(_folder.Combine("pagefind"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_folder.Combine("pagefind"), f).Replace('\\', '/')).Order(StringComparer.Ordinal));
        Assert.False(Directory.Exists(Staging));
        Assert.False(Directory.Exists(Staging + "-old"));
    }

    [Fact]
    public void A_failed_run_leaves_the_last_bundle_as_it_was_and_nothing_beside_the_site()
    {
        Directory.CreateDirectory(_folder.Combine("pagefind"));
        File.WriteAllText(_folder.Combine("pagefind", "pagefind-entry.json"), "the last index");
        using var fake = new FakePagefind("""
            mkdir -p "$4" && echo half > "$4/pagefind-entry.json"
            exit 1
            """);
        Assert.True(PagefindIndexer.TryLocate([fake.Folder], null, out var indexer, out _));

        Assert.False(indexer.Index(_folder.Path, null).Succeeded);

        Assert.Equal("the last index", File.ReadAllText(_folder.Combine("pagefind", "pagefind-entry.json")));
        Assert.False(Directory.Exists(Staging));
    }

    private string Staging => Path.Combine(Path.GetDirectoryName(_folder.Path)!, $".{Path.GetFileName(_folder.Path)}.broadside-search");

    [Fact]
    public void A_failed_run_is_reported_with_the_exit_code_and_Pagefind_s_error()
    {
        using var fake = new FakePagefind("""
            echo "Error: Failed to read the site folder" >&2
            exit 3
            """);
        Assert.True(PagefindIndexer.TryLocate([fake.Folder], null, out var indexer, out _));

        var result = indexer.Index(_folder.Path, null);

        Assert.False(result.Succeeded);
        Assert.Contains("exited with code 3", result.Message, StringComparison.Ordinal);
        Assert.Contains("Failed to read the site folder", result.Message, StringComparison.Ordinal);
        Assert.Equal(["--site", _folder.Path, "--output-path", Staging], fake.Arguments);
    }

    [ToolFact(Tool.Pagefind)]
    public void Pagefind_indexes_every_article_and_page_of_the_sample_with_four_filters_and_its_bundle_survives_the_next_build()
    {
        QualityTools.Require(Tool.Pagefind);
        var options = SampleSiteFixture.OptionsFor(_folder.Path) with { Search = true };
        Assert.True(Builder.Build(options).Succeeded);
        var content = PublicationContent.Read(RepositoryPaths.Input, SampleSiteFixture.Now);

        var result = QualityTools.Pagefind!.Index(_folder.Path, "en");

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(content.Published.Count() + content.Pages.Count, result.Pages);
        Assert.Equal(4, result.Filters);
        using (var entry = JsonDocument.Parse(File.ReadAllText(_folder.Combine("pagefind", "pagefind-entry.json"))))
        {
            var language = Assert.Single(entry.RootElement.GetProperty("languages").EnumerateObject());
            Assert.Equal("en", language.Name);
        }

        // The next build neither deletes the bundle (Broadside did not write it) nor lists it in the sitemap.
        var bundle = new SiteOutput(_folder.Path).Files.Where(f => f.StartsWith("pagefind/", StringComparison.Ordinal)).ToList();
        Assert.Contains("pagefind/pagefind-ui.js", bundle);
        Assert.True(Builder.Build(options with { Search = false }).Succeeded);
        Assert.All(bundle, file => Assert.True(File.Exists(_folder.Combine(file)), $"{file} was deleted by the next build."));
        Assert.DoesNotContain("/pagefind/", File.ReadAllText(_folder.Combine("sitemap.xml")), StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
