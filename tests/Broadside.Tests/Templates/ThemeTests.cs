using System.Collections.Immutable;
using System.Globalization;
using AngleSharp.Html.Parser;
using Broadside.Diagnostics;
using Broadside.Templates;
using Broadside.Templates.Views;

namespace Broadside.Tests.Templates;

public sealed class ThemeTests : IDisposable
{
    private const string Display = "theme";
    private const string BaseUrl = "https://example.org/news/";
    private const string Root = "/news/";

    private const string Layout = "<!doctype html><html><head><title>{{ meta.title }} | {{ site.title }}</title></head><body><main>{{ content }}</main></body></html>";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"broadside-theme-tests-{Guid.NewGuid():N}");

    public ThemeTests()
    {
        Directory.CreateDirectory(_folder);
        Write("layouts/base.liquid", Layout);
        Write("templates/x.liquid", "<h1>{{ page.title }}</h1>{{ page.content }}");
        Write("partials/p.liquid", "<span class=\"partial\">partial for {{ who }}</span>");
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Loads_every_template_of_the_folder()
    {
        var (theme, diagnostics) = Load();

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.Equal(["layouts/base", "partials/p", "templates/x"], theme.TemplateNames);
        Assert.True(theme.Has("templates/x"));
        Assert.False(theme.Has("templates/article"));
        Assert.Equal(Path.Combine(_folder, "assets"), theme.AssetsFolder);
    }

    [Fact]
    public void A_syntax_error_is_BS0301_at_the_templates_path_and_line()
    {
        Write("templates/x.liquid", "<h1>{{ page.title }}</h1>\n<p>fine</p>\n{% if page.title %}\n<p>never closed</p>\n");

        var (theme, diagnostics) = Load();

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted(), d => d.Code == DiagnosticCodes.TemplateSyntax);
        Assert.True(diagnostic.IsError);
        Assert.Equal("theme/templates/x.liquid", diagnostic.File);
        Assert.InRange(diagnostic.Line, 3, 4);
        Assert.StartsWith("the template has a Liquid syntax error: ", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("at (", diagnostic.Message, StringComparison.Ordinal);
        Assert.False(theme.Has("templates/x"));
    }

    [Fact]
    public void A_syntax_error_on_a_given_line_is_reported_on_that_line()
    {
        Write("partials/p.liquid", "one\ntwo\nthree {{ who | }}\n");

        var (_, diagnostics) = Load();

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.TemplateSyntax, "theme/partials/p.liquid", 3), (diagnostic.Code, diagnostic.File, diagnostic.Line));
        Assert.True(diagnostic.Column > 0);
    }

    [Fact]
    public void A_missing_required_template_is_BS0302()
    {
        var (_, diagnostics) = Load(["templates/x", "templates/article"]);

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal(DiagnosticCodes.TemplateMissing, diagnostic.Code);
        Assert.True(diagnostic.IsError);
        Assert.Equal(Display, diagnostic.File);
        Assert.Contains("'templates/article.liquid'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<h1>x</h1>\n<p>\n  {% render 'nope' %}</p>", 3, 3, "nope")]
    [InlineData("{% if a %}\n{% else %}\n{%- include \"nope.liquid\" -%}\n{% endif %}", 3, 1, "nope")]
    [InlineData("{% for i in list %}\n\n\n{% render 'cards/card', item: i %}{% endfor %}", 4, 1, "cards/card")]
    public void A_partial_the_theme_lacks_is_BS0302_at_the_tag_that_names_it(string template, int line, int column, string partial)
    {
        Write("templates/x.liquid", template);

        var (_, diagnostics) = Load();

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.TemplateMissing, "theme/templates/x.liquid", line, column), (diagnostic.Code, diagnostic.File, diagnostic.Line, diagnostic.Column));
        Assert.Equal($"the template renders the partial '{partial}', which the theme does not have: add partials/{partial}.liquid, or correct the name", diagnostic.Message);
    }

    [Fact]
    public void Partials_the_theme_has_and_names_computed_when_rendering_are_not_reported()
    {
        Write("partials/cards/card.liquid", "card");
        Write("templates/x.liquid", "{% render 'p' %}{% render 'p.liquid' %}{% include 'cards/card' %}{% include page.partial %}");

        var (_, diagnostics) = Load();

        Assert.Empty(diagnostics.ToImmutableSorted());
    }

    [Fact]
    public void The_base_layout_is_always_required()
    {
        System.IO.File.Delete(Path.Combine(_folder, "layouts", "base.liquid"));

        var (_, diagnostics) = Load();

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal(DiagnosticCodes.TemplateMissing, diagnostic.Code);
        Assert.Contains("'layouts/base.liquid'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_theme_folder_is_BS0304()
    {
        var diagnostics = new DiagnosticBag();

        var theme = Theme.Load(Path.Combine(_folder, "absent"), "absent-theme", BaseUrl, Root, TimeZoneInfo.Utc, CultureInfo.InvariantCulture, ["templates/x"], diagnostics);

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.ThemeFolderMissing, "absent-theme"), (diagnostic.Code, diagnostic.File));
        Assert.Empty(theme.TemplateNames);
    }

    [Fact]
    public void Escapes_text_but_not_html_that_Broadside_made()
    {
        const string title = "</title><script>alert(1)</script>";
        var (theme, _) = Load();
        var diagnostics = new DiagnosticBag();

        var html = theme.RenderPage("x", Site(), Meta(title), [Variable("page", Page(title, "<p>Body <em>kept</em></p>"))], "a.md", diagnostics);

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.NotNull(html);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;/title&gt;&lt;script&gt;", html, StringComparison.Ordinal);
        var document = new HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Equal(title + " | The Dispatch", document.Title);
        Assert.Equal(title, document.QuerySelector("main h1")?.TextContent);
        Assert.Equal("kept", document.QuerySelector("main p em")?.TextContent);
    }

    [Fact]
    public void A_body_kept_as_UTF_8_prints_and_filters_as_the_HTML_string_would()
    {
        Write("templates/x.liquid", "{{ page.content }}|{{ page.content | truncate: 14 }}|{{ page.content | strip_html | upcase }}|{{ page.content.size }}");
        var (theme, _) = Load();
        const string body = "<p>Grève <em>générale</em> 🔥</p>";
        var asUtf8 = Page("t", string.Empty) with { Content = RawHtml.FromUtf8(() => System.Text.Encoding.UTF8.GetBytes(body), 1) };
        var asString = Page("t", body);

        var fromUtf8 = theme.RenderPage("x", Site(), Meta("t"), [Variable("page", asUtf8)], "a.md", new DiagnosticBag());
        var fromString = theme.RenderPage("x", Site(), Meta("t"), [Variable("page", asString)], "a.md", new DiagnosticBag());

        Assert.NotNull(fromUtf8);
        Assert.Equal("<main><p>Grève <em>générale</em> 🔥</p>|<p>Grève <e...|GRÈVE GÉNÉRALE &#x1F525;|33</main>", fromUtf8[fromUtf8.IndexOf("<main>", StringComparison.Ordinal)..fromUtf8.IndexOf("</body>", StringComparison.Ordinal)]);
        Assert.Equal(fromString, fromUtf8);
    }

    [Fact]
    public void A_cached_partial_sees_only_the_site_and_its_variant_and_is_the_same_on_every_page_that_shares_them()
    {
        Write("layouts/base.liquid", "<main>{{ content }}</main>{{ 'chrome' | partial_cached: meta.kind }}");
        Write("partials/chrome.liquid", "<footer>{{ site.title }}|{{ variant }}|{{ page.title }}|{{ meta.title }}</footer>");
        var (theme, diagnostics) = Load();
        var site = Site();

        var first = theme.RenderPage("x", site, Meta("one"), [Variable("page", Page("One", string.Empty))], "a.md", diagnostics);
        var second = theme.RenderPage("x", site, Meta("two"), [Variable("page", Page("Two", string.Empty))], "b.md", diagnostics);
        var other = theme.RenderPage("x", site, Meta("three") with { Kind = "article" }, [Variable("page", Page("Three", string.Empty))], "c.md", diagnostics);
        var otherSite = theme.RenderPage("x", site with { Title = "Another" }, Meta("four"), [Variable("page", Page("Four", string.Empty))], "d.md", diagnostics);

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.EndsWith("<footer>The Dispatch|page||</footer>", first, StringComparison.Ordinal);
        Assert.EndsWith("<footer>The Dispatch|page||</footer>", second, StringComparison.Ordinal);
        Assert.EndsWith("<footer>The Dispatch|article||</footer>", other, StringComparison.Ordinal);
        Assert.EndsWith("<footer>Another|page||</footer>", otherSite, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cached_partial_the_theme_does_not_have_is_BS0303_naming_it()
    {
        Write("layouts/base.liquid", "<main>{{ content }}</main>{{ 'nowhere' | partial_cached }}");
        var (theme, _) = Load();
        var diagnostics = new DiagnosticBag();

        var html = theme.RenderPage("x", Site(), Meta("t"), [Variable("page", Page("t", string.Empty))], "a.md", diagnostics);

        Assert.Null(html);
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal(DiagnosticCodes.TemplateRender, diagnostic.Code);
        Assert.Contains("partial_cached names the partial 'nowhere'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_every_scripts_letters_as_they_are()
    {
        var (theme, _) = Load();

        var html = theme.RenderPage("x", Site(), Meta("Grève"), [Variable("page", Page("Забастовка & grève", string.Empty))], "a.md", new DiagnosticBag());

        Assert.Contains("<h1>Забастовка &amp; grève</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_finds_partials()
    {
        Write("templates/x.liquid", "{% render 'p', who: page.title %}");
        var (theme, _) = Load();

        var html = theme.RenderPage("x", Site(), Meta("t"), [Variable("page", Page("the union", string.Empty))], "a.md", new DiagnosticBag());

        Assert.NotNull(html);
        var span = new HtmlParser().ParseDocument(html).QuerySelector("main span.partial");
        Assert.Equal("partial for the union", span?.TextContent);
    }

    [Theory]
    [InlineData("{{ 'css/site.css' | asset_url }}", "/news/assets/css/site.css")]
    [InlineData("{{ '/css/site.css' | asset_url }}", "/news/assets/css/site.css")]
    [InlineData("{{ '/news/2026/x/' | absolute_url }}", "https://example.org/news/2026/x/")]
    [InlineData("{{ '2026/x/' | absolute_url }}", "https://example.org/news/2026/x/")]
    [InlineData("{{ 'https://other.example.org/a' | absolute_url }}", "https://other.example.org/a")]
    public void Has_asset_url_and_absolute_url_filters(string template, string expected)
    {
        Write("layouts/base.liquid", "{{ content }}");
        Write("templates/x.liquid", template);
        var (theme, _) = Load();

        var html = theme.RenderPage("x", Site(), Meta("t"), [], "a.md", new DiagnosticBag());

        Assert.Equal(expected, html);
    }

    [Theory]
    [InlineData("https://example.org/", "/", "/about/", "https://example.org/about/")]
    [InlineData("https://example.org/", "/", "about/", "https://example.org/about/")]
    [InlineData("https://example.org/news/", "/news/", "/news/about/", "https://example.org/news/about/")]
    [InlineData("https://example.org/news/", "/news/", "/about/", "https://example.org/news/about/")]
    [InlineData("https://example.org/news/", "/news/", "http://other.example.org/", "http://other.example.org/")]
    public void Joins_the_base_url_and_a_path(string baseUrl, string root, string url, string expected)
    {
        Assert.Equal(expected, Theme.AbsoluteUrl(baseUrl, root, url));
    }

    [Fact]
    public void A_template_that_fails_while_rendering_is_BS0303_against_the_source()
    {
        Write("partials/p.liquid", "{% render 'p' %}");
        Write("templates/x.liquid", "{% render 'p' %}");
        var (theme, loadDiagnostics) = Load();
        Assert.Empty(loadDiagnostics.ToImmutableSorted());
        var diagnostics = new DiagnosticBag();

        var html = theme.RenderPage("x", Site(), Meta("t"), [], "input/pages/about.md", diagnostics);

        Assert.Null(html);
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.TemplateRender, "input/pages/about.md"), (diagnostic.Code, diagnostic.File));
        Assert.StartsWith("the theme failed to render it with 'templates/x.liquid': ", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_the_theme_lacks_renders_nothing()
    {
        var (theme, _) = Load();

        Assert.Null(theme.RenderPage("article", Site(), Meta("t"), [], "a.md", new DiagnosticBag()));
    }

    private (Theme Theme, DiagnosticBag Diagnostics) Load(IEnumerable<string>? required = null)
    {
        var diagnostics = new DiagnosticBag();
        var theme = Theme.Load(_folder, Display, BaseUrl, Root, TimeZoneInfo.Utc, CultureInfo.InvariantCulture, required ?? ["templates/x"], diagnostics);
        return (theme, diagnostics);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
    }

    private static KeyValuePair<string, object?> Variable(string name, object? value) => new(name, value);

    private static SiteView Site() => new()
    {
        Title = "The Dispatch",
        Description = "News from the picket line.",
        BaseUrl = BaseUrl,
        Root = Root,
        Language = "en",
        Sections = [],
        Pages = [],
        DemandsUrl = Root + "demands/",
        TagsUrl = Root + "tags/",
        AuthorsUrl = Root + "authors/",
        SectionsUrl = Root + "sections/",
        Years = [],
        Year = 2026,
        Params = ImmutableDictionary<string, object?>.Empty,
    };

    private static MetaView Meta(string title) => new()
    {
        Title = title,
        Description = "d",
        Url = "/news/x/",
        CanonicalUrl = "https://example.org/news/x/",
        Lang = "en",
        Kind = "page",
    };

    private static PageView Page(string title, string html) => new()
    {
        Title = title,
        Url = "/news/x/",
        Summary = string.Empty,
        Content = new RawHtml(html),
        UpdatedIso = string.Empty,
        UpdatedDisplay = string.Empty,
        Extra = ImmutableDictionary<string, object?>.Empty,
    };
}
