using Broadside.Configuration;
using Broadside.Diagnostics;

namespace Broadside.Tests.Configuration;

/// <summary>The languages of site.yml, and the configuration of the site in each.</summary>
public sealed class SiteLanguageTests
{
    private const string File = "input/site.yml";

    private const string Trilingual = """
        title: The Commons Dispatch
        description: News from the picket lines.
        base_url: https://example.org/
        language: en
        page_size: 10
        languages:
          es:
            title: El Despacho de los Comunes
            description: Noticias desde los piquetes.
            page_size: 5
          ar:
            title: نشرة المشاعات
        sections:
          - name: Labor
            names: {es: Trabajo, ar: العمل}
            descriptions: {es: Huelgas y sindicatos.}
            description: Strikes and unions.
          - Housing
        """;

    [Fact]
    public void The_default_language_comes_first_and_every_other_is_published_in_a_folder_of_its_code()
    {
        var (config, diagnostics) = Parse(Trilingual);

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.True(config.Multilingual);
        Assert.Equal(["en", "es", "ar"], config.AllLanguages.Select(l => l.Code));
        Assert.Equal(["", "es/", "ar/"], config.AllLanguages.Select(l => l.Prefix));
        Assert.Equal([false, false, true], config.AllLanguages.Select(l => l.RightToLeft));
    }

    [Fact]
    public void A_site_in_one_language_holds_every_article_whatever_its_lang()
    {
        var (config, _) = Parse("title: T\nbase_url: https://example.org/\nlanguage: en\n");

        Assert.False(config.Multilingual);
        Assert.Equal("en", config.LanguageOf("fr")!.Code);
        Assert.Equal("en", config.LanguageOf(null)!.Code);
        Assert.Same(config, config.ForLanguage(config.AllLanguages[0]));
    }

    [Theory]
    [InlineData(null, "en")]
    [InlineData("es", "es")]
    [InlineData("ES", "es")]
    [InlineData("es-MX", "es")]
    [InlineData("ar-EG", "ar")]
    [InlineData("en-GB", "en")]
    [InlineData("fr", null)]
    [InlineData("est", null)]
    public void An_article_belongs_to_the_language_of_its_tag_or_of_the_tag_it_is_a_variant_of(string? tag, string? expected)
    {
        var (config, _) = Parse(Trilingual);

        Assert.Equal(expected, config.LanguageOf(tag)?.Code);
    }

    [Fact]
    public void Each_language_has_its_own_title_sizes_culture_and_section_names_falling_back_to_the_default()
    {
        var (config, _) = Parse(Trilingual);

        var es = config.ForLanguage(config.AllLanguages[1]);
        var ar = config.ForLanguage(config.AllLanguages[2]);

        Assert.Equal(("El Despacho de los Comunes", "Noticias desde los piquetes.", 5, "es/", "es"), (es.Title, es.Description, es.PageSize, es.PathPrefix, es.Culture.Name));
        Assert.Equal(("نشرة المشاعات", string.Empty, 10, "ar/"), (ar.Title, ar.Description, ar.PageSize, ar.PathPrefix));
        Assert.Equal(["Trabajo", "Housing"], es.Sections.Select(s => s.Name));
        Assert.Equal(["Huelgas y sindicatos.", string.Empty], es.Sections.Select(s => s.Description));
        Assert.Equal(["العمل", "Housing"], ar.Sections.Select(s => s.Name));
    }

    [Theory]
    [InlineData("Labor", "Trabajo")]
    [InlineData("labor", "Trabajo")]
    [InlineData("Trabajo", "Trabajo")]
    [InlineData("العمل", "Trabajo")]
    [InlineData("Housing", "Housing")]
    [InlineData("Cultura", "Cultura")]
    public void A_listed_section_is_known_by_its_name_in_any_language(string written, string expected)
    {
        var (config, _) = Parse(Trilingual);

        Assert.Equal(expected, config.ForLanguage(config.AllLanguages[1]).SectionName(written));
        Assert.Equal(expected == "Trabajo" ? "Labor" : expected, config.SectionName(written));
    }

    [Theory]
    [InlineData("languages:\n  xx-nope: {title: X}\n", DiagnosticCodes.UnknownLanguage, 6)]
    [InlineData("languages:\n  en: {title: X}\n", DiagnosticCodes.DuplicateKey, 6)]
    [InlineData("languages:\n  es: {title: X}\n  ES: {title: Y}\n", DiagnosticCodes.DuplicateKey, 7)]
    [InlineData("languages: [es, ar]\n", DiagnosticCodes.WrongType, 5)]
    [InlineData("languages:\n  es: El Despacho\n", DiagnosticCodes.WrongType, 6)]
    [InlineData("languages:\n  es: {titel: X}\n", DiagnosticCodes.UnknownKey, 6)]
    public void A_language_site_yml_cannot_use_is_reported_at_its_line(string languages, string code, int line)
    {
        var (_, diagnostics) = Parse("title: T\nbase_url: https://example.org/\nlanguage: en\nsections: [Labor]\n" + languages);

        var reported = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((code, File, line), (reported.Code, reported.File, reported.Line));
    }

    [Fact]
    public void A_section_named_in_a_language_the_site_does_not_list_is_a_warning()
    {
        var (_, diagnostics) = Parse("title: T\nbase_url: https://example.org/\nlanguages:\n  es: {}\nsections:\n  - name: Labor\n    names: {fr: Travail}\n");

        var reported = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticSeverity.Warning, DiagnosticCodes.UnknownLanguage), (reported.Severity, reported.Code));
        Assert.Contains("'fr'", reported.Message, StringComparison.Ordinal);
    }

    private static (SiteConfig Config, DiagnosticBag Diagnostics) Parse(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        return (SiteConfigLoader.Parse(yaml, File, diagnostics), diagnostics);
    }
}
