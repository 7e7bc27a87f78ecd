using Broadside.Build;
using Broadside.Diagnostics;
using Broadside.Output;
using Broadside.Tests.TestSupport;
using static Broadside.Tests.TestSupport.SameBuild;

namespace Broadside.Tests.Build;

/// <summary>
/// Builds of the sample publication with the article cache, after which the next build starts from the
/// state the last one saved (<see cref="StoredEdit"/>): it must write exactly what a build from nothing
/// writes and report the same problems, start from the state when only articles changed, and be a full
/// build whenever anything else did.
/// </summary>
public sealed class StoredEditTests : IDisposable
{
    private const string Article = "articles/2025/2025-01-18-bus-drivers-walk-out-at-three-depots.md";
    private const string Body = "At 5:10 on Thursday morning";

    // Files checked out long before the build: their times are trusted.
    private static readonly DateTime CheckedOut = new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);

    private readonly TemporaryFolder _work = new();

    public StoredEditTests()
    {
        TemporaryFolder.CopyFolder(RepositoryPaths.Input, _work.Combine("input"));
        TemporaryFolder.CopyFolder(RepositoryPaths.Theme, _work.Combine("theme"));
        foreach (var file in Directory.EnumerateFiles(_work.Path, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, CheckedOut);
        }
    }

    public static TheoryData<string, string, string?> ArticleChanges => new()
    {
        // The file changed, the text replaced, its replacement (appended when the text is empty; the
        // file deleted when null).
        { Article, Body, "At ten past five on Thursday morning" },
        { Article, "title: \"Bus drivers walk out", "title: \"Bus drivers strike" },
        { Article, "tags: [transit, strikes, unions]", "tags: [transit, Strikes, unions, wildcat]" },
        { Article, "  - \"Hire 500 drivers now!\"\n", string.Empty },
        { Article, "date: 2025-01-18", "date: 2025-01-19" },
        { Article, "section: Labor", "section: Housing" },
        { Article, string.Empty, null },
        { "articles/2026/2026-11-22-bakers-join-the-picket.md", string.Empty, "---\ntitle: \"Bakers join the picket\"\nauthor: Keisha Dunbar\nsection: Labor\ndate: 2026-11-22\ntags: [strikes]\ndemands:\n  - \"Hire 500 drivers now!\"\n---\n\nThe bakers came at six, with bread.\n" },
    };

    public static TheoryData<string, string, string, string?> OtherChanges => new()
    {
        // A file besides the articles, the text replaced (appended when empty), its replacement, and
        // why the build is a full one (null: it is not).
        { "input/site.yml", "title: \"The Commons Dispatch\"", "title: \"The Commons Dispatch Weekly\"", "Broadside, site.yml or --base-url changed" },
        { "input/authors.yml", "now covers transit and labor", "now covers transit, labor and housing", "authors.yml changed" },
        { "theme/layouts/base.liquid", string.Empty, "<!-- changed -->\n", "the theme changed" },
        { "input/pages/about.md", string.Empty, "\nA sentence added to the page.\n", null },
        { "input/media/2025/new-picture.svg", string.Empty, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", null },
    };

    public void Dispose() => _work.Dispose();

    [Theory]
    [MemberData(nameof(ArticleChanges))]
    public void After_an_article_changes_the_build_starts_from_the_last_one_and_equals_a_build_from_nothing(string file, string find, string? replace)
    {
        Assert.True(Build().Succeeded);
        Change("input/" + file, find, replace);

        var edited = Build();
        var fresh = Build("fresh", cache: false);
        var again = Build();

        Assert.True(edited.Succeeded, string.Join('\n', edited.Diagnostics));
        Assert.True(edited.Edited, "the build should have started from the last one's state");
        Assert.InRange(edited.FilesWritten, 1, fresh.FilesWritten / 2);
        Assert.Equal(Lines(fresh), Lines(edited));
        Assert.Equal(fresh.Documents, edited.Documents);
        AssertSameFiles(Snapshot("fresh"), Snapshot("out"));
        Assert.True(again.Edited);
        Assert.Equal(0, again.FilesWritten);
        Assert.Equal(Lines(fresh), Lines(again));
    }

    [Fact]
    public void Edits_one_after_another_each_start_from_the_state_the_last_left()
    {
        Assert.True(Build().Succeeded);
        var steps = new (string Find, string Replace)[]
        {
            (Body, "At ten past five on Thursday morning"),
            ("tags: [transit, strikes, unions]", "tags: [transit, unions]"),
            ("title: \"Bus drivers walk out", "title: \"Bus drivers strike"),
            ("tags: [transit, unions]", "tags: [transit, strikes, unions, depots]"),
        };

        foreach (var (find, replace) in steps)
        {
            Change("input/" + Article, find, replace);
            var edited = Build();
            var fresh = Build("fresh", cache: false);

            Assert.True(edited.Edited, $"after '{replace}'");
            Assert.Equal(Lines(fresh), Lines(edited));
            AssertSameFiles(Snapshot("fresh"), Snapshot("out"));
            Directory.Delete(_work.Combine("fresh"), recursive: true);
        }
    }

    [Fact]
    public void A_build_with_nothing_changed_writes_nothing_and_reports_the_last_builds_warnings()
    {
        Change("input/" + Article, Body, "# A heading of level one\n\n" + Body);
        File.SetLastWriteTimeUtc(_work.Combine("input", Article), CheckedOut.AddDays(1));
        var first = Build();
        Assert.True(first.Succeeded, string.Join('\n', first.Diagnostics));
        Assert.Contains(first.Diagnostics, d => d.Code == DiagnosticCodes.HeadingLevelOne);
        var written = Snapshot("out");
        var times = Directory.EnumerateFiles(_work.Combine("out"), "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var saved = File.GetLastWriteTimeUtc(_work.Combine("cache", DiskStateStore.FileName));

        var second = Build();

        Assert.True(second.Succeeded);
        Assert.True(second.Edited);
        Assert.Equal(saved, File.GetLastWriteTimeUtc(_work.Combine("cache", DiskStateStore.FileName)));
        Assert.Equal(0, second.FilesWritten);
        Assert.Equal(first.FilesProduced, second.FilesProduced);
        Assert.Equal(first.Documents, second.Documents);
        Assert.Equal(Lines(first), Lines(second));
        AssertSameFiles(written, Snapshot("out"));
        Assert.All(times, file => Assert.Equal(file.Value, File.GetLastWriteTimeUtc(file.Key)));
    }

    [Theory]
    [MemberData(nameof(OtherChanges))]
    public void A_change_to_what_every_page_depends_on_is_a_full_build_that_says_why(string file, string find, string replace, string? why)
    {
        Assert.True(Build().Succeeded);
        Change(file, find, replace);
        File.SetLastWriteTimeUtc(_work.Combine(file), CheckedOut.AddDays(1));

        var changed = Build();
        var fresh = Build("fresh", cache: false);
        var again = Build();

        Assert.Equal(why is null, changed.Edited);
        Assert.Equal(why, changed.Full?.ToString());
        Assert.True(changed.Succeeded, string.Join('\n', changed.Diagnostics));
        AssertSameFiles(Snapshot("fresh"), Snapshot("out"));
        Assert.True(again.Edited, "the full build should have saved a state for the next one");
    }

    [Theory]
    [InlineData("deleted")]
    [InlineData("changed")]
    public void A_published_file_changed_by_hand_is_made_again_by_a_full_build(string how)
    {
        Assert.True(Build().Succeeded);
        var page = _work.Combine("out", "index.html");
        if (how == "deleted")
        {
            File.Delete(page);
        }
        else
        {
            File.AppendAllText(page, "<!-- edited by hand -->");
        }

        Change("input/" + Article, Body, "At ten past five on Thursday morning");
        var result = Build();
        Build("fresh", cache: false);

        Assert.False(result.Edited);
        AssertSameFiles(Snapshot("fresh"), Snapshot("out"));
    }

    [Theory]
    [InlineData("damaged")]
    [InlineData("manifest")]
    [InlineData("options")]
    [InlineData("deleted")]
    public void A_state_that_does_not_describe_the_site_is_not_used(string how)
    {
        Assert.True(Build().Succeeded);
        var state = _work.Combine("cache", DiskStateStore.FileName);
        Assert.True(File.Exists(state));
        switch (how)
        {
            case "damaged":
                var bytes = File.ReadAllBytes(state);
                bytes[bytes.Length / 2] ^= 0x01;
                File.WriteAllBytes(state, bytes);
                break;
            case "manifest":
                // Another build wrote the site since (without the cache).
                Change("input/" + Article, Body, "At ten past five on Thursday morning");
                Assert.True(Builder.Build(Options("out", cache: false)).Succeeded);
                Change("input/" + Article, "At ten past five on Thursday morning", "At a quarter past five on Thursday morning");
                break;
            case "options":
                Assert.True(Builder.Build(Options("other") with { IncludeDrafts = true, CacheFolder = _work.Combine("cache") }).Succeeded);
                break;
            case "deleted":
                File.Delete(state);
                break;
        }

        var result = Build();
        Build("fresh", cache: false);

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.False(result.Edited);
        AssertSameFiles(Snapshot("fresh"), Snapshot("out"));
    }

    [Fact]
    public void A_scheduled_article_come_due_is_published_by_the_next_build()
    {
        var now = SampleSiteFixture.Now;
        Assert.True(Build(now: now).Succeeded);
        Change("input/articles/2026/2026-11-30-a-scheduled-piece.md", string.Empty, "---\ntitle: \"A scheduled piece\"\nauthor: Keisha Dunbar\nsection: Labor\ndate: 2026-11-30\ntags: [strikes]\n---\n\nWritten ahead.\n");
        var scheduled = Build(now: now);
        Assert.True(scheduled.Edited);
        Assert.Equal(0, scheduled.FilesWritten);
        Assert.DoesNotContain(Snapshot("out").Keys, path => path.Contains("a-scheduled-piece", StringComparison.Ordinal));

        var before = Build(now: now.AddDays(1));
        var due = Build(now: now.AddDays(7));
        Builder.Build(Options("fresh", cache: false) with { Now = now.AddDays(7) });

        Assert.True(before.Edited);
        Assert.True(due.Edited);
        Assert.True(due.FilesWritten > 0);
        Assert.Contains(Snapshot("out").Keys, path => path.Contains("a-scheduled-piece", StringComparison.Ordinal));
        AssertSameFiles(Snapshot("fresh"), Snapshot("out"));
    }

    [Fact]
    public void A_new_year_is_a_full_build()
    {
        var now = SampleSiteFixture.Now;
        Assert.True(Build(now: now).Succeeded);

        var result = Build(now: now.AddYears(1));
        Builder.Build(Options("fresh", cache: false) with { Now = now.AddYears(1) });

        Assert.False(result.Edited);
        Assert.Equal("what every page shows of the site changed (the menu or the year)", result.Full?.ToString());
        AssertSameFiles(Snapshot("fresh"), Snapshot("out"));
    }

    [Fact]
    public void After_a_failed_build_the_next_starts_from_the_last_good_one()
    {
        Assert.True(Build().Succeeded);
        Change("input/" + Article, "date: 2025-01-18", "date: not a date");

        var failed = Build();
        Change("input/" + Article, "date: not a date", "date: 2025-01-18");
        var fixedBuild = Build();
        var fresh = Build("fresh", cache: false);

        Assert.False(failed.Succeeded);
        Assert.Contains(failed.Diagnostics, d => d.File == "input/" + Article && d.IsError);
        Assert.True(fixedBuild.Edited, "a failed build wrote nothing, so the last good one's state still describes the site");
        Assert.True(fixedBuild.Succeeded);
        AssertSameFiles(Snapshot("fresh"), Snapshot("out"));
        Assert.True(Build().Edited);
    }

    [Fact]
    public void A_draft_written_or_changed_changes_nothing()
    {
        const string Draft = "input/articles/2026/2026-11-18-grocery-workers-vote-on-strike-authorization.md";
        Assert.True(Build().Succeeded);
        var before = Snapshot("out");
        Change(Draft, string.Empty, "\nA paragraph added to the draft.\n");
        Change("input/articles/2026/2026-11-23-another-draft.md", string.Empty, "---\ntitle: \"Another draft\"\nauthor: Keisha Dunbar\nsection: Labor\ndate: 2026-11-23\ndraft: true\n---\n\nNot yet.\n");

        var result = Build();
        foreach (var draft in new[] { Draft, "input/articles/2026/2026-11-23-another-draft.md" })
        {
            File.SetLastWriteTimeUtc(_work.Combine(draft), CheckedOut.AddDays(1));
        }

        var read = Build();
        var saved = File.GetLastWriteTimeUtc(_work.Combine("cache", DiskStateStore.FileName));
        var notRead = Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.True(result.Edited);
        Assert.Equal(0, result.FilesWritten);
        AssertSameFiles(before, Snapshot("out"));
        Assert.True(read.Edited);

        // Nothing changed since: the drafts are not read, and the state is not written again.
        Assert.True(notRead.Edited);
        Assert.Equal(0, notRead.FilesWritten);
        Assert.Equal(saved, File.GetLastWriteTimeUtc(_work.Combine("cache", DiskStateStore.FileName)));
    }

    [Fact]
    public void A_published_article_made_a_draft_leaves_the_site_as_a_build_from_nothing()
    {
        Assert.True(Build().Succeeded);
        Change("input/" + Article, "section: Labor\n", "section: Labor\ndraft: true\n");

        var result = Build();
        Build("fresh", cache: false);

        Assert.True(result.Edited);
        AssertSameFiles(Snapshot("fresh"), Snapshot("out"));
    }

    [Fact]
    public void Many_new_articles_leave_the_site_as_a_build_from_nothing()
    {
        Assert.True(Build().Succeeded);
        for (var i = 0; i <= 100; i++)
        {
            Change($"input/articles/2026/2026-11-01-note-{i:D3}.md", string.Empty, $"---\ntitle: \"Note {i}\"\nauthor: Keisha Dunbar\nsection: Labor\ndate: 2026-11-01\n---\n\nA short note.\n");
        }

        var result = Build();
        Build("fresh", cache: false);

        Assert.True(result.Edited);
        AssertSameFiles(Snapshot("fresh"), Snapshot("out"));
    }

    private void Change(string file, string find, string? replace)
    {
        var path = _work.Combine(file);
        if (replace is null)
        {
            File.Delete(path);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(path, find.Length == 0 ? text + replace : text.Replace(find, replace, StringComparison.Ordinal));
    }

    private IReadOnlyDictionary<string, byte[]> Snapshot(string output) => new SiteOutput(_work.Combine(output)).Snapshot();

    private BuildOptions Options(string output, bool cache = true) => SampleSiteFixture.OptionsFor(_work.Combine(output)) with
    {
        InputFolder = _work.Combine("input"),
        ThemeFolder = _work.Combine("theme"),
        CacheFolder = cache ? _work.Combine("cache") : null,
        DisplayRoot = _work.Path,
    };

    private BuildResult Build(string output = "out", bool cache = true, DateTimeOffset? now = null) =>
        Builder.Build(Options(output, cache) with { Now = now ?? SampleSiteFixture.Now });
}
