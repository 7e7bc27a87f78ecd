using Broadside.Build;
using Broadside.Diagnostics;
using Broadside.Tests.TestSupport;
using static Broadside.Tests.TestSupport.SameBuild;

namespace Broadside.Tests.Build;

/// <summary>
/// Rebuilds of the sample publication as <c>serve</c> makes them after an edit (<see cref="Builder.Rebuild"/>).
/// An edit that leaves every list as it was makes only the files that show the edited articles; any
/// other change is a full build. Either way the site must come out exactly as a build from nothing
/// into an empty folder, with the same problems reported.
/// </summary>
public sealed class EditBuildTests : IDisposable
{
    private const string Article = "articles/2025/2025-01-18-bus-drivers-walk-out-at-three-depots.md";

    // An article with no summary in its front matter: its first paragraph is its summary, which the
    // related-article links of other pages show.
    private const string Unsummarised = "articles/2026/2026-04-02-dockworkers-refuse-to-load.md";
    // An article that raises a demand the first one raises too.
    private const string Transit = "articles/2026/2026-09-07-transit-workers-threaten-citywide-strike.md";
    private const string Scheduled = "articles/2026/2026-11-25-a-scheduled-piece.md";

    // An article with an updated date, which the sitemap gives as the lastmod of its page and of the lists that hold it.
    private const string Updated = "articles/2026/2026-03-14-cap-rents-in-every-city.md";

    // The Spanish version of an English article, and the English one, which link each other.
    private const string Translation = "articles/2025/2025-06-22-el-calor-mata.md";
    private const string Original = "articles/2025/2025-06-22-heat-kills-warehouse-workers-demand-cooling.md";

    // The Spanish version of another, in a section with other Spanish articles.
    private const string SanctuaryTranslation = "articles/2026/2026-05-12-el-concejo-aprueba-la-ordenanza-santuario.md";

    // A new Arabic version of them.
    private const string NewTranslation = "articles/2025/2025-06-22-الحر-يقتل.md";

    private readonly ServedSite _site = new();
    private readonly TemporaryFolder _work;

    public EditBuildTests() => _work = _site.Work;

    public static TheoryData<string, string, string?, bool> Edits => new()
    {
        // The file changed, the text replaced, its replacement (appended when the text is empty; the file
        // deleted when null), and whether only what shows the edited article is made.
        { Article, "At 5:10 on Thursday morning", "At ten past five on Thursday morning", true },
        { Article, string.Empty, "\nA paragraph added at the end, with [a link to the home page](/).\n", true },
        { Unsummarised, "When a cargo ship bound for a war zone", "When a cargo ship bound for a battlefield", true },
        { Unsummarised, "When a cargo ship bound", "A note from the editors.\n\nWhen a cargo ship bound", true },

        // Front matter that is only shown: the article's page, the lists and feeds that hold it, the pages that
        // link to it as related, demands.json (titles) and the sitemap (updated) show it.
        { Article, "title: \"Bus drivers walk out", "title: \"Bus drivers strike", true },
        { Unsummarised, "title: \"Dockworkers refuse to load", "title: \"A refusal at the ports: dockworkers refuse to load", true },
        { Article, "summary: \"A sick-out at the North Yard", "summary: \"A sick-out at North Yard", true },
        { Unsummarised, "tags: [solidarity, ports, Strikes]", "tags: [solidarity, ports, Strikes]\nsummary: \"The crane operators went home.\"", true },
        { Updated, "updated: 2026-03-20", "updated: 2026-11-20T16:30:00+01:00", true },
        { Updated, "updated: 2026-03-20", "updated: 2026-03-20T05:00:00+00:00", true },
        { Updated, "updated: 2026-03-20\n", string.Empty, true },
        { Article, "image: /media", "updated: 2026-11-21\nimage: /media", true },
        { Article, "image: /media/2025/bus-depot.svg", "image: /media/2026/picket-line.svg", true },
        { Article, "image_alt: \"A simple drawing", "image_alt: \"A drawing", true },
        { Article, "image: /media/2025/bus-depot.svg\n", string.Empty, true },
        { Article, "section: Labor", "section: Labor\nlang: en-GB", true },
        { Article, "section: Labor", "section: Labor\ncanonical: \"https://example.net/2025/bus-drivers\"", true },

        // Front matter that decides lists, or what they are called: the index is made again and compared
        // with the last one, and the lists that changed are made again.
        { Article, "tags: [transit, strikes, unions]", "tags: [transit, strikes, unions, wildcat]", true },
        { Article, "tags: [transit, strikes, unions]", "tags: [strikes, transit, unions]", true },
        { Article, "  - \"Hire 500 drivers now!\"\n", string.Empty, true },
        { Article, "date: 2025-01-18", "date: 2025-01-18T09:00:00-06:00", true },
        { Article, "section: Labor", "section: Housing", true },
        { Article, "author: [Keisha Dunbar, Theo Lindqvist]", "author: [Keisha Dunbar]", true },

        // A series lists every part on every part's page: joining, leaving or renaming one, or retitling a
        // part, makes every part's page again, and the series' page and feed.
        { Article, "series: \"The Riverton transit fight\"", "series: \"The Riverton transit fight, retold\"", true },
        { Article, "series: \"The Riverton transit fight\"\n", string.Empty, true },
        { Transit, "title: \"Labor Day:", "title: \"On Labor Day:", true },
        { Unsummarised, "tags: [solidarity, ports, Strikes]", "tags: [solidarity, ports, Strikes]\nseries: \"The Riverton transit fight\"", true },

        // A new URL, aliases, a draft, a new article, problems reported: the lists that hold it, its own page and its redirects are made.
        { Article, "date: 2025-01-18", "date: 2026-11-23", true },
        { Article, "section: Labor", "section: Labor\nslug: drivers-walk-out", true },
        { Article, "section: Labor", "section: Labor\naliases: [\"/old/bus-drivers/\"]", true },
        { Article, "title: \"Bus drivers walk out", "tags: [transit]\ntitle: \"Bus drivers strike", true },
        { Article, "demands:", "draft: true\ndemands:", true },
        { Article, "image: /media/2025/bus-depot.svg", "image: /media/2025/no-such-picture.svg", true },
        { Article, "At 5:10 on Thursday morning", "At 5:10 on [Thursday](/no-such-page/) morning", true },
        { Article, "At 5:10 on Thursday morning", "# A heading of level one\n\nAt 5:10 on Thursday morning", true },

        // A video player or an audio file added to the text: the page gains the player's script and its words.
        { Article, string.Empty, "\n[![The vote at the depot](/media/2026/picket-line.svg)](https://youtu.be/dQw4w9WgXcQ)\n\n[The chant](/media/2026/solidarity-forever-tune.mp3)\n", true },
        { Updated, "(https://www.youtube.com/watch?v=Hn9TfAPQ7uk)", "(https://vimeo.com/76979871)", true },
        { "articles/2026/2026-11-22-bakers-join-the-picket.md", string.Empty, "---\ntitle: \"Bakers join the picket\"\nauthor: Keisha Dunbar\nsection: Labor\ndate: 2026-11-22\ntags: [strikes]\n---\n\nThe bakers came at six, with bread.\n", true },
        { "articles/2026/2026-11-22-bakers-join-the-picket.md", string.Empty, "---\ntitle: \"Bakers join the picket\"\nauthor: Keisha Dunbar\nsection: Labor\ndate: 2026-11-22\naliases: [\"/bakers/\"]\n---\n\nThe bakers came at six.\n", true },
        { "articles/2026/2026-11-22-bakers-join-the-picket.md", string.Empty, "---\ntitle: \"Bakers join the picket\"\nauthor: Keisha Dunbar\nsection: Labor\ndate: 2025-01-18\nslug: bus-drivers-walk-out-at-three-depots\n---\n\nThe same address as another article.\n", false },
        { Article, string.Empty, null, true },

        // Versions of one article in the site's languages: each links every other, so an edit to one that
        // adds, moves or removes a version makes the others again; an edit only shown on its own page does not.
        { Translation, "title: \"El calor mata:", "title: \"El calor mata otra vez:", true },
        { Translation, "section: Climate", "section: Clima", true },
        { Translation, "date: 2025-06-22", "date: 2025-06-23", true },
        { Translation, "translation_key: warehouse-heat\n", string.Empty, true },
        { SanctuaryTranslation, string.Empty, null, true },

        // The only Spanish article of its section: without it, the Spanish menu loses the section, and every Spanish page changes.
        { Translation, string.Empty, null, false },
        { Translation, "lang: es", "lang: ar", false },
        { Translation, "lang: es", "lang: fr", false },
        { Translation, "section: Climate", "section: Labor", false },
        { Original, "section: Climate", "section: Climate\nlang: es", true },

        // A new Arabic version: the first Arabic article of its section, which the Arabic menu gains.
        { NewTranslation, string.Empty, "---\ntitle: \"الحر يقتل\"\nauthor: Jun Park\nsection: Climate\ndate: 2025-06-22\nlang: ar\ntranslation_key: warehouse-heat\ntags: [حرارة]\ndemands:\n  - id: just-transition\n---\n\nتجاوزت الحرارة داخل المستودع خمساً وثلاثين درجة.\n", false },
        // A section site.yml does not list: the menus of the article's language gain it, and every page of that language changes.
        { Article, "section: Labor", "section: Mutual aid", false },
        { Translation, "section: Climate", "section: Huelgas", false },
        { "authors.yml", "now covers transit and labor", "now covers transit, labor and housing", false },
        { "site.yml", "title: \"The Commons Dispatch\"", "title: \"The Commons Dispatch Weekly\"", false },

        // The hosts whose links become players decide the pages that show them, and the content security policy in _headers.
        { "site.yml", "page_size: 10", "page_size: 10\nvideo_hosts: [vimeo, tube.example.org]", false },
    };

    public void Dispose() => _site.Dispose();

    [Theory]
    [MemberData(nameof(Edits))]
    public void After_an_edit_the_site_is_as_a_build_from_nothing_makes_it(string file, string find, string? replace, bool edited)
    {
        Assert.True(Build().Succeeded);
        var before = new SiteOutput(_work.Combine("out")).Snapshot();

        var rebuilt = Rebuild(Change(file, find, replace));
        var fresh = Fresh();

        Assert.True(edited == rebuilt.Edited, $"edited: {rebuilt.Edited}, full because {rebuilt.Full}");
        Assert.True(fresh.Succeeded == rebuilt.Succeeded, string.Join('\n', rebuilt.Diagnostics));
        Assert.Equal(Lines(fresh), Lines(rebuilt));
        if (fresh.Succeeded)
        {
            var after = new SiteOutput(_work.Combine("out")).Snapshot();
            AssertSameFiles(new SiteOutput(_work.Combine("fresh")).Snapshot(), after);
            Assert.Equal(after.Count(f => !before.TryGetValue(f.Key, out var old) || !old.AsSpan().SequenceEqual(f.Value)), rebuilt.FilesWritten);
        }
    }

    [Theory]
    [InlineData(Article, "At 5:10 on Thursday morning", "At ten past five on Thursday morning", false)]
    [InlineData(Article, "title: \"Bus drivers walk out", "title: \"Bus drivers strike", false)]
    [InlineData(Updated, "updated: 2026-03-20", "updated: 2026-11-20", true)]
    public void An_edit_makes_only_the_files_that_show_the_article(string file, string find, string replace, bool sitemap)
    {
        Assert.True(Build().Succeeded);

        var map = _work.Combine("out", "sitemap.xml");
        File.SetLastWriteTimeUtc(map, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var before = File.ReadAllBytes(map);

        var rebuilt = Rebuild(Change(file, find, replace));

        Assert.True(rebuilt.Edited);
        var made = rebuilt.FilesProduced - rebuilt.FilesReused;
        Assert.InRange(made, 1, 60);
        Assert.Equal(sitemap, !before.AsSpan().SequenceEqual(File.ReadAllBytes(map)));
    }

    [Theory]
    [InlineData("partials/related.liquid", "<a class=\"related-link\" href=\"{{ r.url }}\">{{ r.title }}</a>")]
    [InlineData("partials/article-card.liquid", "")]
    public void A_summary_that_other_pages_show_is_made_again_on_them(string partial, string after)
    {
        // The theme shows related articles' summaries (and, for cards, the whole body).
        var path = _work.Combine("theme", partial);
        var text = File.ReadAllText(path);
        File.WriteAllText(path, after.Length == 0 ? text + "<div>{{ article.content }} {{ article.reading_minutes }}</div>" : text.Replace(after, after + "<span>{{ r.summary }}</span>", StringComparison.Ordinal));
        Assert.True(Build().Succeeded);

        var rebuilt = Rebuild(Change(Unsummarised, "When a cargo ship bound for a war zone", "When a cargo ship bound for a battlefield"));
        var fresh = Fresh();

        Assert.True(rebuilt.Edited);
        Assert.True(fresh.Succeeded, string.Join('\n', fresh.Diagnostics));
        AssertSameFiles(new SiteOutput(_work.Combine("fresh")).Snapshot(), new SiteOutput(_work.Combine("out")).Snapshot());
    }

    [Fact]
    public void A_theme_key_that_cards_and_pages_show_is_an_edit()
    {
        Change("site.yml", "page_size:", "extra_keys: [kicker]\npage_size:");
        Change(Article, "section: Labor", "section: Labor\nkicker: \"Special report\"");
        Change("../theme/partials/article-card.liquid", "</article>", "<p class=\"card-kicker\">{{ article.extra.kicker }}</p>\n</article>");
        Change("../theme/templates/article.liquid", "</article>", "<p class=\"article-kicker\">{{ article.extra.kicker }}</p>\n</article>");
        Assert.True(Build().Succeeded);

        var rebuilt = Rebuild(Change(Article, "kicker: \"Special report\"", "kicker: \"On the picket line\""));
        var fresh = Fresh();

        Assert.True(rebuilt.Edited);
        Assert.True(fresh.Succeeded, string.Join('\n', fresh.Diagnostics));
        var after = new SiteOutput(_work.Combine("out")).Snapshot();
        Assert.Contains(after.Values, bytes => System.Text.Encoding.UTF8.GetString(bytes).Contains("card-kicker\">On the picket line", StringComparison.Ordinal));
        AssertSameFiles(new SiteOutput(_work.Combine("fresh")).Snapshot(), after);
    }

    [Fact]
    public void With_drafts_published_as_serve_does_marking_an_article_a_draft_is_an_edit()
    {
        Assert.True(Builder.Build(Options() with { IncludeDrafts = true }).Succeeded);

        var marked = Builder.Rebuild(Options() with { IncludeDrafts = true }, [Change(Article, "demands:", "draft: true\ndemands:")]);
        var fresh = Builder.Build(Options("fresh", serve: false) with { IncludeDrafts = true });

        Assert.True(marked.Edited);
        Assert.Equal(Lines(fresh), Lines(marked));
        AssertSameFiles(new SiteOutput(_work.Combine("fresh")).Snapshot(), new SiteOutput(_work.Combine("out")).Snapshot());
        Assert.True(Builder.Rebuild(Options() with { IncludeDrafts = true }, [Change(Article, "draft: true\n", string.Empty)]).Edited);
    }

    [Fact]
    public void An_edit_parses_and_renders_only_the_file_that_changed()
    {
        Assert.True(Build().Succeeded);
        var published = _site.Options().Cache!.State.Load(out _)!.Articles.Count;

        // Every other published article comes from what the build before kept in memory, edit after
        // edit (a draft the preview leaves out is only read, to learn that it is one).
        var first = Rebuild(Change(Article, "At 5:10 on Thursday morning", "At ten past five on Thursday morning"));
        var second = Rebuild(Change(Unsummarised, "When a cargo ship bound for a war zone", "When a cargo ship bound for a battlefield"));

        Assert.Equal(published - 1, first.ArticlesReused);
        Assert.Equal(published - 1, second.ArticlesReused);
    }

    [Fact]
    public void Edits_one_after_another_each_start_from_the_last()
    {
        Assert.True(Build().Succeeded);
        Assert.True(Rebuild(Change(Article, "At 5:10 on Thursday morning", "At ten past five on Thursday morning")).Edited);
        Assert.True(Rebuild(Change(Unsummarised, "When a cargo ship bound for a war zone", "When a cargo ship bound for a battlefield")).Edited);
        Assert.True(Rebuild(Change(Article, "tags: [transit, strikes, unions]", "tags: [transit, strikes]")).Edited);
        Assert.True(Rebuild(Change(Article, "section: Labor", "section: Labor\nslug: drivers-walk-out")).Edited);

        // Two articles that raise one demand, renamed one after the other: demands.json names both anew.
        Assert.True(Rebuild(Change(Article, "title: \"Bus drivers walk out", "title: \"Bus drivers strike")).Edited);
        Assert.True(Rebuild(Change(Transit, "title: \"Labor Day:", "title: \"On Labor Day,")).Edited);

        // Changes of lastmod, each from the sitemap the edit before left.
        Assert.True(Rebuild(Change(Article, "image: /media", "updated: 2026-11-21\nimage: /media")).Edited);
        Assert.True(Rebuild(Change(Transit, "date: 2026-09-07T08:00:00-05:00", "date: 2026-09-07T08:00:00-05:00\nupdated: 2026-11-20")).Edited);
        Assert.True(Rebuild(Change(Article, "updated: 2026-11-21", "updated: 2026-11-22")).Edited);
        var last = Rebuild(Change(Article, "At ten past five", "At a quarter past five"));

        var fresh = Fresh();

        Assert.True(last.Edited);
        Assert.Equal(Lines(fresh), Lines(last));
        AssertSameFiles(new SiteOutput(_work.Combine("fresh")).Snapshot(), new SiteOutput(_work.Combine("out")).Snapshot());
    }

    [Fact]
    public void A_section_site_yml_does_not_list_comes_into_every_menu_with_its_first_article_and_goes_with_its_last()
    {
        Assert.True(Build().Succeeded);

        var gained = Rebuild(Change(Article, "section: Labor", "section: Mutual aid"));
        Assert.True(gained.Succeeded, string.Join('\n', gained.Diagnostics));
        Assert.Equal(FullReason.Site, gained.Full?.Reason);
        Assert.Equal("/sections/mutual-aid/", MenuLink("out", "/about/", "Mutual aid"));
        Assert.True(Fresh().Succeeded);
        AssertSameFiles(new SiteOutput(_work.Combine("fresh")).Snapshot(), new SiteOutput(_work.Combine("out")).Snapshot());

        var lost = Rebuild(Change(Article, "section: Mutual aid", "section: Labor"));
        Assert.True(lost.Succeeded, string.Join('\n', lost.Diagnostics));
        Assert.Equal(FullReason.Site, lost.Full?.Reason);
        Assert.Null(MenuLink("out", "/about/", "Mutual aid"));
        Assert.True(Fresh().Succeeded);
        AssertSameFiles(new SiteOutput(_work.Combine("fresh")).Snapshot(), new SiteOutput(_work.Combine("out")).Snapshot());
    }

    [Fact]
    public void Many_edits_in_place_in_a_row_each_come_out_as_a_fresh_build()
    {
        // Edits that leave every article in its place and filed as it was: each takes the related articles and views of
        // the builds before it, one build over another: past a few builds those are gathered into one.
        Assert.True(Build().Succeeded);
        // Bodies, and titles, which the related articles of other pages show.
        var marks = new Dictionary<string, string> { [Article] = "split-shift schedules\"", [Unsummarised] = "solidarity in action\"" };
        for (var i = 1; i <= 12; i++)
        {
            var file = i % 2 == 0 ? Unsummarised : Article;
            var mark = $"{marks[file][..^1]} (edit {i})\"";
            var rebuilt = Rebuild(Change(file, marks[file], mark));
            marks[file] = mark;
            Assert.True(rebuilt.Edited);
            if (i % 4 == 0)
            {
                var fresh = Fresh();
                Assert.Equal(Lines(fresh), Lines(rebuilt));
                AssertSameFiles(new SiteOutput(_work.Combine("fresh")).Snapshot(), new SiteOutput(_work.Combine("out")).Snapshot());
            }
        }
    }

    [Fact]
    public void Files_that_are_not_articles_are_left_out_of_an_edit()
    {
        Assert.True(Build().Succeeded);
        var edited = Change(Article, "At 5:10 on Thursday morning", "At ten past five on Thursday morning");
        var notes = _work.Combine("input", "articles", "notes.txt");
        File.WriteAllText(notes, "not an article");
        var hidden = _work.Combine("input", "articles", "_unfinished.md");
        File.WriteAllText(hidden, "---\ntitle: x\n---\n");
        var gone = _work.Combine("input", "articles", "sedX1b2c3");

        var rebuilt = Builder.Rebuild(Options(), [edited, notes, hidden, gone]);
        var fresh = Fresh();

        Assert.True(rebuilt.Edited);
        Assert.Equal(Lines(fresh), Lines(rebuilt));
        AssertSameFiles(new SiteOutput(_work.Combine("fresh")).Snapshot(), new SiteOutput(_work.Combine("out")).Snapshot());
    }

    [Fact]
    public void A_folder_of_articles_moved_away_is_a_full_build()
    {
        Assert.True(Build().Succeeded);
        var folder = _work.Combine("input", "articles", "2025");
        Directory.Move(folder, _work.Combine("elsewhere"));

        var rebuilt = Builder.Rebuild(Options(), [folder]);

        Assert.False(rebuilt.Edited);
        Assert.True(rebuilt.Succeeded, string.Join('\n', rebuilt.Diagnostics));
        Assert.True(Fresh().Succeeded);
        AssertSameFiles(new SiteOutput(_work.Combine("fresh")).Snapshot(), new SiteOutput(_work.Combine("out")).Snapshot());
    }

    [Fact]
    public void An_article_whose_time_has_come_is_published_by_the_next_rebuild()
    {
        File.WriteAllText(_work.Combine("input", Scheduled), "---\ntitle: \"A scheduled piece\"\nauthor: Keisha Dunbar\nsection: Labor\ndate: 2026-11-25T08:00:00Z\n---\n\nOut tomorrow.\n");
        Assert.True(Build().Succeeded);
        Assert.False(File.Exists(_work.Combine("out", "2026", "11", "a-scheduled-piece", "index.html")));
        var later = SampleSiteFixture.Now.AddDays(1);

        var rebuilt = Builder.Rebuild(Options() with { Now = later }, [Change(Article, "At 5:10 on Thursday morning", "At ten past five on Thursday morning")]);
        var fresh = Builder.Build(Options("fresh", serve: false) with { Now = later });

        Assert.True(rebuilt.Edited);
        Assert.True(File.Exists(_work.Combine("out", "2026", "11", "a-scheduled-piece", "index.html")));
        Assert.Equal(Lines(fresh), Lines(rebuilt));
        AssertSameFiles(new SiteOutput(_work.Combine("fresh")).Snapshot(), new SiteOutput(_work.Combine("out")).Snapshot());
    }

    [Fact]
    public void After_a_failed_build_the_next_rebuild_starts_from_the_last_good_one()
    {
        Assert.True(Build().Succeeded);
        var failed = Rebuild(Change(Article, "date: 2025-01-18", "date: not a date"));
        Change(Article, "date: not a date", "date: 2025-01-18");
        var body = Rebuild(Change(Article, "At 5:10 on Thursday morning", "At ten past five on Thursday morning"));

        Assert.False(failed.Succeeded);
        Assert.True(body.Edited);
        Assert.True(body.Succeeded, string.Join('\n', body.Diagnostics));
        Assert.True(Rebuild(Change(Article, "At ten past five", "At a quarter past five")).Edited);
    }

    [Fact]
    public void A_build_without_a_cache_has_nothing_to_edit()
    {
        Assert.True(Builder.Build(Options(serve: false)).Succeeded);

        var rebuilt = Builder.Rebuild(Options(serve: false), [Change(Article, "At 5:10 on Thursday morning", "At ten past five on Thursday morning")]);

        Assert.False(rebuilt.Edited);
        Assert.True(rebuilt.Succeeded);
    }

    private string Change(string file, string find, string? replace) => _site.Change(file, find, replace);

    // Where the menu of the page at <paramref name="url"/> in <paramref name="output"/> links the section named <paramref name="name"/>; null when it does not.
    private string? MenuLink(string output, string url, string name) =>
        new SiteOutput(_work.Combine(output)).Page(url).QuerySelectorAll(".site-nav a").FirstOrDefault(a => a.TextContent == name)?.GetAttribute("href");

    private BuildOptions Options(string output = "out", bool serve = true) => _site.Options(output, serve);

    private BuildResult Build() => _site.Build();

    private BuildResult Rebuild(string changed) => _site.Rebuild(changed);

    private BuildResult Fresh() => _site.Fresh();
}
