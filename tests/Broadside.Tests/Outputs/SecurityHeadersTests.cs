using System.Collections.Immutable;
using Broadside.Configuration;
using Broadside.Outputs;

namespace Broadside.Tests.Outputs;

/// <summary>The security headers made from site.yml, and Netlify's <c>_headers</c> that carries them.</summary>
public sealed class SecurityHeadersTests
{
    private static readonly SiteConfig Site = SiteConfig.Fallback;

    [Fact]
    public void The_policy_frames_the_players_of_the_listed_hosts_and_plays_media_of_the_site()
    {
        var policy = Directives(SecurityHeaders.For(Site)[0].Value);

        Assert.Equal("'none'", policy["default-src"]);
        Assert.Equal("https://www.youtube-nocookie.com https://player.vimeo.com", policy["frame-src"]);
        Assert.Equal("'self'", policy["media-src"]);
        Assert.Equal("'self'", policy["form-action"]);
        Assert.Equal("'self' data:", policy["img-src"]);
        Assert.Equal("'self' 'wasm-unsafe-eval'", policy["script-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
    }

    [Fact]
    public void A_site_that_lists_no_host_frames_nothing()
    {
        var policy = Directives(SecurityHeaders.For(Site with { VideoHosts = VideoHosts.None })[0].Value);

        Assert.Equal("'none'", policy["frame-src"]);
    }

    [Fact]
    public void PeerTube_instances_and_the_hosts_raw_HTML_may_embed_are_framed_each_once()
    {
        var site = Site with
        {
            VideoHosts = new VideoHosts { Hosts = [VideoHost.YouTube, new VideoHost(VideoService.PeerTube, "tube.example.org")] },
            RawHtml = new RawHtmlPolicy { IframeHosts = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "WWW.youtube-nocookie.com", "datawrapper.dwcdn.net") },
        };

        Assert.Equal(["https://www.youtube-nocookie.com", "https://tube.example.org", "https://datawrapper.dwcdn.net"], SecurityHeaders.FrameOrigins(site).ToArray());
        Assert.Equal("https://www.youtube-nocookie.com https://tube.example.org https://datawrapper.dwcdn.net", Directives(SecurityHeaders.For(site)[0].Value)["frame-src"]);
    }

    [Fact]
    public void Forms_post_to_the_site_and_to_the_origins_its_settings_name()
    {
        Assert.Equal("'self'", Directives(SecurityHeaders.For(Site)[0].Value)["form-action"]);
        Assert.Equal("'self' https://lists.example.org http://localhost:8080", Directives(SecurityHeaders.Policy([], ["https://Lists.Example.org", "https://lists.example.org/", "http://localhost:8080"]))["form-action"]);

        // The signup forms of the call to action, in each language.
        var site = Site with
        {
            Action = new CallToAction("en") { Signup = new SignupForm(new Uri("https://lists.example.org/subscription/form?x=1")) },
            Language = "en",
            Languages = [new SiteLanguage("en", System.Globalization.CultureInfo.GetCultureInfo("en")), new SiteLanguage("es", System.Globalization.CultureInfo.GetCultureInfo("es")) { Prefix = "es/", Action = new CallToAction("es") { Signup = new SignupForm(new Uri("https://listas.example.net:8443/alta")) } }],
        };
        Assert.Equal("'self' https://lists.example.org https://listas.example.net:8443", Directives(SecurityHeaders.For(site)[0].Value)["form-action"]);
    }

    [Theory]
    [InlineData("https://lists.example.org/subscribe")]
    [InlineData("https://lists.example.org; script-src *")]
    [InlineData("https://lists.example.org 'unsafe-inline'")]
    [InlineData("lists.example.org")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://a:b@lists.example.org")]
    [InlineData("https://lists.example.org/?x=1")]
    public void Anything_but_an_origin_is_refused(string origin)
    {
        Assert.Throws<ArgumentException>(() => SecurityHeaders.Policy([], [origin]));
        Assert.Throws<ArgumentException>(() => SecurityHeaders.Policy([origin], []));
    }

    [Fact]
    public void The_headers_file_has_one_rule_for_every_path_and_reads_back_as_written()
    {
        var file = SecurityHeaders.HeadersFile(Site);

        var rules = file.Split('\n').Where(line => line.Length > 0 && line[0] == '/').ToList();
        Assert.Equal(["/*"], rules);
        Assert.EndsWith("\n", file, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', file);
        Assert.Equal(
            ["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "X-Frame-Options"],
            SecurityHeaders.Read(file).Select(h => h.Name));
        Assert.Equal(SecurityHeaders.For(Site).ToArray(), SecurityHeaders.Read(file).ToArray());
        Assert.Contains("  Content-Security-Policy: default-src 'none'; ", file, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_keeps_only_the_rule_for_every_path()
    {
        var headers = SecurityHeaders.Read("# note\n/assets/*\n  Cache-Control: immutable\n/*\n  X-Frame-Options: DENY\n\n  # between\n  Referrer-Policy: no-referrer\n");

        Assert.Equal([("X-Frame-Options", "DENY"), ("Referrer-Policy", "no-referrer")], headers.ToArray());
    }

    [Fact]
    public void With_the_web_editor_the_site_s_headers_are_given_for_each_top_level_path_and_the_editor_has_its_own()
    {
        string[] files = ["index.html", "feed.xml", "2026/03/strike/index.html", "2026/feed.xml", "about/index.html", "admin/index.html", "admin/config.yml", "_redirects", ".broadside-manifest"];
        var file = SecurityHeaders.HeadersFile(Site, files);

        var rules = file.Split('\n').Where(line => line.Length > 0 && line[0] == '/').ToList();
        Assert.Equal(["/", "/2026/*", "/about/*", "/feed.xml", "/index.html", "/admin/*"], rules);
        Assert.Equal(SecurityHeaders.For(Site).ToArray(), SecurityHeaders.Read(file).ToArray());
        Assert.Equal(SecurityHeaders.ForEditor().ToArray(), SecurityHeaders.ReadEditor(file).ToArray());
        Assert.Empty(SecurityHeaders.ReadEditor(SecurityHeaders.HeadersFile(Site)));
    }

    [Fact]
    public void A_folder_whose_name_starts_another_name_gets_rules_that_match_nothing_else()
    {
        // Netlify reads the slash before a closing * as optional, without regard to case: /demands/* would
        // match /demands.json too, and /ad/* /admin/.
        var rules = SecurityHeaders.SiteRules(["demands/x/index.html", "demands.json", "AD/index.html", "a/b/index.html", "adminx/index.html", "admin.html", "feed/x.xml"]);

        Assert.Equal(["/", "/AD/", "/AD/:name/*", "/a/", "/a/:name/*", "/admin.html", "/adminx/*", "/demands.json", "/demands/", "/demands/:name/*", "/feed/*"], rules.ToArray());
    }

    [Fact]
    public void A_name_with_other_characters_is_given_as_written_and_percent_encoded_unless_it_reads_as_a_pattern()
    {
        var rules = SecurityHeaders.SiteRules(["من-نحن/index.html", "a*b/index.html", ":lang/index.html"]);

        Assert.Equal(["/", "/%3Alang/*", "/%D9%85%D9%86-%D9%86%D8%AD%D9%86/*", "/a%2Ab/*", "/من-نحن/*"], rules.ToArray());
        Assert.Equal(["/", "/%3Aa.json", "/%3Aa/", "/%3Aa/:name/*"], SecurityHeaders.SiteRules([":a/index.html", ":a.json"]).ToArray());
    }

    [Fact]
    public void The_editor_s_policy_allows_what_Decap_needs_and_decap_server_only_for_serve()
    {
        var policy = Directives(SecurityHeaders.EditorPolicy());
        var local = Directives(SecurityHeaders.EditorPolicy(localBackend: true));

        Assert.Equal("'none'", policy["default-src"]);
        Assert.Equal("'self' 'unsafe-eval'", policy["script-src"]);
        Assert.Equal("'self' 'unsafe-inline'", policy["style-src"]);
        Assert.Equal("'self' blob: https://api.github.com", policy["connect-src"]);
        Assert.Equal("'self' blob: https://api.github.com http://localhost:8081", local["connect-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("'none'", policy["form-action"]);
        Assert.DoesNotContain(policy.Values, value => value.Contains('*', StringComparison.Ordinal));
    }

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(directive => directive.Split(' ', 2))
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
}
