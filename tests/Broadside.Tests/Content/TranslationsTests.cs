using Broadside.Configuration;
using Broadside.Content;
using Broadside.Diagnostics;

namespace Broadside.Tests.Content;

/// <summary>The versions of an article in the site's languages, linked by their translation_key.</summary>
public sealed class TranslationsTests
{
    private static readonly SiteConfig Site = SiteConfigLoader.Parse(
        "title: T\nbase_url: https://example.org/\nlanguage: en\nlanguages:\n  es: {}\n  ar: {}\nsections:\n  - name: Labor\n    names: {es: Trabajo}\n",
        "site.yml",
        new DiagnosticBag());

    [Fact]
    public void Every_version_lists_every_version_in_the_order_of_the_sites_languages()
    {
        var diagnostics = new DiagnosticBag();

        var links = Translations.Group(
            [
                new("articles/ar.md", "ar", "strike", 7, "ar/2026/03/idrab/", "Labor"),
                new("articles/en.md", null, "strike", 7, "2026/03/strike/", "Labor"),
                new("articles/es.md", "es-MX", "strike", 7, "es/2026/03/huelga/", "Trabajo"),
                new("articles/alone.md", "es", "alone", 7, "es/2026/03/sola/", "Labor"),
            ],
            Site,
            diagnostics);

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.Equal(["articles/ar.md", "articles/en.md", "articles/es.md"], links.Keys.Order(StringComparer.Ordinal));
        Assert.All(links.Values, versions => Assert.Equal<TranslationLink>(
            [new TranslationLink("en", "2026/03/strike/"), new TranslationLink("es", "es/2026/03/huelga/"), new TranslationLink("ar", "ar/2026/03/idrab/")],
            versions.ToArray()));
    }

    [Fact]
    public void Two_versions_of_one_key_in_one_language_are_an_error_that_names_both_files()
    {
        var diagnostics = new DiagnosticBag();

        var links = Translations.Group(
            [
                new("articles/a.md", "es", "strike", 6, "es/2026/03/a/", "Labor"),
                new("articles/b.md", "es-AR", "strike", 8, "es/2026/03/b/", "Labor"),
                new("articles/c.md", null, "strike", 6, "2026/03/c/", "Labor"),
            ],
            Site,
            diagnostics);

        var error = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.TranslationTwice, "articles/b.md", 8), (error.Code, error.File, error.Line));
        Assert.Contains("'articles/a.md'", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, links["articles/a.md"].Length);
    }

    [Fact]
    public void Versions_filed_under_different_sections_are_an_error_but_a_section_may_be_named_in_the_versions_language()
    {
        var diagnostics = new DiagnosticBag();

        Translations.Group(
            [
                new("articles/en.md", null, "strike", 6, "2026/03/strike/", "Labor"),
                new("articles/es.md", "es", "strike", 6, "es/2026/03/huelga/", "trabajo"),
                new("articles/ar.md", "ar", "strike", 9, "ar/2026/03/idrab/", "Housing"),
            ],
            Site,
            diagnostics);

        var error = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.TranslationMismatch, "articles/ar.md", 9), (error.Code, error.File, error.Line));
    }

    [Fact]
    public void A_site_in_one_language_links_nothing()
    {
        var single = SiteConfigLoader.Parse("title: T\nbase_url: https://example.org/\n", "site.yml", new DiagnosticBag());

        Assert.Empty(Translations.Group([new("a.md", "es", "k", 1, "x/", "Labor"), new("b.md", null, "k", 1, "y/", "Labor")], single, new DiagnosticBag()));
    }
}
