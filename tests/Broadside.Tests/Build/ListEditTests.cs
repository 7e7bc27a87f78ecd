using Broadside.Build;
using Broadside.Tests.TestSupport;
using static Broadside.Tests.TestSupport.SameBuild;

namespace Broadside.Tests.Build;

/// <summary>
/// Edits in <c>serve</c> to front matter that decides lists (<see cref="ListEdit"/>): tags, demands,
/// section, authors and dates, and articles written or deleted. Each must leave the site exactly as a
/// build from nothing into an empty folder makes it, with the same problems reported, and files no list
/// makes any more removed.
/// </summary>
public sealed class ListEditTests : IDisposable
{
    private const string Article = "articles/2025/2025-01-18-bus-drivers-walk-out-at-three-depots.md";
    private const string Transit = "articles/2026/2026-09-07-transit-workers-threaten-citywide-strike.md";

    private readonly ServedSite _site = new();
    private readonly TemporaryFolder _work;

    public ListEditTests() => _work = _site.Work;

    public void Dispose() => _site.Dispose();

    [Fact]
    public void A_new_tag_gets_its_page_and_feed_and_loses_them_when_no_article_has_it()
    {
        Assert.True(Build().Succeeded);

        var added = Rebuild(Change(Article, "tags: [transit, strikes, unions]", "tags: [transit, strikes, unions, wildcat]"));
        Assert.True(added.Edited);
        Assert.True(File.Exists(_work.Combine("out", "tags", "wildcat", "index.html")));
        Assert.True(File.Exists(_work.Combine("out", "tags", "wildcat", "feed.xml")));
        Assert.Contains("/tags/wildcat/", File.ReadAllText(_work.Combine("out", "sitemap.xml")), StringComparison.Ordinal);
        AssertSameAsFresh(added);

        var removed = Rebuild(Change(Article, "tags: [transit, strikes, unions, wildcat]", "tags: [transit, strikes, unions]"));
        Assert.True(removed.Edited);
        Assert.False(Directory.Exists(_work.Combine("out", "tags", "wildcat")));
        Assert.DoesNotContain("/tags/wildcat/", File.ReadAllText(_work.Combine("out", "sitemap.xml")), StringComparison.Ordinal);
        Assert.DoesNotContain("wildcat", File.ReadAllText(_work.Combine("out", "tags", "index.html")), StringComparison.Ordinal);
        AssertSameAsFresh(removed);
    }

    [Fact]
    public void Removing_a_page_another_article_links_to_reports_the_link()
    {
        Assert.True(Build().Succeeded);
        Assert.True(Rebuild(Change(Article, "tags: [transit, strikes, unions]", "tags: [transit, strikes, unions, wildcat]")).Edited);
        Assert.True(Rebuild(Change(Transit, string.Empty, "\nMore on [wildcat strikes](/tags/wildcat/).\n")).Edited);

        var removed = Rebuild(Change(Article, "tags: [transit, strikes, unions, wildcat]", "tags: [transit, strikes, unions]"));

        Assert.True(removed.Edited);
        Assert.Contains(removed.Diagnostics, d => d.Code == Broadside.Diagnostics.DiagnosticCodes.BrokenLink && d.File!.EndsWith(Path.GetFileName(Transit), StringComparison.Ordinal));
        AssertSameAsFresh(removed);
    }

    [Fact]
    public void Adding_the_page_a_dead_link_names_mends_the_link_and_only_that_one()
    {
        Assert.True(Build().Succeeded);
        var dead = Rebuild(Change(Transit, string.Empty, "\nMore on [wildcat strikes](/tags/wildcat/) and [sitdowns](/tags/sitdown/).\n"));
        Assert.Equal(2, dead.Diagnostics.Count(d => d.Code == Broadside.Diagnostics.DiagnosticCodes.BrokenLink));

        // The other article's page is new: the link to it is mended, the other still leads nowhere.
        var mended = Rebuild(Change(Article, "tags: [transit, strikes, unions]", "tags: [transit, strikes, unions, wildcat]"));

        Assert.True(mended.Edited);
        var broken = Assert.Single(mended.Diagnostics, d => d.Code == Broadside.Diagnostics.DiagnosticCodes.BrokenLink);
        Assert.Contains("/tags/sitdown/", broken.Message, StringComparison.Ordinal);
        AssertSameAsFresh(mended);
    }

    [Fact]
    public void An_article_moved_to_another_file_keeps_its_page()
    {
        Assert.True(Build().Succeeded);
        var from = _work.Combine("input", Article);
        var to = _work.Combine("input", "articles", "2025", "labor", Path.GetFileName(from));
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Move(from, to);

        var moved = Builder.Rebuild(Options(), [from, to]);

        Assert.True(moved.Edited);
        Assert.True(File.Exists(_work.Combine("out", "2025", "01", "bus-drivers-walk-out-at-three-depots", "index.html")));
        AssertSameAsFresh(moved);
    }

    [Fact]
    public void An_edit_makes_again_only_the_lists_it_changed()
    {
        Assert.True(Build().Succeeded);

        var rebuilt = Rebuild(Change(Article, "tags: [transit, strikes, unions]", "tags: [transit, strikes, unions, wildcat]"));

        // The article's page, its lists' pages and feeds, the new tag's, the overviews, the sitemap: not the site.
        Assert.True(rebuilt.Edited);
        Assert.InRange(rebuilt.FilesProduced - rebuilt.FilesReused, 5, 80);
        Assert.True(rebuilt.FilesProduced - rebuilt.FilesReused < rebuilt.FilesProduced / 3);
    }

    private void AssertSameAsFresh(BuildResult rebuilt, string? what = null)
    {
        var fresh = _site.Fresh();
        Assert.True(fresh.Succeeded, what + string.Join('\n', fresh.Diagnostics));
        Assert.Equal(Lines(fresh), Lines(rebuilt));
        try
        {
            AssertSameFiles(new SiteOutput(_work.Combine("fresh")).Snapshot(), new SiteOutput(_work.Combine("out")).Snapshot());
        }
        catch (Exception ex) when (what is not null)
        {
            throw new Xunit.Sdk.XunitException(what + ": " + ex.Message);
        }
    }

    private string Change(string file, string find, string replace) => _site.Change(file, find, replace);

    private BuildOptions Options() => _site.Options();

    private BuildResult Build() => _site.Build();

    private BuildResult Rebuild(string changed) => _site.Rebuild(changed);
}
