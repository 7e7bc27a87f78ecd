using Broadside.Build;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Build;

/// <summary>
/// A build into the folder of an earlier one reuses the pages whose keys did not change. Whatever the
/// edit, the result must be exactly what a build from nothing makes.
/// </summary>
public sealed class IncrementalBuildTests
{
    private const string Article = "articles/2025/2025-01-18-bus-drivers-walk-out-at-three-depots.md";

    private const string Report = "articles/2026/2026-05-12-city-council-passes-sanctuary-ordinance.md";

    private const string Newest = "articles/2026/2026-11-20-maple-court-eighteen-months-on.md";

    public static TheoryData<string, string, string> Edits => new()
    {
        // What changes, the file, the text replaced, and its replacement (appended when empty).
        { Article, "title: \"Bus drivers walk out", "title: \"Bus drivers strike" },
        { Article, "tags: [transit, strikes, unions]", "tags: [transit, Strikes, unions, wildcat]" },
        { Article, "  - \"Hire 500 drivers now!\"\n", string.Empty },
        { Article, "date: 2025-01-18", "date: 2026-11-23" },
        { Article, "At 5:10 on Thursday morning", "At ten past five on Thursday morning" },
        { "authors.yml", "now covers transit and labor", "now covers transit, labor and housing" },
        { "demands.yml", "text: \"Rent control now!\"", "text: \"Rent control, now!\"" },
        { "demands.yml", "won: 2026-05-12", "won: 2026-06-02" },

        // The report of a victory, retitled, and no longer raising the demand it reports.
        { Report, "title: \"City council passes sanctuary ordinance\"", "title: \"Council passes the sanctuary ordinance\"" },
        { Report, "  - id: sanctuary\n", string.Empty },

        // The newest article: its section moves the topics its demands took; its date, the months momentum counts.
        { Newest, "section: Housing", "section: Labor" },
        { Newest, "date: 2026-11-20", "date: 2026-11-23" },

        // A long demand's explanation.
        { "articles/2026/2026-10-28-ice-out-of-our-city-the-general-strike-question.md", "No family should lose its home", "No family should ever lose its home" },
        // A section site.yml does not list, new or no longer listed: every menu links it.
        { Article, "section: Labor", "section: Mutual aid" },
        { "site.yml", "  - name: Labor\n    names: {es: Trabajo, ar: العمل}\n    description: \"Strikes, organizing drives and the fight for power on the job.\"\n", string.Empty },
        { "site.yml", "title: \"The Commons Dispatch\"", "title: \"The Commons Dispatch Weekly\"" },
        { "theme:partials/article-card.liquid", "</article>", "</article><!-- card -->" },
        { "theme:layouts/base.liquid", "</main>", "</main><!-- main -->" },
        { "theme:partials/site-footer.liquid", "</footer>", "</footer><!-- footer -->" },
    };

    [Fact]
    public void A_second_build_with_nothing_changed_makes_no_page_again()
    {
        using var work = Copy();
        Assert.True(Build(work, "out").Succeeded);

        var second = Build(work, "out");

        Assert.True(second.Succeeded);
        Assert.Equal(0, second.FilesWritten);

        // Everything with a key is kept as it was; feeds, sitemap, assets and the like are remade and compared.
        Assert.True(second.FilesReused > second.FilesProduced * 3 / 4, $"{second.FilesReused} of {second.FilesProduced} files reused");
    }

    [Theory]
    [MemberData(nameof(Edits))]
    public void After_an_edit_a_build_over_the_last_one_equals_a_build_from_nothing(string file, string find, string replace)
    {
        using var work = Copy();
        Assert.True(Build(work, "out").Succeeded);

        var path = file.StartsWith("theme:", StringComparison.Ordinal) ? work.Combine("theme", file["theme:".Length..]) : work.Combine("input", file);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));

        var incremental = Build(work, "out");
        var fresh = Build(work, "fresh");

        Assert.True(incremental.Succeeded && fresh.Succeeded);
        Assert.True(incremental.FilesWritten > 0);
        var (incrementalSite, freshSite) = (new SiteOutput(work.Combine("out")), new SiteOutput(work.Combine("fresh")));
        Assert.Equal(freshSite.Files, incrementalSite.Files);
        foreach (var name in freshSite.Files)
        {
            Assert.True(
                File.ReadAllBytes(work.Combine("fresh", name)).AsSpan().SequenceEqual(File.ReadAllBytes(work.Combine("out", name))),
                $"{name} differs from a build from nothing");
        }
    }

    private static TemporaryFolder Copy()
    {
        var work = new TemporaryFolder();
        CopyFolder(RepositoryPaths.Input, work.Combine("input"));
        CopyFolder(RepositoryPaths.Theme, work.Combine("theme"));
        return work;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static BuildResult Build(TemporaryFolder work, string output) => Builder.Build(SampleSiteFixture.OptionsFor(work.Combine(output)) with
    {
        InputFolder = work.Combine("input"),
        ThemeFolder = work.Combine("theme"),
    });
}
