using Broadside.Build;
using Broadside.Caching;
using Broadside.Diagnostics;
using Broadside.Tests.TestSupport;
using static Broadside.Tests.TestSupport.SameBuild;

namespace Broadside.Tests.Build;

/// <summary>
/// Builds of the sample publication that keep their articles in an <see cref="ArticleCache"/>. Whatever
/// changed since the last build, a build with the cache must write exactly what a build without it
/// writes into an empty folder, and report the same problems.
/// </summary>
public sealed class ArticleCacheBuildTests : IDisposable
{
    private const string Article = "articles/2025/2025-01-18-bus-drivers-walk-out-at-three-depots.md";
    private const string Body = "---\n\nAt 5:10 on Thursday morning";

    // Files checked out long before the build: their times are trusted (a file modified just before a
    // build is read again by the next one, whatever its time says).
    private static readonly DateTime CheckedOut = new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);

    private readonly TemporaryFolder _work = new();

    public ArticleCacheBuildTests()
    {
        TemporaryFolder.CopyFolder(RepositoryPaths.Input, _work.Combine("input"));
        TemporaryFolder.CopyFolder(RepositoryPaths.Theme, _work.Combine("theme"));
        foreach (var file in Directory.EnumerateFiles(_work.Combine("input"), "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, CheckedOut);
        }
    }

    public static TheoryData<string, string, string?, int?> Changes => new()
    {
        // The file changed, the text replaced, its replacement (appended when the text is empty; the
        // file deleted when null), and how many articles are parsed again (null: every one).
        { Article, "At 5:10 on Thursday morning", "At ten past five on Thursday morning", 1 },
        { Article, "title: \"Bus drivers walk out", "title: \"Bus drivers strike", 1 },
        { Article, "tags: [transit, strikes, unions]", "tags: [transit, Strikes, unions, wildcat]", 1 },
        { Article, "  - \"Hire 500 drivers now!\"\n", string.Empty, 1 },
        { Article, "date: 2025-01-18", "date: 2026-11-23", 1 },
        { Article, "demands:", "draft: true\ndemands:", 0 },
        { Article, string.Empty, null, 0 },
        { "articles/2026/2026-11-22-bakers-join-the-picket.md", string.Empty, "---\ntitle: \"Bakers join the picket\"\nauthor: Keisha Dunbar\nsection: Labor\ndate: 2026-11-22\ntags: [strikes]\n---\n\nThe bakers came at six, with bread.\n", 1 },
        { "authors.yml", "now covers transit and labor", "now covers transit, labor and housing", 0 },
        { "demands.yml", "text: \"Rent control now!\"", "text: \"Rent control, now!\"", 0 },
        { "site.yml", "title: \"The Commons Dispatch\"", "title: \"The Commons Dispatch Weekly\"", null },
        { "site.yml", "time_zone: America/Chicago", "time_zone: Pacific/Kiritimati", null },
    };

    public static TheoryData<string, string, string> Problems => new()
    {
        // A change that makes the article report a problem when parsed or rendered, and the problem's code.
        { Body, "---\n\n# A heading of level one\n\nAt 5:10 on Thursday morning", DiagnosticCodes.HeadingLevelOne },
        { "section: Labor\n", "section: Labor\nsubtitel: \"A key no one declared\"\n", DiagnosticCodes.UnknownKey },
        { Body, "---\n\n<script>alert(1)</script>\n\nAt 5:10 on Thursday morning", DiagnosticCodes.ActiveContent },
    };

    public void Dispose() => _work.Dispose();

    [Fact]
    public void A_second_build_takes_every_article_from_the_cache_and_writes_the_same_site()
    {
        var first = Build("out");
        Assert.True(first.Succeeded, string.Join('\n', first.Diagnostics));
        Assert.Equal(0, first.ArticlesReused);
        var written = new SiteOutput(_work.Combine("out")).Snapshot();

        var second = Build("out");

        Assert.True(second.Succeeded, string.Join('\n', second.Diagnostics));
        Assert.Equal(Published(first), second.ArticlesReused);
        Assert.Equal(Lines(first), Lines(second));
        AssertSameFiles(written, new SiteOutput(_work.Combine("out")).Snapshot());
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void After_a_change_a_build_with_the_cache_equals_a_build_without_it(string file, string find, string? replace, int? parsedAgain)
    {
        Assert.True(Build("out").Succeeded);
        Change(file, find, replace);

        var fresh = Build("fresh", cache: false);
        var changed = Build("out");
        var afterChange = new SiteOutput(_work.Combine("out")).Snapshot();
        var again = Build("out");

        Assert.True(fresh.Succeeded, string.Join('\n', fresh.Diagnostics));
        var expected = new SiteOutput(_work.Combine("fresh")).Snapshot();
        AssertSameFiles(expected, afterChange);
        AssertSameFiles(expected, new SiteOutput(_work.Combine("out")).Snapshot());
        Assert.Equal(Lines(fresh), Lines(changed));
        Assert.Equal(Lines(fresh), Lines(again));
        var published = Published(fresh);
        Assert.Equal(published - (parsedAgain ?? published), changed.ArticlesReused);
        Assert.Equal(published, again.ArticlesReused);
    }

    [Theory]
    [MemberData(nameof(Problems))]
    public void An_article_taken_from_the_cache_reports_its_problems_again(string find, string replace, string code)
    {
        Assert.True(Build("out").Succeeded);
        Change(Article, find, replace);

        var fresh = Build("fresh", cache: false);
        var changed = Build("out");
        var again = Build("out");

        Assert.Contains(fresh.Diagnostics, d => d.Code == code && d.File == "input/" + Article);
        Assert.Equal(Lines(fresh), Lines(changed));
        Assert.Equal(Lines(fresh), Lines(again));
        Assert.Equal(fresh.Succeeded, changed.Succeeded);
        Assert.Equal(fresh.Succeeded, again.Succeeded);
        Assert.Equal(Published(fresh), again.ArticlesReused);
        if (fresh.Succeeded)
        {
            AssertSameFiles(new SiteOutput(_work.Combine("fresh")).Snapshot(), new SiteOutput(_work.Combine("out")).Snapshot());
        }
    }

    [Fact]
    public void A_failed_build_keeps_the_other_articles_for_the_build_after_the_fix()
    {
        Assert.True(Build("out").Succeeded);
        Change(Article, "date: 2025-01-18", "date: not a date");

        var failed = Build("out");
        Change(Article, "date: not a date", "date: 2025-01-18");
        var fixedBuild = Build("out");

        Assert.False(failed.Succeeded);
        Assert.Equal(Published(fixedBuild) - 1, failed.ArticlesReused);
        Assert.True(fixedBuild.Succeeded, string.Join('\n', fixedBuild.Diagnostics));
        Assert.Equal(Published(fixedBuild) - 1, fixedBuild.ArticlesReused);
    }

    [Fact]
    public void A_touched_file_is_read_and_taken_from_the_cache_by_its_hash()
    {
        Assert.True(Build("out").Succeeded);
        var before = new SiteOutput(_work.Combine("out")).Snapshot();
        File.SetLastWriteTimeUtc(_work.Combine("input", Article), CheckedOut.AddDays(1));

        var touched = Build("out");
        var after = Build("out");

        Assert.True(touched.Succeeded);
        Assert.Equal(Published(touched), touched.ArticlesReused);
        Assert.Equal(Published(after), after.ArticlesReused);
        Assert.Equal(0, touched.FilesWritten);
        AssertSameFiles(before, new SiteOutput(_work.Combine("out")).Snapshot());
    }

    [Fact]
    public void A_fresh_checkout_where_every_file_is_new_is_read_and_taken_from_the_cache()
    {
        Assert.True(Build("out").Succeeded);
        var before = new SiteOutput(_work.Combine("out")).Snapshot();
        foreach (var file in Directory.EnumerateFiles(_work.Combine("input", "articles"), "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow);
        }

        var second = Build("out");

        Assert.True(second.Succeeded);
        Assert.Equal(Published(second), second.ArticlesReused);
        AssertSameFiles(before, new SiteOutput(_work.Combine("out")).Snapshot());
    }

    [Theory]
    [InlineData("The piece, as first written.", "The piece, as rewritten at length.")]
    [InlineData("The piece, as first written.", "The piece, as later written.")]
    public void An_article_that_is_a_link_is_read_again_when_the_file_it_leads_to_changes(string before, string after)
    {
        var target = _work.Combine("input", "shared", "piece.md");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, $"---\ntitle: \"A shared piece\"\nauthor: Keisha Dunbar\nsection: Labor\ndate: 2026-11-21\n---\n\n{before}\n");
        File.SetLastWriteTimeUtc(target, CheckedOut);
        File.CreateSymbolicLink(_work.Combine("input", "articles", "2026", "2026-11-21-shared.md"), Path.Combine("..", "..", "shared", "piece.md"));
        Assert.True(Build("out").Succeeded);

        File.WriteAllText(target, File.ReadAllText(target).Replace(before, after, StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(target, CheckedOut.AddDays(1));
        var changed = Build("out");
        var fresh = Build("fresh", cache: false);

        Assert.True(changed.Succeeded, string.Join('\n', changed.Diagnostics));
        Assert.Equal(Published(fresh) - 1, changed.ArticlesReused);
        AssertSameFiles(new SiteOutput(_work.Combine("fresh")).Snapshot(), new SiteOutput(_work.Combine("out")).Snapshot());
    }

    [Fact]
    public void A_build_from_another_working_folder_uses_the_cache_and_names_files_from_there()
    {
        Change(Article, Body, "---\n\n# A heading of level one\n\nAt 5:10 on Thursday morning");
        Assert.True(Build("out").Succeeded);

        var elsewhere = Build("out", displayRoot: _work.Combine("input"));

        Assert.Equal(Published(elsewhere), elsewhere.ArticlesReused);
        var heading = Assert.Single(elsewhere.Diagnostics, d => d.Code == DiagnosticCodes.HeadingLevelOne);
        Assert.Equal(Article, heading.File);
    }

    [Theory]
    [InlineData("input/" + Article, "")]
    [InlineData("theme/layouts/base.liquid", "</footer>")]
    public void A_cache_with_damaged_bodies_is_made_afresh(string file, string find)
    {
        Assert.True(Build("out").Succeeded);
        foreach (var shard in Directory.GetFiles(_work.Combine("cache")).Where(shard => new FileInfo(shard).Length > 64))
        {
            var bytes = File.ReadAllBytes(shard);
            bytes[^1] ^= 0x20;
            File.WriteAllBytes(shard, bytes);
        }

        // A touched article: its file of the cache is written again, copying the bodies beside it. A
        // changed theme: every page is made again, with the bodies it shows.
        var path = _work.Combine(file);
        if (find.Length > 0)
        {
            File.WriteAllText(path, File.ReadAllText(path).Replace(find, find + "<!-- changed -->", StringComparison.Ordinal));
        }

        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-10));
        var damaged = Build("out");
        var afterwards = Build("out");
        var next = Build("out");
        var fresh = Build("fresh", cache: false);

        Assert.All(damaged.Diagnostics, d => Assert.Contains("damaged", d.Message, StringComparison.Ordinal));
        Assert.True(afterwards.Succeeded, string.Join('\n', afterwards.Diagnostics));
        Assert.Equal(Published(next), next.ArticlesReused);
        AssertSameFiles(new SiteOutput(_work.Combine("fresh")).Snapshot(), new SiteOutput(_work.Combine("out")).Snapshot());
    }

    [Fact]
    public void A_cache_that_cannot_be_written_is_a_warning_and_the_site_is_built()
    {
        File.WriteAllText(_work.Combine("cache"), "a file where the cache folder would be");

        var result = Build("out");

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var warning = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.CacheUnwritable);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("cache", warning.File);
        Assert.True(File.Exists(_work.Combine("out", "index.html")));
    }

    [Fact]
    public void A_cache_file_that_cannot_be_replaced_is_a_warning_and_the_site_is_built()
    {
        Directory.CreateDirectory(_work.Combine("cache"));
        for (var shard = 0; shard < ArticleCache.ShardCount; shard++)
        {
            // A folder where the new file would be written, which no one, not even root, can write to.
            Directory.CreateDirectory(_work.Combine("cache", $"articles-{shard:D2}.bin.tmp"));
        }

        var result = Build("out");

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.CacheUnwritable);
        Assert.True(File.Exists(_work.Combine("out", "index.html")));
    }

    [Fact]
    public void A_check_neither_reads_nor_writes_the_cache()
    {
        var result = Builder.Build(Options("out", cache: true) with { CheckOnly = true });

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Equal(0, result.ArticlesReused);
        Assert.False(Directory.Exists(_work.Combine("cache")));
    }

    private static int Published(BuildResult result) =>
        result.Documents - Directory.GetFiles(Path.Combine(RepositoryPaths.Input, "pages"), "*.md").Length;

    private void Change(string file, string find, string? replace)
    {
        var path = _work.Combine("input", file);
        if (replace is null)
        {
            File.Delete(path);
            return;
        }

        var text = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(path, find.Length == 0 ? text + replace : text.Replace(find, replace, StringComparison.Ordinal));
    }

    private BuildOptions Options(string output, bool cache, string? displayRoot = null) => SampleSiteFixture.OptionsFor(_work.Combine(output)) with
    {
        InputFolder = _work.Combine("input"),
        ThemeFolder = _work.Combine("theme"),
        CacheFolder = cache ? _work.Combine("cache") : null,
        DisplayRoot = displayRoot ?? _work.Path,
    };

    private BuildResult Build(string output, bool cache = true, string? displayRoot = null) => Builder.Build(Options(output, cache, displayRoot));
}
