using System.Collections.Immutable;
using System.Globalization;
using Broadside.Configuration;
using Broadside.Diagnostics;
using Broadside.Modules;
using Broadside.Templates;
using Broadside.Templates.Views;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Templates;

public sealed class ThemeStringsTests : IDisposable
{
    private const string Display = "theme";

    // Arabic's six forms of "articles".
    private const string ArabicCounts = """
            articles_count:
              zero: "لا مقالات"
              one: "مقال واحد"
              two: "مقالان"
              few: "{count} مقالات"
              many: "{count} مقالًا"
              other: "{count} مقال"
            """;

    private readonly TemporaryFolder _theme = new();

    public ThemeStringsTests()
    {
        Write("layouts/base.liquid", "{{ content }}");
        Write("i18n/en.yml", """
            share_article: "Share this article"
            reading_time: "{minutes} min read"
            articles_count:
              one: "{count} article"
              other: "{count} articles"
            only_english: "English"
            """);
        Write("i18n/es.yml", """
            share_article: "Comparte este artículo"
            reading_time: "{minutes} min de lectura"
            articles_count:
              one: "{count} artículo"
              many: "{count} de artículos"
              other: "{count} artículos"
            """);
        Write("i18n/pt.yml", """
            share_article: "Compartilhe este artigo"
            """);
    }

    public void Dispose() => _theme.Dispose();

    [Fact]
    public void Loads_every_file_of_the_folder_by_its_language()
    {
        var (strings, diagnostics) = Load();

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.Equal(["en", "es", "pt"], strings.Languages);
        Assert.Equal("Comparte este artículo", strings.For("es").Get("share_article"));
        Assert.Equal("12 min de lectura", strings.For("es").Get("reading_time", ("minutes", 12)));
    }

    [Fact]
    public void A_tag_falls_back_to_its_language_then_the_default_language_then_English()
    {
        Write("i18n/es.yml", """
            share_article: "Comparte este artículo"
            reading_time: "{minutes} min de lectura"
            """);
        var (strings, _) = Load(defaultLanguage: "es");
        var brazil = strings.For("pt-BR");

        Assert.Equal("Compartilhe este artigo", brazil.Get("share_article"));
        Assert.Equal("3 min de lectura", brazil.Get("reading_time", ("minutes", 3)));
        Assert.Equal("English", brazil.Get("only_english"));

        // Last of all, the English Broadside was built with, which the theme's own files lack here.
        Assert.Equal("Page not found", brazil.Get("page_not_found"));
        Assert.Equal("Comparte este artículo", strings.For("it").Get("share_article"));
    }

    [Fact]
    public void Numbers_are_written_as_the_language_writes_them()
    {
        var (strings, _) = Load();

        Assert.Equal("1,234 min read", strings.For("en").Get("reading_time", ("minutes", 1234)));
        Assert.Equal("1.234 min de lectura", strings.For("es").Get("reading_time", ("minutes", 1234)));
        Assert.Equal("2.5 min read", strings.For("en").Get("reading_time", ("minutes", 2.5m)));
    }

    [Fact]
    public void A_key_a_language_lacks_is_a_warning_where_it_would_go_in_its_file()
    {
        var (strings, _) = Load();
        var diagnostics = new DiagnosticBag();

        strings.ReportMissing(["es", "pt"], diagnostics);

        Assert.Equal([("es", "only_english"), ("pt", "reading_time"), ("pt", "articles_count"), ("pt", "only_english")], strings.Missing(["es", "pt"]));
        var warnings = diagnostics.ToImmutableSorted();
        Assert.All(warnings, w => Assert.Equal((DiagnosticSeverity.Warning, DiagnosticCodes.StringMissing), (w.Severity, w.Code)));
        var spanish = Assert.Single(warnings, w => w.File == "theme/i18n/es.yml");
        Assert.Equal(7, spanish.Line);
        Assert.Contains("'only_english' is missing: pages in es show the words of theme/i18n/en.yml (“English”)", spanish.Message, StringComparison.Ordinal);
        Assert.Equal([2, 2, 2], warnings.Where(w => w.File == "theme/i18n/pt.yml").Select(w => w.Line));
    }

    [Fact]
    public void A_language_without_a_file_is_one_warning()
    {
        var (strings, _) = Load();
        var diagnostics = new DiagnosticBag();

        strings.ReportMissing(["fr"], diagnostics);

        var warning = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.StringMissing, "theme/i18n"), (warning.Code, warning.File));
        Assert.Contains("no words in 'fr'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plural_form_the_language_uses_and_lacks_is_a_warning_at_its_key()
    {
        Write("i18n/ar.yml", """
            articles_count:
              one: "مقال واحد"
              other: "{count} مقال"
            """);
        var (strings, _) = Load();
        var diagnostics = new DiagnosticBag();

        strings.ReportMissing(["ar"], diagnostics);

        var forms = diagnostics.ToImmutableSorted().Where(d => d.Message.Contains("form", StringComparison.Ordinal)).ToList();
        Assert.Equal(["few", "many", "two", "zero"], forms.Select(d => d.Message.Split('\'')[3]));
        Assert.All(forms, d => Assert.Equal(("theme/i18n/ar.yml", 1), (d.File, d.Line)));
    }

    [Fact]
    public void A_key_no_language_has_is_an_error_naming_it()
    {
        var (strings, _) = Load();

        var error = Assert.Throws<InvalidOperationException>(() => strings.For("es").Get("shrae_article"));

        Assert.Contains("no string 'shrae_article' in any language", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_that_prints_a_key_no_language_has_is_an_error_at_its_line()
    {
        Write("templates/x.liquid", "<p>fine</p>\n<h2>{{ 'shrae_article' | t }}</h2>\n");

        var (_, diagnostics) = LoadTheme();

        var error = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.StringUnknown, "theme/templates/x.liquid", 2, 8), (error.Code, error.File, error.Line, error.Column));
        Assert.Contains("'shrae_article'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_computed_when_the_page_renders_fails_the_page_naming_the_key()
    {
        Write("templates/x.liquid", "{% assign key = 'shrae' | append: '_article' %}{{ key | t }}");
        var (theme, diagnostics) = LoadTheme();

        var html = theme.RenderPage("x", Site("es"), Meta(), [], "input/pages/x.md", diagnostics);

        Assert.Null(html);
        var error = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.TemplateRender, "input/pages/x.md"), (error.Code, error.File));
        Assert.Contains("'shrae_article'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", 0, PluralCategory.Other)]
    [InlineData("en", 1, PluralCategory.One)]
    [InlineData("en", 2, PluralCategory.Other)]
    [InlineData("de", 1, PluralCategory.One)]
    [InlineData("de", 0, PluralCategory.Other)]
    [InlineData("es", 0, PluralCategory.Other)]
    [InlineData("es", 1, PluralCategory.One)]
    [InlineData("es", 1_000_000, PluralCategory.Many)]
    [InlineData("es", 1_000_001, PluralCategory.Other)]
    [InlineData("fr", 0, PluralCategory.One)]
    [InlineData("fr", 1, PluralCategory.One)]
    [InlineData("fr", 2, PluralCategory.Other)]
    [InlineData("fr", 2_000_000, PluralCategory.Many)]
    [InlineData("pt", 0, PluralCategory.One)]
    [InlineData("pt-BR", 1, PluralCategory.One)]
    [InlineData("pt-PT", 0, PluralCategory.Other)]
    [InlineData("pt-PT", 1, PluralCategory.One)]
    [InlineData("ar", 0, PluralCategory.Zero)]
    [InlineData("ar", 1, PluralCategory.One)]
    [InlineData("ar", 2, PluralCategory.Two)]
    [InlineData("ar", 3, PluralCategory.Few)]
    [InlineData("ar", 10, PluralCategory.Few)]
    [InlineData("ar", 11, PluralCategory.Many)]
    [InlineData("ar", 99, PluralCategory.Many)]
    [InlineData("ar", 100, PluralCategory.Other)]
    [InlineData("ar", 102, PluralCategory.Other)]
    [InlineData("ar", 103, PluralCategory.Few)]
    [InlineData("ar", 111, PluralCategory.Many)]
    [InlineData("ar-EG", 3, PluralCategory.Few)]
    [InlineData("it", 1, PluralCategory.One)]
    [InlineData("it", 0, PluralCategory.Other)]
    [InlineData("sw", 5, PluralCategory.Other)]
    [InlineData("en", -1, PluralCategory.One)]
    public void Each_number_takes_its_languages_plural_form(string language, long count, PluralCategory expected) =>
        Assert.Equal(expected, PluralRules.Of(language, count));

    [Fact]
    public void Arabic_words_each_kind_of_number_its_own_way()
    {
        Write("i18n/ar.yml", ArabicCounts);
        var arabic = Load().Strings.For("ar");

        Assert.Equal(
            ["لا مقالات", "مقال واحد", "مقالان", "3 مقالات", "11 مقالًا", "100 مقال"],
            new long[] { 0, 1, 2, 3, 11, 100 }.Select(n => arabic.Plural("articles_count", n)));
    }

    [Fact]
    public void Words_taken_from_another_language_take_that_languages_forms()
    {
        // French says "0 article"; the English it falls back to says "0 articles".
        var (strings, _) = Load();

        Assert.Equal("0 articles", strings.For("fr").Plural("articles_count", 0));
        Assert.Equal("1,000,000 de artículos", strings.For("es").Plural("articles_count", 1_000_000).Replace('.', ','));
    }

    [Fact]
    public void A_key_with_forms_needs_a_count()
    {
        var (strings, _) = Load();

        var error = Assert.Throws<InvalidOperationException>(() => strings.For("en").Get("articles_count"));

        Assert.Contains("give the number as count", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_file_is_an_error_at_its_line()
    {
        Write("i18n/fr.yml", """
            share_article: "Partager cet article"
            Share-Article: "x"
            empty:
            articles_count:
              one: "{count} article"
              several: "{count} articles"
            reading_time: "{minuts} min de lecture"
            """);
        Write("i18n/de.yml", "share_article: [\n");
        Write("i18n/not a language.yml", "share_article: \"x\"\n");

        var (_, diagnostics) = Load();

        var errors = diagnostics.ToImmutableSorted().Select(d => (d.Code, d.File, d.Line)).ToList();
        Assert.Equal(
            [
                (DiagnosticCodes.YamlSyntax, "theme/i18n/de.yml", 2),
                (DiagnosticCodes.StringsInvalid, "theme/i18n/fr.yml", 2),
                (DiagnosticCodes.StringsInvalid, "theme/i18n/fr.yml", 3),
                (DiagnosticCodes.StringsInvalid, "theme/i18n/fr.yml", 4),
                (DiagnosticCodes.StringsInvalid, "theme/i18n/fr.yml", 6),
                (DiagnosticCodes.StringsInvalid, "theme/i18n/fr.yml", 7),
                (DiagnosticCodes.StringsInvalid, "theme/i18n/not a language.yml", 0),
            ],
            errors);
        Assert.All(diagnostics.ToImmutableSorted(), d => Assert.True(d.IsError));
        Assert.Contains("did you mean {minutes}?", diagnostics.ToImmutableSorted().Single(d => d.Line == 7).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_filter_escapes_the_words_and_values_but_not_html_the_template_made()
    {
        Write("i18n/en.yml", """
            risky: "Fish & <chips> for {name}"
            """);
        Write("templates/x.liquid", """
            <p>{{ 'risky' | t: name: '<b>you</b>' }}</p>
            {%- capture link %}<a href="/x">A &amp; B</a>{% endcapture %}
            <p>{{ 'risky' | t: name: link }}</p>
            {%- assign plain = 'risky' | t: name: 'R&D' %}
            <p>{{ plain | upcase }}</p>
            """);
        var (theme, diagnostics) = LoadTheme();

        var html = theme.RenderPage("x", Site("en"), Meta(), [], null, diagnostics);

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.Equal(
            "<p>Fish &amp; &lt;chips&gt; for &lt;b&gt;you&lt;/b&gt;</p>\n<p>Fish &amp; &lt;chips&gt; for <a href=\"/x\">A &amp; B</a></p>\n<p>FISH &amp; &lt;CHIPS&gt; FOR R&amp;D</p>",
            html);
    }

    [Fact]
    public void The_filter_speaks_the_language_of_the_page_in_partials_too()
    {
        Write("i18n/ar.yml", "share_article: \"شارك هذا المقال\"\n" + ArabicCounts);
        Write("partials/count.liquid", "<span>{{ 'articles_count' | t: count: n }}</span>");
        Write("templates/x.liquid", "<h2>{{ 'share_article' | t }}</h2>{% render 'count', n: 3 %}{% render 'count', n: 11 %}");
        var (theme, diagnostics) = LoadTheme();

        string? Render(string language) => theme.RenderPage("x", Site(language), Meta(), [], null, diagnostics);

        Assert.Equal("<h2>Comparte este artículo</h2><span>3 artículos</span><span>11 artículos</span>", Render("es"));
        Assert.Equal("<h2>شارك هذا المقال</h2><span>3 مقالات</span><span>11 مقالًا</span>", Render("ar"));
        Assert.Equal("<h2>Compartilhe este artigo</h2><span>3 articles</span><span>11 articles</span>", Render("pt-BR"));
        Assert.Empty(diagnostics.ToImmutableSorted());
    }

    [Theory]
    [InlineData("es", "Página no encontrada", "La portada")]
    [InlineData("ar", "الصفحة غير موجودة", "الصفحة الرئيسية")]
    [InlineData("fr", "Page introuvable", "La une")]
    public void The_default_theme_renders_in_each_language(string language, string headline, string frontPage)
    {
        var diagnostics = new DiagnosticBag();
        var theme = Theme.Load(RepositoryPaths.Theme, "theme", "https://example.org/", "/", TimeZoneInfo.Utc, CultureInfo.InvariantCulture, [], diagnostics);

        var html = theme.RenderPage(RenderNotFound.Template, Site(language), Meta() with { Kind = "not-found", Lang = language }, [], null, diagnostics);

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.Contains($"<h1 class=\"headline\">{headline}</h1>", html, StringComparison.Ordinal);
        Assert.Contains($">{frontPage}</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Page not found", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_theme_has_every_word_in_every_language_it_ships()
    {
        var diagnostics = new DiagnosticBag();
        var strings = ThemeStrings.Load(RepositoryPaths.Theme, "theme", "en", diagnostics);
        strings.ReportMissing(strings.Languages, diagnostics);
        Theme.Load(RepositoryPaths.Theme, "theme", "https://example.org/", "/", TimeZoneInfo.Utc, CultureInfo.InvariantCulture, [], diagnostics, strings: strings);

        Assert.Equal(["ar", "de", "en", "es", "fr", "pt"], strings.Languages);
        Assert.Empty(diagnostics.ToImmutableSorted());
    }

    [Fact]
    public void The_words_Broadside_was_built_with_are_the_default_themes_English()
    {
        var diagnostics = new DiagnosticBag();
        var theme = ThemeStrings.Load(RepositoryPaths.Theme, "theme", "en", diagnostics).For("en");
        var file = File.ReadAllLines(Path.Combine(RepositoryPaths.Theme, "i18n", "en.yml"));
        var keys = file.Where(l => l.Length > 0 && char.IsAsciiLetterLower(l[0])).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]).ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Equal(Wordings(theme, key), Wordings(LanguageStrings.English, key)));
        Assert.Equal("Page not found", new ViewFactory(SiteConfig.Fallback).Strings.Get("page_not_found"));
    }

    [Fact]
    public void Modules_take_their_words_from_the_views()
    {
        var (strings, _) = Load();
        Write("i18n/es.yml", """
            paged_title: "{title} (página {number})"
            feed_link_rss: "{site} (RSS)"
            feed_link_atom: "{site} (Atom)"
            feed_link_json: "{site} (JSON Feed)"
            feed_title: "{site}: {title}"
            """);
        var spanish = Load().Strings.For("es");
        var views = new ViewFactory(SiteConfig.Fallback with { Title = "La Voz", Language = "es" }, strings: spanish);

        Assert.Equal("Trabajo (página 2)", ListingPages.Title("Trabajo", 2, views.Strings));
        Assert.Equal("Labor (page 2)", ListingPages.Title("Labor", 2));
        Assert.Equal("La Voz: Trabajo", views.Meta("section", "Trabajo", string.Empty, "sections/trabajo/", feedPath: "sections/trabajo/feed.xml").Feeds[^1].Title);
        Assert.Equal("1,000,000 min read", strings.For("en").Get("reading_time", ("minutes", 1_000_000L)));
    }

    private static string Wordings(LanguageStrings strings, string key) =>
        string.Join("|", new long[] { 0, 1, 2, 3, 11, 100 }.Select(n => strings.Plural(key, n, ("authors", "A"), ("minutes", 1), ("date", "D"), ("link", "L"), ("number", 2), ("total", 3), ("name", "N"), ("title", "T"), ("text", "X"), ("sections", "S"), ("first", "F"), ("last", "L"), ("wording", "W"), ("recent", 4), ("months", 6), ("won", "V"), ("label", "B"), ("from", "F"), ("to", "T"), ("peak", "P"), ("peak_count", 5), ("site", "Z"), ("demand", "Q"), ("part", 2), ("series", "R"), ("host", "H"))));

    private (ThemeStrings Strings, DiagnosticBag Diagnostics) Load(string defaultLanguage = "en")
    {
        var diagnostics = new DiagnosticBag();
        return (ThemeStrings.Load(_theme.Path, Display, defaultLanguage, diagnostics), diagnostics);
    }

    private (Theme Theme, DiagnosticBag Diagnostics) LoadTheme()
    {
        var diagnostics = new DiagnosticBag();
        var theme = Theme.Load(_theme.Path, Display, "https://example.org/", "/", TimeZoneInfo.Utc, CultureInfo.InvariantCulture, [], diagnostics);
        return (theme, diagnostics);
    }

    private void Write(string relative, string text)
    {
        var path = _theme.Combine(relative.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static SiteView Site(string language) => new()
    {
        Title = "The Dispatch",
        Description = "News from the picket line.",
        BaseUrl = "https://example.org/",
        Root = "/",
        Language = language,
        Sections = [],
        Pages = [],
        DemandsUrl = "/demands/",
        TagsUrl = "/tags/",
        AuthorsUrl = "/authors/",
        SectionsUrl = "/sections/",
        Years = [],
        Year = 2026,
        Params = ImmutableDictionary<string, object?>.Empty,
    };

    private static MetaView Meta() => new()
    {
        Title = "t",
        Description = "d",
        Url = "/x/",
        CanonicalUrl = "https://example.org/x/",
        Lang = "en",
        Kind = "page",
    };
}
