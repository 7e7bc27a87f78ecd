using System.Globalization;
using System.Text;
using Broadside.Site;
using Broadside.Tests.TestSupport;
using static Broadside.Tests.TestSupport.SameBuild;

namespace Broadside.Tests.Site;

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

    private static readonly string[] Tags = ["strikes", "Strikes", "rent", "Rent", "buses", "wildcat", "Wildcat", "solidarity", "ports", "night shift", "Night Shift"];
    private static readonly string[] Demands = ["Hire 500 drivers now!", "hire 500 drivers now", "Free buses now", "Tax the rich!", "tax the rich", "Open the books!", "Rent control now!", "A four-day week"];
    private static readonly string[] Sections = ["Labor", "Housing", "Climate", "Theory", "Culture"];
    private static readonly string[] Authors = ["Keisha Dunbar", "Theo Lindqvist", "Marisol Vega", "A Guest Writer"];

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
    public void An_article_moved_to_another_file_keeps_its_page()
    {
        Assert.True(Build().Succeeded);
        var from = _work.Combine("input", Article);
        var to = _work.Combine("input", "articles", "2025", "labor", Path.GetFileName(from));
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Move(from, to);

        var moved = SiteBuilder.Rebuild(Options(), [from, to]);

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

    [Theory]
    [InlineData(2611)]
    [InlineData(1917)]
    [InlineData(1871)]
    public void Random_edits_to_what_decides_lists_each_leave_the_site_as_a_build_from_nothing(int seed)
    {
        // Short pages and feeds, so that every edit moves articles across pages and in and out of feeds.
        Change("site.yml", "page_size: 10", "page_size: 2");
        Change("site.yml", "feed_size: 20", "feed_size: 3");
        var random = new Random(seed);
        var folder = _work.Combine("input", "articles", "2024");
        Directory.CreateDirectory(folder);
        var articles = Enumerable.Range(1, 30).Select(i => new Generated(i, random)).ToList();
        foreach (var article in articles)
        {
            File.WriteAllText(Path.Combine(folder, article.File), article.Text());
        }

        Assert.True(Build().Succeeded);
        var edits = 0;
        for (var step = 0; step < 20; step++)
        {
            // Now and then an article is deleted, or a new one written; otherwise one is edited.
            var article = articles[random.Next(articles.Count)];
            string change;
            switch (random.Next(10))
            {
                case 0:
                    articles.Remove(article);
                    File.Delete(Path.Combine(folder, article.File));
                    change = $"{article.File} deleted";
                    break;
                case 1:
                    article = new Generated(100 + step, random);
                    articles.Add(article);
                    File.WriteAllText(Path.Combine(folder, article.File), article.Text());
                    change = $"{article.File} added";
                    break;
                default:
                    change = article.Change(random);
                    File.WriteAllText(Path.Combine(folder, article.File), article.Text());
                    break;
            }

            var rebuilt = SiteBuilder.Rebuild(Options(), [Path.Combine(folder, article.File)]);

            edits += rebuilt.Edited ? 1 : 0;
            Assert.True(rebuilt.Succeeded, $"step {step} ({change}): " + string.Join('\n', rebuilt.Diagnostics));
            AssertSameAsFresh(rebuilt, $"step {step} ({change}), {(rebuilt.Edited ? "an edit" : "a full build")}");
        }

        // Most edits are made as edits; a configured section that gains or loses its only article changes
        // every page's menu and is a full build.
        Assert.InRange(edits, 14, 20);
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

    /// <summary>An article of 2024 whose front matter the test changes at random, its URL (month and slug) kept.</summary>
    private sealed class Generated
    {
        private readonly int _number;
        private readonly int _month;
        private string _title;
        private string[] _tags;
        private string[] _demands;
        private string _section;
        private string[] _authors;
        private int _day;
        private int _hour;

        public Generated(int number, Random random)
        {
            _number = number;
            _month = 1 + (number % 6);
            _title = $"Report {number} from the organizing drive";
            _tags = number % 2 == 0 ? [.. Pick(random, Tags, 3), $"only-{number}"] : Pick(random, Tags, 3);
            _demands = number % 3 == 0 ? [.. Pick(random, Demands, 2), $"Fund project {number}!"] : Pick(random, Demands, 2);
            _section = Sections[random.Next(Sections.Length)];
            _authors = Pick(random, Authors, 2, atLeast: 1);
            _day = 2 + random.Next(26);
            _hour = random.Next(24);
        }

        public string File => $"2024-{_month:D2}-report-{_number}.md";

        public string Change(Random random)
        {
            switch (random.Next(9))
            {
                case 0: _tags = Pick(random, Tags, 3); return $"tags of {_number}";
                case 1: _demands = Pick(random, Demands, 2); return $"demands of {_number}";
                case 2: _section = Sections[random.Next(Sections.Length)]; return $"section of {_number}";
                case 3: _authors = Pick(random, Authors, 2, atLeast: 1); return $"authors of {_number}";
                case 4: (_day, _hour) = (2 + random.Next(26), random.Next(24)); return $"date of {_number}";
                case 5: _title = $"Report {_number}, edited {random.Next(1000)}"; return $"title of {_number}";

                // A tag or demand of this article alone, which comes and goes with it, all else kept.
                case 6: _tags = Toggle(_tags, $"only-{_number}"); return $"own tag of {_number}";
                case 7: _demands = Toggle(_demands, $"Fund project {_number}!"); return $"own demand of {_number}";
                default:
                    (_tags, _demands) = (Pick(random, Tags, 3), Pick(random, Demands, 2));
                    return $"tags and demands of {_number}";
            }
        }

        public string Text()
        {
            var text = new StringBuilder();
            text.Append("---\n")
                .Append(CultureInfo.InvariantCulture, $"title: \"{_title}\"\n")
                .Append(CultureInfo.InvariantCulture, $"author: [{string.Join(", ", _authors)}]\n")
                .Append(CultureInfo.InvariantCulture, $"section: {_section}\n")
                .Append(CultureInfo.InvariantCulture, $"date: 2024-{_month:D2}-{_day:D2}T{_hour:D2}:00:00+00:00\n")
                .Append(CultureInfo.InvariantCulture, $"slug: report-{_number}\n")
                .Append(CultureInfo.InvariantCulture, $"tags: [{string.Join(", ", _tags)}]\n");
            if (_demands.Length > 0)
            {
                text.Append("demands:\n");
                foreach (var demand in _demands)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  - \"{demand}\"\n");
                }
            }

            return text.Append("---\n\n")
                .Append(CultureInfo.InvariantCulture, $"The meeting of the {_number}th began late and ran past midnight.\n")
                .ToString();
        }

        private static string[] Toggle(string[] list, string item) =>
            list.Contains(item) ? [.. list.Where(i => i != item)] : [.. list, item];

        private static string[] Pick(Random random, string[] from, int most, int atLeast = 0)
        {
            var picked = from.OrderBy(_ => random.Next()).Take(random.Next(atLeast, most + 1)).ToArray();

            // One article names a term once, however it spells it.
            return [.. picked.DistinctBy(p => p.ToLowerInvariant())];
        }
    }
}
