using AngleSharp.Dom;
using Broadside.Build;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Build;

/// <summary>
/// What a publication asks of its readers (<c>call_to_action:</c> in site.yml), after each article and on
/// demand pages, in the page's language, with a signup form that posts to the provider the publication
/// chose and requests nothing from it before a reader submits.
/// </summary>
public sealed class CallToActionTests(SampleSiteFixture fixture) : IClassFixture<SampleSiteFixture>
{
    private SiteOutput Site => fixture.Site;

    [Fact]
    public void Every_article_ends_with_the_call_to_action_of_its_language()
    {
        var config = fixture.Content.Config;
        Assert.NotEmpty(fixture.Content.Published);
        foreach (var article in fixture.Content.Published)
        {
            var language = config.LanguageOf(article.FrontMatter.Lang)!;
            var expected = config.ForLanguage(language).Action!;
            Assert.Equal(language.Code, expected.Language);

            var page = Site.Page(article.Url);
            var block = Assert.Single(page.QuerySelectorAll("aside.call-to-action"));
            Assert.Equal("ARTICLE", block.PreviousElementSibling?.TagName);
            Assert.False(block.HasAttribute("lang"), $"{article}: the block is in the page's language");
            Assert.Equal(expected.Heading, block.QuerySelector("h2")!.TextContent);
            Assert.Equal(block.QuerySelector("h2")!.Id, block.GetAttribute("aria-labelledby"));
            Assert.Equal(expected.Links.Select(l => (l.Label, l.Url)), block.QuerySelectorAll(".cta-links a").Select(a => (a.TextContent, a.GetAttribute("href")!)));
            AssertForm(block, expected.Signup!);
        }
    }

    [Fact]
    public void Demand_pages_and_the_demands_index_carry_it_and_other_pages_do_not()
    {
        var demandPages = Site.HtmlFiles.Where(f => f.Split('/') is ["demands", _, "index.html"] or [_, "demands", _, "index.html"]).ToList();
        Assert.True(demandPages.Count > 10);
        foreach (var file in demandPages.Concat(["demands/index.html", "es/demands/index.html", "ar/demands/index.html"]))
        {
            var page = Site.Parse(file);
            Assert.True(page.QuerySelectorAll("aside.call-to-action").Length == 1, $"{file} has no call to action, or more than one");
        }

        foreach (var url in new[] { "/", "/es/", "/tags/", "/authors/", "/join/", "/es/unete/" })
        {
            Assert.Empty(Site.Page(url).QuerySelectorAll(".call-to-action"));
        }

        // Feed readers get the articles, not the appeal.
        foreach (var feed in new[] { "feed.xml", "atom.xml", "feed.json", "es/feed.xml", "ar/feed.json" })
        {
            Assert.DoesNotContain("call-to-action", File.ReadAllText(Path.Combine(Site.Folder, feed)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_language_without_its_own_shows_the_default_languages_marked_as_such_and_everything_is_escaped()
    {
        using var folder = new TemporaryFolder();
        var input = folder.Combine("input");
        Directory.CreateDirectory(Path.Combine(input, "articles"));
        File.WriteAllText(Path.Combine(input, "site.yml"), """
            title: "Test Gazette"
            base_url: "https://gazette.example.org/news/"
            call_to_action:
              heading: "Join <script>alert(1)</script> us"
              text: "Fish & chips \"quoted\""
              links:
                - {label: "Become a <b>member</b>", url: "/join/?a=1&b=2"}
              signup:
                action: "https://lists.example.net/form?list=a&x=\"y\""
                hidden: {l: "\"><img src=x onerror=alert(1)>"}
            languages:
              es:
                call_to_action:
                  heading: "Únete"
                  signup: {action: "https://listas.example.net/alta"}
              ar: {}
            """);
        foreach (var (name, lang) in new[] { ("one", "en"), ("dos", "es"), ("three", "ar") })
        {
            File.WriteAllText(Path.Combine(input, "articles", name + ".md"), $"---\ntitle: \"{name}\"\nauthor: Ana Ruiz\nsection: News\ndate: 2026-01-15\nlang: {lang}\n---\n\nText.\n");
        }

        var result = Builder.Build(new BuildOptions { InputFolder = input, ThemeFolder = RepositoryPaths.Theme, OutputFolder = folder.Combine("output"), Now = SampleSiteFixture.Now });
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        var site = new SiteOutput(folder.Combine("output"), "/news/");

        var english = Assert.Single(site.Page("/news/2026/01/one/").QuerySelectorAll("aside.call-to-action"));
        Assert.Equal("Join <script>alert(1)</script> us", english.QuerySelector("h2")!.TextContent);
        Assert.Empty(english.QuerySelectorAll("script, b, img"));
        Assert.Equal("Fish & chips \"quoted\"", english.QuerySelector(".cta-text")!.TextContent);
        var link = english.QuerySelector(".cta-links a")!;
        Assert.Equal(("Become a <b>member</b>", "/news/join/?a=1&b=2"), (link.TextContent, link.GetAttribute("href")));
        var form = english.QuerySelector("form")!;
        Assert.Equal("https://lists.example.net/form?list=a&x=%22y%22", form.GetAttribute("action"));
        Assert.Equal("\"><img src=x onerror=alert(1)>", form.QuerySelector("input[type=hidden]")!.GetAttribute("value"));
        Assert.Equal(["Subscribe"], form.QuerySelectorAll("button").Select(b => b.TextContent));
        Assert.Contains("lists.example.net", form.QuerySelector(".signup-note")!.TextContent, StringComparison.Ordinal);

        // Spanish has its own, with the theme's Spanish words for what site.yml leaves out.
        var spanish = Assert.Single(site.Page("/news/es/2026/01/dos/").QuerySelectorAll("aside.call-to-action"));
        Assert.False(spanish.HasAttribute("lang"));
        Assert.Equal("Únete", spanish.QuerySelector("h2")!.TextContent);
        Assert.Equal("Suscribirme", spanish.QuerySelector("button")!.TextContent);
        Assert.Equal("https://listas.example.net/alta", spanish.QuerySelector("form")!.GetAttribute("action"));

        // Arabic has none of its own: the English one, said to be English and left to right, in English words throughout.
        var arabicPage = site.Page("/news/ar/2026/01/three/");
        Assert.Equal("rtl", arabicPage.DocumentElement.GetAttribute("dir"));
        var arabic = Assert.Single(arabicPage.QuerySelectorAll("aside.call-to-action"));
        Assert.Equal(("en", "ltr"), (arabic.GetAttribute("lang"), arabic.GetAttribute("dir")));
        Assert.Equal("Subscribe", arabic.QuerySelector("button")!.TextContent);
        Assert.Equal("Get new articles by email", arabic.QuerySelector("label")!.TextContent);
        Assert.Equal("/news/join/?a=1&b=2", arabic.QuerySelector(".cta-links a")!.GetAttribute("href"));
    }

    private static void AssertForm(IElement block, Broadside.Configuration.SignupForm signup)
    {
        var form = block.QuerySelector("form.signup")!;
        Assert.Equal((signup.Action.AbsoluteUri, "post"), (form.GetAttribute("action"), form.GetAttribute("method")));
        var email = Assert.Single(form.QuerySelectorAll("input[type=email]"));
        Assert.Equal(signup.EmailField, email.GetAttribute("name"));
        Assert.True(email.HasAttribute("required"));
        Assert.Equal("email", email.GetAttribute("autocomplete"));
        Assert.Equal(email.Id, form.QuerySelector("label")!.GetAttribute("for"));
        Assert.Equal(signup.Hidden.Select(h => (h.Key, h.Value)), form.QuerySelectorAll("input[type=hidden]").Select(i => (i.GetAttribute("name")!, i.GetAttribute("value")!)));
        Assert.Contains(signup.Action.Host, form.QuerySelector(".signup-note")!.TextContent, StringComparison.Ordinal);

        // Nothing on the page loads from the provider before a reader submits.
        var owner = block.Owner!;
        Assert.DoesNotContain(owner.QuerySelectorAll("[src], link[href]"), e => (e.GetAttribute("src") ?? e.GetAttribute("href"))!.Contains(signup.Action.Host, StringComparison.OrdinalIgnoreCase));
    }
}
