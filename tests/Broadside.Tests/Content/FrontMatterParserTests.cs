using System.Globalization;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Yaml;

namespace Broadside.Tests.Content;

public sealed class FrontMatterParserTests
{
    private const string File = "input/articles/2026/bus.md";

    // Front matter starts on line 2 of the file, after the opening '---'.
    private const string Required = "title: Bus drivers walk out\nauthor: Ana Ruiz\nsection: Labor\ndate: 2026-03-14\n";

    private static readonly SiteConfig Site = SiteConfig.Fallback with
    {
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"),
        ExtraKeys = ["hero"],
    };

    [Fact]
    public void Reads_an_article_with_every_key()
    {
        const string yaml = """
            title: "Bus drivers walk out"
            author: Ana Ruiz
            section: Labor
            date: 2026-03-14
            tags: [transit, strikes]
            demands:
              - "Free transit now"
              - id: fair-wages
            summary: Drivers stop work at dawn.
            slug: Bus Drivers!
            draft: true
            updated: 2026-03-15T18:30:00+01:00
            image: /media/2026/bus.jpg
            image_alt: Drivers on a picket line
            canonical: https://example.org/2026/original/
            lang: es
            aliases:
              - /2019/old-name
              - 2019/old.html
            hero: banner.jpg
            """;

        var (front, diagnostics) = ParseArticle(yaml);

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.NotNull(front);
        Assert.Equal("Bus drivers walk out", front.Title);
        Assert.Equal(["Ana Ruiz"], front.Authors.ToArray());
        Assert.Equal("Labor", front.Section);
        Assert.Equal("2026-03-14T00:00:00.0000000-05:00", Iso(front.Date));
        Assert.Equal(["transit", "strikes"], front.Tags.ToArray());
        Assert.Equal(
            [new DemandReference("Free transit now", null, 8, 5), new DemandReference(null, "fair-wages", 9, 5)],
            front.Demands.ToArray());
        Assert.Equal("Drivers stop work at dawn.", front.Summary);
        Assert.Equal("bus-drivers", front.Slug);
        Assert.True(front.Draft);
        Assert.NotNull(front.Updated);
        Assert.Equal("2026-03-15T18:30:00.0000000+01:00", Iso(front.Updated.Value));
        Assert.Equal("/media/2026/bus.jpg", front.Image);
        Assert.Equal("Drivers on a picket line", front.ImageAlt);
        Assert.Equal(new Uri("https://example.org/2026/original/"), front.Canonical);
        Assert.Equal("es", front.Lang);
        Assert.Equal(["/2019/old-name/", "/2019/old.html"], front.Aliases.ToArray());
        Assert.Equal("banner.jpg", Assert.Single(front.Extra, kv => kv.Key == "hero").Value);
    }

    [Fact]
    public void Optional_keys_default_when_absent()
    {
        var (front, diagnostics) = ParseArticle(Required);

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.NotNull(front);
        Assert.Empty(front.Tags);
        Assert.Empty(front.Demands);
        Assert.Empty(front.Aliases);
        Assert.Empty(front.Extra);
        Assert.Null(front.Summary);
        Assert.Null(front.Slug);
        Assert.False(front.Draft);
        Assert.Null(front.Updated);
        Assert.Null(front.Image);
        Assert.Null(front.Canonical);
        Assert.Null(front.Lang);
        Assert.Empty(front.Corrections);
        Assert.Null(front.Toc);
    }

    [Fact]
    public void Reads_corrections_oldest_first_with_dates_in_the_sites_time_zone()
    {
        var yaml = Required + """
            corrections:
              - date: 2026-03-20
                text: "An earlier version gave the wrong date of the vote."
              - text: "An earlier version misspelled Tomás Berg's name."
                date: 2026-03-15T09:30:00+01:00
            """;

        var (front, diagnostics) = ParseArticle(yaml);

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.NotNull(front);
        Assert.Equal(
            [("2026-03-15T09:30:00.0000000+01:00", "An earlier version misspelled Tomás Berg's name."), ("2026-03-20T00:00:00.0000000-05:00", "An earlier version gave the wrong date of the vote.")],
            front.Corrections.Select(c => (Iso(c.Date), c.Text)));
    }

    [Theory]
    [InlineData("corrections: Fixed a typo.", 6, DiagnosticCodes.WrongType)]
    [InlineData("corrections:\n  - Fixed a typo.", 7, DiagnosticCodes.WrongType)]
    [InlineData("corrections:\n  - date: 2026-03-20", 7, DiagnosticCodes.RequiredKeyMissing)]
    [InlineData("corrections:\n  - text: Fixed a typo.", 7, DiagnosticCodes.RequiredKeyMissing)]
    [InlineData("corrections:\n  - date: March 20\n    text: Fixed a typo.", 7, DiagnosticCodes.InvalidDate)]
    [InlineData("corrections:\n  - date: 2026-03-20\n    text: Fixed a typo.\n    by: Ana", 9, DiagnosticCodes.UnknownKey)]
    public void A_correction_that_is_not_a_date_and_a_text_is_reported_at_its_line(string corrections, int line, string code)
    {
        var (front, diagnostics) = ParseArticle(Required + corrections + "\n");

        var problem = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((File, line, code), (problem.File, problem.Line, problem.Code));
        Assert.NotNull(front);
    }

    [Fact]
    public void A_correction_dated_before_the_article_is_kept_with_a_warning()
    {
        var (front, diagnostics) = ParseArticle(Required + "corrections:\n  - date: 2026-03-01\n    text: Fixed a typo.\n");

        var warning = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((7, DiagnosticCodes.InvalidDate, false), (warning.Line, warning.Code, warning.IsError));
        Assert.Contains("before the article was published (2026-03-14)", warning.Message, StringComparison.Ordinal);
        Assert.Equal("Fixed a typo.", Assert.Single(front!.Corrections).Text);
    }

    [Theory]
    [InlineData("toc: false", false)]
    [InlineData("toc: true", true)]
    public void Reads_toc(string line, bool toc)
    {
        var (front, diagnostics) = ParseArticle(Required + line + "\n");

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.Equal(toc, front!.Toc);
    }

    [Theory]
    [InlineData("author: Ana Ruiz", "Ana Ruiz")]
    [InlineData("author: [Ana Ruiz, Tomás Berg]", "Ana Ruiz|Tomás Berg")]
    [InlineData("author:\n  - Ana Ruiz\n  - Tomás Berg\n  - Li Wei", "Ana Ruiz|Tomás Berg|Li Wei")]
    public void Reads_the_author_as_one_name_or_a_list(string author, string expected)
    {
        var (front, diagnostics) = ParseArticle(Replace(Required, "author", author));

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.NotNull(front);
        Assert.Equal(expected.Split('|'), front.Authors.ToArray());
    }

    [Theory]
    [InlineData("title")]
    [InlineData("author")]
    [InlineData("section")]
    [InlineData("date")]
    public void A_missing_required_key_is_BS0105_naming_the_key(string key)
    {
        var (front, diagnostics) = ParseArticle(Replace(Required, key, null));

        Assert.Null(front);
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal(DiagnosticCodes.RequiredKeyMissing, diagnostic.Code);
        Assert.True(diagnostic.IsError);
        Assert.StartsWith($"the required key '{key}' is missing: ", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal((File, 2, 1), (diagnostic.File, diagnostic.Line, diagnostic.Column));
    }

    [Theory]
    [InlineData("title", "title: [Bus, drivers]", 2, 8, true)]
    [InlineData("section", "section: {name: Labor}", 4, 10, true)]
    [InlineData("date", "date: [2026-03-14]", 5, 7, true)]
    [InlineData("tags", "tags: {transit: yes}", 6, 7, false)]
    [InlineData("draft", "draft: sometimes", 6, 8, false)]
    [InlineData("draft", "draft: 'true'", 6, 8, false)]
    [InlineData("demands", "demands: Free transit now", 6, 10, false)]
    [InlineData("demands", "demands:\n  - [Free, transit]", 7, 5, false)]
    [InlineData("summary", "summary: [a, b]", 6, 10, false)]
    [InlineData("aliases", "aliases: {a: b}", 6, 10, false)]
    public void A_value_of_the_wrong_type_is_BS0106_at_its_line(string key, string line, int fileLine, int column, bool required)
    {
        var (front, diagnostics) = ParseArticle(Replace(Required, key, line));

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal(DiagnosticCodes.WrongType, diagnostic.Code);
        Assert.True(diagnostic.IsError);
        Assert.Equal((fileLine, column), (diagnostic.Line, diagnostic.Column));
        Assert.Equal(required, front is null);
    }

    [Fact]
    public void An_author_of_the_wrong_type_is_reported_once()
    {
        var (front, diagnostics) = ParseArticle(Replace(Required, "author", "author: {name: Ana Ruiz}"));

        Assert.Null(front);
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal(DiagnosticCodes.WrongType, diagnostic.Code);
        Assert.Equal((3, 9), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void An_impossible_date_is_BS0107_at_the_dates_line()
    {
        var (front, diagnostics) = ParseArticle(Replace(Required, "date", "date: 2026-02-30"));

        Assert.Null(front);
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal(DiagnosticCodes.InvalidDate, diagnostic.Code);
        Assert.True(diagnostic.IsError);
        Assert.Equal((File, 5, 7), (diagnostic.File, diagnostic.Line, diagnostic.Column));
        Assert.StartsWith("'2026-02-30' is not a date: write it as YYYY-MM-DD", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("date: 0001-01-01T00:00:00+14:00", "date", "'0001-01-01T00:00:00+14:00' is out of range: dates run from 1800-01-01 to 2199-12-31")]
    [InlineData("date: 9999-12-31T23:30:00-12:00", "date", "'9999-12-31T23:30:00-12:00' is out of range: dates run from 1800-01-01 to 2199-12-31")]
    [InlineData("date: 10000-01-01", "date", "'10000-01-01' is out of range: dates run from 1800-01-01 to 2199-12-31")]
    [InlineData("updated: 0000-01-01", "updated", "'0000-01-01' is out of range: dates run from 1800-01-01 to 2199-12-31")]
    [InlineData("date: 2026-03-14T18:30:00+18:00", "date", "'2026-03-14T18:30:00+18:00' has an offset out of range: offsets run from -14:00 to +14:00, such as 2026-03-14T18:30:00-05:00")]
    public void A_date_out_of_range_is_BS0107_saying_so_and_the_range_accepted(string line, string key, string message)
    {
        var (front, diagnostics) = ParseArticle(key == "date" ? Replace(Required, "date", line) : Required + line + "\n");

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.InvalidDate, key == "date" ? 5 : 6, key.Length + 3, message), (diagnostic.Code, diagnostic.Line, diagnostic.Column, diagnostic.Message));
        Assert.Equal(key == "date", front is null);
    }

    [Fact]
    public void An_impossible_updated_date_is_BS0107_and_the_article_is_still_read()
    {
        var (front, diagnostics) = ParseArticle(Required + "updated: 2026-04-31\n");

        Assert.NotNull(front);
        Assert.Null(front.Updated);
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.InvalidDate, 6, 10), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void A_misspelt_key_is_a_BS0108_warning_naming_the_key_meant()
    {
        var (_, diagnostics) = ParseArticle(Replace(Required, "title", "titel: Bus drivers walk out"));

        var warning = Assert.Single(diagnostics.ToImmutableSorted(), d => d.Code == DiagnosticCodes.UnknownKey);
        Assert.False(warning.IsError);
        Assert.Equal("unknown key 'titel': did you mean 'title'?", warning.Message);
        Assert.Equal((File, 2, 1), (warning.File, warning.Line, warning.Column));
    }

    [Fact]
    public void An_unknown_key_that_resembles_none_points_to_extra_keys()
    {
        var (front, diagnostics) = ParseArticle(Required + "kicker: Breaking\n");

        Assert.NotNull(front);
        var warning = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("unknown key 'kicker' is ignored (if your theme uses it, list it under 'extra_keys' in site.yml)", warning.Message);
        Assert.Empty(front.Extra);
    }

    [Fact]
    public void Demands_are_text_or_ids_in_the_order_written()
    {
        var (front, diagnostics) = ParseArticle(Required + "demands:\n  - {id: free-transit}\n  - Housing for all\n  - id: ' fair-wages '\n");

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.NotNull(front);
        Assert.Equal(
            [
                new DemandReference(null, "free-transit", 7, 5),
                new DemandReference("Housing for all", null, 8, 5),
                new DemandReference(null, "fair-wages", 9, 5),
            ],
            front.Demands.ToArray());
    }

    [Fact]
    public void A_demand_mapping_without_an_id_is_reported()
    {
        var (front, diagnostics) = ParseArticle(Required + "demands:\n  - name: free-transit\n");

        Assert.NotNull(front);
        Assert.Empty(front.Demands);
        Assert.Equal(
            [
                (DiagnosticCodes.RequiredKeyMissing, DiagnosticSeverity.Error, 7, 5),
                (DiagnosticCodes.UnknownKey, DiagnosticSeverity.Warning, 7, 5),
            ],
            diagnostics.ToImmutableSorted().Select(d => (d.Code, d.Severity, d.Line, d.Column)));
        Assert.Contains("'id'", diagnostics.ToImmutableSorted()[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_without_a_description_is_an_error()
    {
        var (front, diagnostics) = ParseArticle(Required + "image: /media/2026/bus.jpg\n");

        Assert.NotNull(front);
        Assert.Equal("/media/2026/bus.jpg", front.Image);
        var warning = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal(DiagnosticSeverity.Error, warning.Severity);
        Assert.Equal((File, 6, 8), (warning.File, warning.Line, warning.Column));
        Assert.Contains("image_alt", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_caption_or_credit_without_a_picture_is_a_warning_at_its_line()
    {
        var (front, diagnostics) = ParseArticle(Required + "image_caption: The picket line\nimage_credit: \"Photo: Ana Ruiz\"\n");

        Assert.NotNull(front);
        Assert.Equal(
            [(6, DiagnosticCodes.UnknownKey, DiagnosticSeverity.Warning), (7, DiagnosticCodes.UnknownKey, DiagnosticSeverity.Warning)],
            diagnostics.ToImmutableSorted().Select(d => (d.Line, d.Code, d.Severity)));
    }

    [Fact]
    public void Reads_the_caption_and_credit_of_the_lead_picture()
    {
        var (front, diagnostics) = ParseArticle(Required + "image: /media/2026/bus.jpg\nimage_alt: A bus\nimage_caption: The first bus out\nimage_credit: \"Photo: Ana Ruiz\"\n");

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.Equal(("The first bus out", "Photo: Ana Ruiz"), (front?.ImageCaption, front?.ImageCredit));
    }

    [Theory]
    [InlineData("https://cdn.example.org/2026/bus.jpg")]
    [InlineData("/media/2026/bus.jpg")]
    [InlineData("media/2026/bus.jpg")]
    public void Accepts_images_in_the_site_or_at_http_addresses(string image)
    {
        var (front, diagnostics) = ParseArticle(Required + $"image: {image}\nimage_alt: A bus\n");

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.Equal(image, front?.Image);
    }

    [Theory]
    [InlineData("ftp://example.org/bus.jpg", "is not an image address")]
    [InlineData("../secret.jpg", "climbs out of the site")]
    [InlineData("/media/../../etc/passwd", "climbs out of the site")]
    [InlineData("javascript:alert(1)", "would run a script")]
    [InlineData("\" JaVaScRiPt:alert(1)\"", "would run a script")]
    [InlineData("\"java\\tscript:alert(1)\"", "would run a script")]
    [InlineData("\"java\\nscript:alert(1)\"", "would run a script")]
    [InlineData("vbscript:msgbox(1)", "would run a script")]
    [InlineData("\"data:text/html,<script>alert(1)</script>\"", "would run a script")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=", "would run a script or carry a file")]
    public void Refuses_images_outside_the_site(string image, string message)
    {
        var (front, diagnostics) = ParseArticle(Required + $"image: {image}\nimage_alt: A bus\n");

        Assert.NotNull(front);
        Assert.Null(front.Image);
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.InvalidUrl, 6, 8), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/2026/original/")]
    [InlineData("example.org/original")]
    [InlineData("mailto:editor@example.org")]
    [InlineData("javascript:alert(1)")]
    [InlineData("\"java\\tscript:alert(1)\"")]
    [InlineData("\"data:text/html,<script>alert(1)</script>\"")]
    public void Refuses_a_canonical_address_that_is_not_absolute_http(string canonical)
    {
        var (front, diagnostics) = ParseArticle(Required + $"canonical: {canonical}\n");

        Assert.NotNull(front);
        Assert.Null(front.Canonical);
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.InvalidUrl, 6, 12), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
    }

    [Theory]
    [InlineData("/2019/old-name", "/2019/old-name/")]
    [InlineData("2019/old-name/", "/2019/old-name/")]
    [InlineData("/old/feed.xml", "/old/feed.xml")]
    [InlineData("/2019/old.html", "/2019/old.html")]
    [InlineData("/caf%C3%A9/", "/café/")]
    public void Aliases_become_root_relative_paths(string alias, string expected)
    {
        var (front, diagnostics) = ParseArticle(Required + $"aliases: ['{alias}']\n");

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.NotNull(front);
        Assert.Equal([expected], front.Aliases.ToArray());
    }

    [Theory]
    [InlineData("../old-name", "has a '..' segment")]
    [InlineData("/2019/../admin", "has a '..' segment")]
    [InlineData("./old", "has a '.' segment")]
    [InlineData("https://old.example.org/2019/x/", "is an address on another site")]
    [InlineData("http://old.example.org/", "is an address on another site")]
    [InlineData("//old.example.org/x/", "is an address on another site")]
    [InlineData("/", "is the home page")]
    [InlineData("/old.php?id=3", "a query")]
    public void Refuses_aliases_that_leave_the_site(string alias, string message)
    {
        var (front, diagnostics) = ParseArticle(Required + $"aliases:\n  - /kept/\n  - '{alias}'\n");

        Assert.NotNull(front);
        Assert.Equal(["/kept/"], front.Aliases.ToArray());
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal(DiagnosticCodes.InvalidUrl, diagnostic.Code);
        Assert.True(diagnostic.IsError);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_alias_is_reported_at_its_own_line()
    {
        var (_, diagnostics) = ParseArticle(Required + "aliases:\n  - /kept/\n  - /also-kept/\n  - ../refused\n");

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.InvalidUrl, 9, 5), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
    }

    [Theory]
    [InlineData("\"/old\\nname/\"", DiagnosticCodes.ControlCharacter)]
    [InlineData("\"/old\\e[31m/\"", DiagnosticCodes.ControlCharacter)]
    [InlineData("/old%0A/", DiagnosticCodes.ControlCharacter)]
    [InlineData("/robots.txt", DiagnosticCodes.PathReserved)]
    [InlineData("/.well-known/x", DiagnosticCodes.InvalidUrl)]
    public void Refuses_an_alias_at_its_line_with_a_code_for_its_kind(string alias, string code)
    {
        var (front, diagnostics) = ParseArticle(Required + $"aliases:\n  - /kept/\n  - {alias}\n");

        Assert.Equal(["/kept/"], front!.Aliases.ToArray());
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((code, 8, 5), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.Contains("such as /2019/old-name/", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostic.Message, char.IsControl);
    }

    [Theory]
    [InlineData(2, 3, 9)]
    [InlineData(0, 1, 7)]
    public void Aliases_past_the_limit_are_an_error_at_the_first_one_past_it(int limit, int count, int line)
    {
        var diagnostics = new DiagnosticBag();
        var aliases = string.Concat(Enumerable.Range(1, count).Select(i => $"  - /old-{i}/\n"));
        var site = Site with { Limits = SiteLimits.Default with { Aliases = limit } };

        var front = FrontMatterParser.ParseArticle(Map(Required + "aliases:\n" + aliases, diagnostics), site);

        Assert.Equal(limit, front!.Aliases.Length);
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.LimitExceeded, line, 5), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.Contains("limits: aliases", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_listed_twice_is_kept_once_with_a_warning()
    {
        var (front, diagnostics) = ParseArticle(Required + "aliases: [/old/, /OLD, /other/]\n");

        Assert.Equal(["/old/", "/other/"], front!.Aliases.ToArray());
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.DuplicateKey, DiagnosticSeverity.Warning), (diagnostic.Code, diagnostic.Severity));
    }

    [Theory]
    [InlineData("'🔥'")]
    [InlineData("'***'")]
    [InlineData("'-- --'")]
    public void A_slug_with_no_letters_or_digits_is_refused(string slug)
    {
        var (front, diagnostics) = ParseArticle(Required + $"slug: {slug}\n");

        Assert.NotNull(front);
        Assert.Null(front.Slug);
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.InvalidSlug, 6, 7), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.True(diagnostic.IsError);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/2019/elsewhere")]
    [InlineData("a/b")]
    [InlineData("'..'")]
    [InlineData("'C:\\Windows'")]
    public void A_slug_that_names_a_path_is_refused(string slug)
    {
        var (front, diagnostics) = ParseArticle(Required + $"slug: {slug}\n");

        Assert.NotNull(front);
        Assert.Null(front.Slug);
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.InvalidSlug, 6, 7), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.Contains("names a path", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_language_is_BS0204()
    {
        var (front, diagnostics) = ParseArticle(Required + "lang: not-a-language\n");

        Assert.NotNull(front);
        Assert.Null(front.Lang);
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.UnknownLanguage, 6, 7), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Reads_a_pages_front_matter()
    {
        const string yaml = """
            title: About us
            summary: Who we are.
            slug: About Us
            draft: false
            updated: 2026-01-05
            lang: pt-BR
            aliases: [/who/]
            hero: team.jpg
            """;
        var diagnostics = new DiagnosticBag();

        var front = FrontMatterParser.ParsePage(Map(yaml, diagnostics), Site);

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.NotNull(front);
        Assert.Equal("About us", front.Title);
        Assert.Equal("Who we are.", front.Summary);
        Assert.Equal("about-us", front.Slug);
        Assert.False(front.Draft);
        Assert.NotNull(front.Updated);
        Assert.Equal("2026-01-05T00:00:00.0000000-06:00", Iso(front.Updated.Value));
        Assert.Equal("pt-BR", front.Lang);
        Assert.Equal(["/who/"], front.Aliases.ToArray());
        Assert.Equal("team.jpg", front.Extra["hero"]);
    }

    [Fact]
    public void A_page_needs_a_title_and_warns_about_article_keys()
    {
        var diagnostics = new DiagnosticBag();

        var front = FrontMatterParser.ParsePage(Map("summary: Who we are.\nauthor: Ana Ruiz\n", diagnostics), Site);

        Assert.Null(front);
        Assert.Equal(
            [
                (DiagnosticCodes.RequiredKeyMissing, DiagnosticSeverity.Error, 2),
                (DiagnosticCodes.UnknownKey, DiagnosticSeverity.Warning, 3),
            ],
            diagnostics.ToImmutableSorted().Select(d => (d.Code, d.Severity, d.Line)));
        Assert.Contains("'title'", diagnostics.ToImmutableSorted()[0].Message, StringComparison.Ordinal);
        Assert.Contains("'author'", diagnostics.ToImmutableSorted()[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tags", 50, "limits: tags")]
    [InlineData("author", 20, "limits: authors")]
    [InlineData("demands", 50, "limits: demands")]
    public void Items_past_a_limit_are_BS0115_at_the_first_of_them_naming_the_setting(string key, int limit, string setting)
    {
        var items = Enumerable.Range(1, limit + 3).Select(i => key == "demands" && i % 2 == 0 ? $"  - id: demand-{i}" : $"  - Item {i}");
        var yaml = Replace(Required, key, key + ":\n" + string.Join('\n', items));

        var (front, diagnostics) = ParseArticle(yaml);
        var (raised, raisedDiagnostics) = ParseArticle(yaml, Site with { Limits = Site.Limits with { Tags = 60, Authors = 60, Demands = 60 } });

        var error = Assert.Single(diagnostics.ToImmutableSorted());
        var line = yaml.Split('\n').ToList().FindIndex(l => l.StartsWith(key + ":", StringComparison.Ordinal)) + 2 + limit + 1;
        Assert.Equal((DiagnosticCodes.LimitExceeded, line, 5), (error.Code, error.Line, error.Column));
        Assert.Equal($"'{key}' has {limit + 3} items, more than the {limit} one article may have; this is the first past the limit: keep the {limit} that matter most, or raise '{setting}' in site.yml", error.Message);
        Assert.NotNull(front);
        Assert.Equal(limit, key switch { "tags" => front.Tags.Length, "author" => front.Authors.Length, _ => front.Demands.Length });
        Assert.Empty(raisedDiagnostics.ToImmutableSorted());
        Assert.Equal(limit + 3, key switch { "tags" => raised!.Tags.Length, "author" => raised!.Authors.Length, _ => raised!.Demands.Length });
    }

    [Fact]
    public void Every_item_written_counts_towards_a_limit_even_one_that_matches_another()
    {
        var yaml = Required + "tags: [" + string.Join(", ", Enumerable.Range(0, 51).Select(i => i % 2 == 0 ? "strikes" : "Strikes")) + "]\n";

        var (_, diagnostics) = ParseArticle(yaml);

        Assert.Equal(DiagnosticCodes.LimitExceeded, Assert.Single(diagnostics.ToImmutableSorted()).Code);
    }

    [Theory]
    [InlineData("title", TextLengths.Title)]
    [InlineData("section", TextLengths.Name)]
    [InlineData("author", TextLengths.Name)]
    [InlineData("summary", TextLengths.Summary)]
    [InlineData("image_alt", TextLengths.Description)]
    [InlineData("tags", TextLengths.Name)]
    [InlineData("demands", TextLengths.Demand)]
    public void A_value_longer_than_its_kind_may_be_is_BS0115_at_its_line(string key, int maxLength)
    {
        var longest = key is "tags" or "demands" ? $"{key}: [\"{new string('x', maxLength)}\"]" : $"{key}: \"{new string('x', maxLength)}\"";
        var over = key is "tags" or "demands" ? $"{key}: [\"{new string('x', maxLength + 1)}\"]" : $"{key}: \"{new string('x', maxLength + 1)}\"";

        var (_, fits) = ParseArticle(Replace(Required + "image: /media/a.jpg\n", key, longest));
        var (_, diagnostics) = ParseArticle(Replace(Required + "image: /media/a.jpg\n", key, over));

        Assert.Empty(fits.ToImmutableSorted().Where(d => d.Code == DiagnosticCodes.LimitExceeded));
        var error = Assert.Single(diagnostics.ToImmutableSorted(), d => d.Code == DiagnosticCodes.LimitExceeded);
        Assert.Contains($"is {maxLength + 1:N0} characters long, more than the {maxLength:N0} it may have", error.Message, StringComparison.Ordinal);
        Assert.Equal(Replace(Required + "image: /media/a.jpg\n", key, over).Split('\n').ToList().FindIndex(l => l.StartsWith(key + ":", StringComparison.Ordinal)) + 2, error.Line);
    }

    [Fact]
    public void Control_characters_in_values_are_removed_with_a_BS0116_warning_each()
    {
        var (front, diagnostics) = ParseArticle(Replace(Required, "title", "title: \"Bus\\x1Bdrivers walk out\\0\"") + "demands: [\"Free\\u0085transit\"]\nimage: /media/a.jpg\nimage_alt: \"A\\x7F picket\"\n");

        Assert.NotNull(front);
        Assert.Equal(("Bus drivers walk out", "Free transit", "A picket"), (front.Title, front.Demands[0].Text, front.ImageAlt));
        Assert.Equal(
            [(2, DiagnosticCodes.ControlCharacter), (6, DiagnosticCodes.ControlCharacter), (8, DiagnosticCodes.ControlCharacter)],
            diagnostics.ToImmutableSorted().Select(d => (d.Line, d.Code)));
        Assert.All(diagnostics.ToImmutableSorted(), d => Assert.False(d.IsError));
    }

    [Fact]
    public void A_demand_is_its_words_or_an_id_and_a_text_mapping_is_neither()
    {
        var (front, diagnostics) = ParseArticle(Required + "demands:\n  - \"Hire 500 drivers now!\"\n  - id: free-transit\n");
        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.Equal([("Hire 500 drivers now!", null), (null, "free-transit")], front!.Demands.Select(d => (d.Text, d.Id)).ToArray());

        (front, diagnostics) = ParseArticle(Required + "demands:\n  - text: \"Hire 500 drivers now!\"\n");
        Assert.Contains(diagnostics.ToImmutableSorted(), d => d.IsError && d.Line == 7);
        Assert.Empty(front!.Demands);
    }

    private static (ArticleFrontMatter? Front, DiagnosticBag Diagnostics) ParseArticle(string yaml, SiteConfig? site = null)
    {
        var diagnostics = new DiagnosticBag();
        return (FrontMatterParser.ParseArticle(Map(yaml, diagnostics), site ?? Site), diagnostics);
    }

    private static YamlMap Map(string yaml, DiagnosticBag diagnostics)
    {
        var map = YamlMap.Parse(yaml, File, 1, diagnostics, "front matter");
        Assert.NotNull(map);
        return map;
    }

    /// <summary>Replaces the line of <paramref name="key"/> with <paramref name="line"/>, or appends it; null removes the key.</summary>
    private static string Replace(string yaml, string key, string? line)
    {
        var lines = yaml.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        var index = lines.FindIndex(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        if (index < 0)
        {
            lines.Add(line ?? string.Empty);
        }
        else if (line is null)
        {
            lines.RemoveAt(index);
        }
        else
        {
            lines[index] = line;
        }

        return string.Join('\n', lines) + "\n";
    }

    private static string Iso(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);
}
