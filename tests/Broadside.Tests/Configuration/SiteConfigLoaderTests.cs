using System.Collections.Immutable;
using System.Globalization;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Diagnostics;

namespace Broadside.Tests.Configuration;

public sealed class SiteConfigLoaderTests
{
    private const string File = "input/site.yml";

    private const string Minimal = "title: The Dispatch\nbase_url: https://example.org/\n";

    [Fact]
    public void Reads_a_full_site_yml()
    {
        const string yaml = """
            title: The Dispatch
            description: News from the picket line.
            base_url: https://example.org/news
            language: es
            time_zone: America/Chicago
            sections:
              - Labor
              - name: Housing
                description: Rents and tenants.
            page_size: 5
            feed_size: 30
            extra_keys: [hero, kicker]
            params:
              twitter: dispatch
              colors: [red, black]
            raw_html:
              allow_scripts: true
              iframe_hosts: [www.youtube-nocookie.com, Player.Vimeo.com]
            """;

        var (config, diagnostics) = Parse(yaml);

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.Equal("The Dispatch", config.Title);
        Assert.Equal("News from the picket line.", config.Description);
        Assert.Equal("https://example.org/news/", config.BaseUrl.AbsoluteUri);
        Assert.Equal("/news/", config.RootPath);
        Assert.Equal("es", config.Language);
        Assert.Equal("es", config.Culture.Name);
        Assert.Equal("America/Chicago", config.TimeZone.Id);
        Assert.Equal([new SectionConfig("Labor", string.Empty), new SectionConfig("Housing", "Rents and tenants.")], config.Sections.ToArray());
        Assert.Equal(5, config.PageSize);
        Assert.Equal(30, config.FeedSize);
        Assert.Equal(["hero", "kicker"], config.ExtraKeys.Order(StringComparer.Ordinal));
        Assert.Equal("dispatch", config.Params["twitter"]);
        Assert.Equal(["red", "black"], Assert.IsType<ImmutableArray<object?>>(config.Params["colors"]).ToArray());
        Assert.True(config.RawHtml.AllowScripts);
        Assert.Equal(["Player.Vimeo.com", "www.youtube-nocookie.com"], config.RawHtml.IframeHosts.Order(StringComparer.OrdinalIgnoreCase));
        Assert.Contains("player.vimeo.com", config.RawHtml.IframeHosts);
    }

    [Fact]
    public void A_minimal_site_yml_gets_the_defaults()
    {
        var (config, diagnostics) = Parse(Minimal);

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.Equal("The Dispatch", config.Title);
        Assert.Equal(string.Empty, config.Description);
        Assert.Equal("en", config.Language);
        Assert.Equal(TimeZoneInfo.Utc, config.TimeZone);
        Assert.Empty(config.Sections);
        Assert.Equal((10, 20), (config.PageSize, config.FeedSize));
        Assert.Empty(config.ExtraKeys);
        Assert.Empty(config.Params);
        Assert.False(config.RawHtml.AllowScripts);
        Assert.Empty(config.RawHtml.IframeHosts);
    }

    [Theory]
    [InlineData("raw_html: yes", DiagnosticCodes.WrongType, 3, "'raw_html' must be a mapping")]
    [InlineData("raw_html:\n  allow_scripts: sometimes", DiagnosticCodes.WrongType, 4, "'allow_scripts' must be true or false")]
    [InlineData("raw_html:\n  iframe_hosts: [\"https://www.youtube.com/embed/\"]", DiagnosticCodes.InvalidUrl, 4, "is not a host name")]
    [InlineData("raw_html:\n  allow_script: true", DiagnosticCodes.UnknownKey, 4, "did you mean 'allow_scripts'?")]
    public void A_raw_html_setting_of_the_wrong_shape_is_reported_and_nothing_is_allowed(string yaml, string code, int line, string words)
    {
        var (config, diagnostics) = Parse(Minimal + yaml);

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((code, line), (diagnostic.Code, diagnostic.Line));
        Assert.Contains(words, diagnostic.Message, StringComparison.Ordinal);
        Assert.False(config.RawHtml.AllowScripts);
        Assert.Empty(config.RawHtml.IframeHosts);
    }

    [Theory]
    [InlineData("title", "base_url: https://example.org/\n")]
    [InlineData("base_url", "title: The Dispatch\n")]
    [InlineData("title", "description: x\nbase_url: https://example.org/\n")]
    public void A_missing_title_or_base_url_is_BS0105(string key, string yaml)
    {
        var (config, diagnostics) = Parse(yaml);

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal(DiagnosticCodes.RequiredKeyMissing, diagnostic.Code);
        Assert.True(diagnostic.IsError);
        Assert.StartsWith($"the required key '{key}' is missing", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal((File, 1, 1), (diagnostic.File, diagnostic.Line, diagnostic.Column));
        Assert.Equal(key == "title" ? "Untitled" : "The Dispatch", config.Title);
    }

    [Theory]
    [InlineData("example.org")]
    [InlineData("ftp://example.org/")]
    [InlineData("/news/")]
    [InlineData("https://example.org/?page=1")]
    [InlineData("https://example.org/#top")]
    public void A_base_url_that_is_not_an_absolute_http_address_is_refused(string url)
    {
        var (config, diagnostics) = Parse($"title: The Dispatch\nbase_url: '{url}'\n");

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.InvalidUrl, 2, 11), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.Contains(url, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(SiteConfig.Fallback.BaseUrl, config.BaseUrl);
    }

    [Theory]
    [InlineData("https://example.org", "https://example.org/")]
    [InlineData("https://example.org/news", "https://example.org/news/")]
    [InlineData("http://example.org/news/", "http://example.org/news/")]
    public void The_base_url_always_ends_in_a_slash(string url, string expected)
    {
        var (config, diagnostics) = Parse($"title: The Dispatch\nbase_url: {url}\n");

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.Equal(expected, config.BaseUrl.AbsoluteUri);
    }

    [Fact]
    public void An_unknown_time_zone_is_BS0203_with_the_nearest_zone()
    {
        var (config, diagnostics) = Parse(Minimal + "time_zone: America/Chicgo\n");

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.UnknownTimeZone, 3, 12), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.True(diagnostic.IsError);
        Assert.Equal("'America/Chicgo' is not a known time zone; did you mean 'America/Chicago'?", diagnostic.Message);
        Assert.Equal(TimeZoneInfo.Utc, config.TimeZone);
    }

    [Fact]
    public void An_unknown_time_zone_far_from_any_is_BS0203_with_an_example()
    {
        var (_, diagnostics) = Parse(Minimal + "time_zone: Nowhere/Atlantis\n");

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal(DiagnosticCodes.UnknownTimeZone, diagnostic.Code);
        Assert.Equal("'Nowhere/Atlantis' is not a known time zone: use an IANA name such as Europe/Berlin or America/Chicago", diagnostic.Message);
    }

    [Fact]
    public void A_language_that_is_not_a_tag_is_BS0204()
    {
        var (config, diagnostics) = Parse(Minimal + "language: not-a-language\n");

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.UnknownLanguage, 3, 11), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.Contains("'not-a-language' is not a language tag", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("en", config.Language);
    }

    [Fact]
    public void A_section_listed_twice_is_reported_at_the_second()
    {
        var (config, diagnostics) = Parse(Minimal + "sections:\n  - Labor\n  - Housing\n  - name: labor\n    description: again\n");

        Assert.Equal(["Labor", "Housing"], config.Sections.Select(s => s.Name));
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.DuplicateKey, 6, 5), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.Equal("the section 'labor' is listed twice: keep one", diagnostic.Message);
    }

    [Theory]
    [InlineData("sections: Labor", 3, 11)]
    [InlineData("sections:\n  - [Labor]", 4, 5)]
    [InlineData("sections:\n  - description: no name", 4, 5)]
    public void A_section_that_is_not_a_name_is_reported(string yaml, int line, int column)
    {
        var (config, diagnostics) = Parse(Minimal + yaml + "\n");

        Assert.Empty(config.Sections);
        Assert.Contains(diagnostics.ToImmutableSorted(), d => d.IsError && d.Line == line && d.Column == column);
    }

    [Fact]
    public void A_misspelt_key_is_a_warning_naming_the_key_meant()
    {
        var (_, diagnostics) = Parse(Minimal + "page-size: 5\n");

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal(
            new Diagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.UnknownKey, "unknown key 'page-size': did you mean 'page_size'?", File, 3, 1),
            diagnostic);
    }

    [Theory]
    [InlineData("page_size: 0")]
    [InlineData("page_size: 1001")]
    [InlineData("feed_size: many")]
    public void Sizes_out_of_range_are_BS0106(string yaml)
    {
        var (config, diagnostics) = Parse(Minimal + yaml + "\n");

        Assert.Equal(DiagnosticCodes.WrongType, Assert.Single(diagnostics.ToImmutableSorted()).Code);
        Assert.Equal((10, 20), (config.PageSize, config.FeedSize));
    }

    [Theory]
    [InlineData("https://preview.example.net/pr-12", "https://preview.example.net/pr-12/")]
    [InlineData("http://localhost:8080", "http://localhost:8080/")]
    [InlineData("https://preview.example.net/pr-12/", "https://preview.example.net/pr-12/")]
    public void A_base_url_override_wins_and_ends_in_a_slash(string overrideUrl, string expected)
    {
        var (config, diagnostics) = Parse("title: The Dispatch\nbase_url: https://example.org/news/\n", new Uri(overrideUrl));

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.Equal(expected, config.BaseUrl.AbsoluteUri);
    }

    [Fact]
    public void With_a_base_url_override_site_yml_may_leave_base_url_out()
    {
        var (config, diagnostics) = Parse("title: The Dispatch\n", new Uri("https://preview.example.net/"));

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.Equal("https://preview.example.net/", config.BaseUrl.AbsoluteUri);
    }

    [Fact]
    public void A_missing_file_is_BS0201_and_gives_a_usable_configuration()
    {
        var diagnostics = new DiagnosticBag();
        var path = Path.Combine(Path.GetTempPath(), $"broadside-no-such-{Guid.NewGuid():N}", "site.yml");

        var config = SiteConfigLoader.Load(path, File, diagnostics, new Uri("https://example.org/news"));

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.SiteConfigMissing, File, 0), (diagnostic.Code, diagnostic.File, diagnostic.Line));
        Assert.True(diagnostic.IsError);
        Assert.Equal("Untitled", config.Title);
        Assert.Equal("https://example.org/news/", config.BaseUrl.AbsoluteUri);
    }

    [Fact]
    public void Loads_a_file_from_disk()
    {
        var path = Path.Combine(Path.GetTempPath(), $"broadside-site-{Guid.NewGuid():N}.yml");
        System.IO.File.WriteAllText(path, "title: The Dispatch\nbase_url: https://example.org/\nlanguage: [es]\n");
        try
        {
            var diagnostics = new DiagnosticBag();

            var config = SiteConfigLoader.Load(path, File, diagnostics);

            Assert.Equal("The Dispatch", config.Title);
            var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
            Assert.Equal((DiagnosticCodes.WrongType, File, 3), (diagnostic.Code, diagnostic.File, diagnostic.Line));
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void A_site_yml_that_is_not_valid_yaml_gives_the_fallback()
    {
        var (config, diagnostics) = Parse("title: \"The Dispatch\nbase_url: https://example.org/\n");

        Assert.Equal(DiagnosticCodes.YamlSyntax, Assert.Single(diagnostics.ToImmutableSorted()).Code);
        Assert.Equal(SiteConfig.Fallback, config);
    }

    [Theory]
    [InlineData("title: {0}\nbase_url: https://example.org/\n", TextLengths.Name, 1)]
    [InlineData("description: {0}\n", TextLengths.Tagline, 3)]
    [InlineData("sections: [Labor, {0}]\n", TextLengths.Name, 3)]
    [InlineData("sections:\n  - name: {0}\n", TextLengths.Name, 4)]
    [InlineData("sections:\n  - name: Labor\n    description: {0}\n", TextLengths.Description, 5)]
    public void A_value_every_page_shows_is_BS0115_when_too_long(string yaml, int maxLength, int line)
    {
        var text = string.Format(CultureInfo.InvariantCulture, yaml, new string('x', maxLength + 1));

        var (config, diagnostics) = Parse(line == 1 ? text : Minimal + text);

        var error = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.LimitExceeded, line), (error.Code, error.Line));
        Assert.DoesNotContain(config.Sections, s => s.Name.Length > maxLength);
    }

    [Fact]
    public void Control_characters_in_site_yml_are_removed_with_a_BS0116_warning()
    {
        var (config, diagnostics) = Parse(Minimal + "description: \"News\\x1Bfrom the\\u0085picket lines\"\nsections: [\"La\\x00bor\"]\nparams:\n  motto: \"\\x07Solidarity\"\n");

        Assert.Equal(("News from the picket lines", "La bor", "Solidarity"), (config.Description, config.Sections[0].Name, config.Params["motto"]));
        Assert.Equal([3, 4, 6], diagnostics.ToImmutableSorted().Select(d => d.Line));
        Assert.All(diagnostics.ToImmutableSorted(), d => Assert.Equal((DiagnosticSeverity.Warning, DiagnosticCodes.ControlCharacter), (d.Severity, d.Code)));
    }

    [Fact]
    public void Limits_are_read_and_default_when_left_out()
    {
        var (config, diagnostics) = Parse(Minimal + "limits:\n  tags: 10\n  demands: 12\n  authors: 3\n  sections: 8\n  pages: 0\n");
        var (defaults, _) = Parse(Minimal);

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.Equal((10, 12, 3, 8, 0), (config.Limits.Tags, config.Limits.Demands, config.Limits.Authors, config.Limits.Sections, config.Limits.Pages));
        Assert.Equal((50, 50, 20, 30, 30), (defaults.Limits.Tags, defaults.Limits.Demands, defaults.Limits.Authors, defaults.Limits.Sections, defaults.Limits.Pages));
    }

    [Fact]
    public void Sections_past_the_limit_are_BS0115_at_the_first_of_them()
    {
        var (config, diagnostics) = Parse(Minimal + "sections: [Labor, Housing, Climate, Theory]\nlimits: {sections: 2}\n");

        Assert.Equal(["Labor", "Housing"], config.Sections.Select(s => s.Name));
        var error = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.LimitExceeded, 3, 28), (error.Code, error.Line, error.Column));
        Assert.Equal("'sections' has 4 items, more than the 2 the menu may have; this is the first past the limit: keep the 2 that matter most, or raise 'limits: sections' in site.yml", error.Message);
    }

    private static (SiteConfig Config, DiagnosticBag Diagnostics) Parse(string yaml, Uri? baseUrlOverride = null)
    {
        var diagnostics = new DiagnosticBag();
        return (SiteConfigLoader.Parse(yaml, File, diagnostics, baseUrlOverride), diagnostics);
    }
}
