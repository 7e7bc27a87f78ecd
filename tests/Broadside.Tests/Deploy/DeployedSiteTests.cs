using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Broadside.Build;
using Broadside.Outputs;
using Broadside.Tests.Build;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Deploy;

/// <summary>The sample publication, built once as Netlify builds it, for the tests of the deploy configuration.</summary>
public sealed class DeployedSiteFixture : IDisposable
{
    private readonly TemporaryFolder _output = new();

    /// <summary>Builds the sample.</summary>
    public DeployedSiteFixture()
    {
        // With the web editor when Decap CMS is installed, as Netlify installs it.
        Result = Builder.Build(SampleSiteFixture.OptionsFor(_output.Path) with { Editor = QualityTools.DecapBundle });
        Site = new SiteOutput(_output.Path);
    }

    /// <summary>What the build reported.</summary>
    public BuildResult Result { get; }

    /// <summary>What the build wrote.</summary>
    public SiteOutput Site { get; }

    /// <inheritdoc />
    public void Dispose() => _output.Dispose();
}

/// <summary>
/// The built sample site works under the headers <c>netlify.toml</c> and the <c>_headers</c> the build
/// writes send: the Content-Security-Policy allows everything its pages use, and every file gets the
/// headers meant for it.
/// </summary>
public sealed partial class DeployedSiteTests(DeployedSiteFixture fixture) : IClassFixture<DeployedSiteFixture>
{
    // Elements whose content CSP's default-src 'none' blocks and that the policy does not open up (no
    // object-src); frames and media are allowed from where frame-src and media-src say.
    private const string BlockedEmbeds = "frame, object, embed, applet, portal";

    private readonly SiteOutput _site = fixture.Site;
    private readonly NetlifyConfig _config = NetlifyConfig.Load().WithHeadersFile(fixture.Site.Folder);

    [Fact]
    public void Every_file_gets_a_strict_content_security_policy_and_the_other_security_headers()
    {
        var sample = Broadside.Configuration.SiteConfigLoader.Load(Path.Combine(RepositoryPaths.Input, "site.yml"), "site.yml", new Broadside.Diagnostics.DiagnosticBag());
        foreach (var path in RequestPaths().Where(p => p == "/" || p.EndsWith("/404.html", StringComparison.Ordinal) || p.StartsWith("/assets/", StringComparison.Ordinal) || p.EndsWith(".xml", StringComparison.Ordinal) || p.StartsWith("/media/", StringComparison.Ordinal)).Append("/2026/11/no-such-article/"))
        {
            var headers = _config.HeadersFor(path);

            Assert.True(headers.TryGetValue("Content-Security-Policy", out var csp), $"{path} has no Content-Security-Policy.");
            var directives = Csp(csp);
            Assert.Equal("'none'", directives["default-src"]);
            Assert.Equal("'none'", directives["frame-ancestors"]);
            // Scripts only from the site; WebAssembly (Pagefind's search) may compile, JavaScript may not eval.
            Assert.Equal("'self' 'wasm-unsafe-eval'", directives["script-src"]);
            Assert.Equal("'self'", directives["style-src"]);
            Assert.Equal("'self'", directives["base-uri"]);
            Assert.Equal("'self'", directives["media-src"]);
            // The site, and the sample's own mailing list, which its call to action's signup form posts to.
            Assert.Equal(["https://lists.commons-dispatch.example.org"], sample.FormOrigins.ToArray());
            Assert.Equal("'self' https://lists.commons-dispatch.example.org", directives["form-action"]);
            // Exactly the players of the sample's video hosts, YouTube's and Vimeo's by default.
            Assert.Equal(string.Join(' ', sample.VideoHosts.PlayerOrigins), directives["frame-src"]);
            Assert.Equal("https://www.youtube-nocookie.com https://player.vimeo.com", directives["frame-src"]);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("'unsafe-eval'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("*", csp, StringComparison.Ordinal);

            Assert.Equal("nosniff", headers["X-Content-Type-Options"]);
            Assert.Equal("no-referrer", headers["Referrer-Policy"]);
            Assert.Equal("DENY", headers["X-Frame-Options"]);
            var permissions = headers["Permissions-Policy"];
            Assert.All(
                new[] { "camera=()", "microphone=()", "geolocation=()", "interest-cohort=()", "browsing-topics=()" },
                feature => Assert.Contains(feature, permissions, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_sample_shows_a_video_player_and_plays_audio_of_its_own()
    {
        var players = Every("a.player-link[data-player]").ToList();
        Assert.NotEmpty(players);
        Assert.NotEmpty(Every("audio[controls][src^='/media/']"));
    }

    [Fact]
    public void Every_player_loads_from_an_origin_the_policy_frames_and_no_page_asks_its_host_before_a_click()
    {
        var frames = Csp(_config.HeadersFor("/")["Content-Security-Policy"])["frame-src"].Split(' ');
        foreach (var (page, link) in Every("a.player-link[data-player]"))
        {
            var player = new Uri(link.GetAttribute("data-player")!);
            Assert.Equal(Uri.UriSchemeHttps, player.Scheme);
            Assert.Contains(player.GetLeftPart(UriPartial.Authority), frames);
            Assert.True(IsSameOrigin(link.QuerySelector("img")?.GetAttribute("src") ?? "/", allowData: false), $"{page}: a player's still comes from elsewhere.");
        }

        // The script is on the pages that show a player, and on no other.
        foreach (var page in _site.HtmlFiles)
        {
            var document = _site.Parse(page);
            var hasPlayer = document.QuerySelector("a.player-link[data-player]") is not null;
            var hasScript = document.QuerySelectorAll("script[src]").Any(s => s.GetAttribute("src")!.Contains("/js/player.", StringComparison.Ordinal));
            Assert.True(hasPlayer == hasScript, $"{page}: {(hasPlayer ? "a player without its script" : "the player's script without a player")}.");
        }
    }

    [Fact]
    public void The_sample_builds()
    {
        Assert.True(fixture.Result.Succeeded, string.Join('\n', fixture.Result.Diagnostics));
        Assert.NotEmpty(_site.HtmlFiles);
    }

    [Fact]
    public void No_page_has_a_script_that_runs_inline()
    {
        var found = Every("script:not([src])")
            .Where(hit => !string.Equals(hit.Element.GetAttribute("type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase))
            .Select(hit => $"{hit.Page}: <script type=\"{hit.Element.GetAttribute("type")}\">")
            .ToList();

        Assert.True(found.Count == 0, "CSP (script-src 'self') blocks these inline scripts:\n" + string.Join('\n', found));
    }

    [Fact]
    public void Structured_data_is_present_and_inert()
    {
        var blocks = Every("script:not([src])").ToList();

        Assert.NotEmpty(blocks);
        Assert.All(blocks, hit => Assert.Equal("application/ld+json", hit.Element.GetAttribute("type")?.Trim(), ignoreCase: true));
    }

    [Fact]
    public void No_page_has_inline_styles()
    {
        var found = Every("style, [style]").Select(hit => $"{hit.Page}: <{hit.Element.LocalName}{(hit.Element.HasAttribute("style") ? $" style=\"{hit.Element.GetAttribute("style")}\"" : string.Empty)}>").ToList();

        Assert.True(found.Count == 0, "CSP (style-src 'self') blocks these inline styles:\n" + string.Join('\n', found));
    }

    [Fact]
    public void No_page_has_inline_event_handlers_or_javascript_urls()
    {
        var found = Every("*")
            .SelectMany(hit => hit.Element.Attributes
                .Where(attribute => attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                    || attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                .Select(attribute => $"{hit.Page}: <{hit.Element.LocalName} {attribute.Name}=\"{attribute.Value}\">"))
            .ToList();

        Assert.True(found.Count == 0, "CSP blocks these:\n" + string.Join('\n', found));
    }

    [Fact]
    public void No_page_embeds_what_the_policy_blocks()
    {
        var found = Every(BlockedEmbeds).Select(hit => $"{hit.Page}: <{hit.Element.LocalName}>").ToList();

        Assert.True(found.Count == 0, "default-src 'none' blocks these; allow them in the policy (src/Broadside/Outputs/SecurityHeaders.cs) first:\n" + string.Join('\n', found));
        var frames = Csp(_config.HeadersFor("/")["Content-Security-Policy"])["frame-src"].Split(' ');
        Assert.DoesNotContain(Every("iframe"), hit => !frames.Contains(new Uri(hit.Element.GetAttribute("src") ?? "about:blank").GetLeftPart(UriPartial.Authority)));
    }

    [Fact]
    public void Stylesheets_scripts_icons_and_images_come_from_the_site_itself()
    {
        var resources = Every("link[href]")
            .Where(hit => IsFetchedLink(hit.Element))
            .Select(hit => (hit.Page, hit.Element, Address: hit.Element.GetAttribute("href")!))
            .Concat(Every("script[src], img[src], source[src], input[src], video[src], audio[src], track[src], video[poster]")
                .Select(hit => (hit.Page, hit.Element, Address: hit.Element.GetAttribute("src") ?? hit.Element.GetAttribute("poster")!)))
            .Concat(Every("img[srcset], source[srcset]")
                .SelectMany(hit => hit.Element.GetAttribute("srcset")!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(candidate => (hit.Page, hit.Element, Address: candidate.Split(' ')[0]))))
            .ToList();

        Assert.NotEmpty(resources);
        var found = resources
            .Where(resource => !IsSameOrigin(resource.Address, allowData: resource.Element.LocalName is "img" or "source"))
            .Select(resource => $"{resource.Page}: <{resource.Element.LocalName} … \"{resource.Address}\">")
            .ToList();

        Assert.True(found.Count == 0, "These are not root-relative (same origin), so the policy blocks them:\n" + string.Join('\n', found));
        Assert.DoesNotContain(Every("base[href]"), hit => !IsSameOrigin(hit.Element.GetAttribute("href")!, allowData: false));
    }

    [Fact]
    public void Forms_post_only_where_the_policy_lets_them()
    {
        var allowed = Csp(_config.HeadersFor("/")["Content-Security-Policy"])["form-action"].Split(' ');
        var forms = Every("form").ToList();
        Assert.NotEmpty(forms);

        var found = forms
            .Select(hit => (hit.Page, Address: hit.Element.GetAttribute("action") ?? string.Empty))
            .Where(form => !IsSameOrigin(form.Address, allowData: false) && !allowed.Contains(new Uri(form.Address).GetLeftPart(UriPartial.Authority)))
            .Select(form => $"{form.Page}: <form action=\"{form.Address}\">")
            .ToList();
        Assert.True(found.Count == 0, "The policy's form-action blocks these:\n" + string.Join('\n', found));
    }

    [Fact]
    public void Stylesheets_load_nothing_from_elsewhere()
    {
        var stylesheets = _site.Files.Where(file => file.EndsWith(".css", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(stylesheets);

        var found = stylesheets
            .SelectMany(file => CssReference().Matches(File.ReadAllText(Path.Combine(_site.Folder, file)))
                .Select(match => (File: file, Address: match.Groups["url"].Value.Trim().Trim('"', '\''))))
            .Where(reference => !IsSameOrigin(reference.Address, allowData: true, allowRelative: true))
            .Select(reference => $"{reference.File}: {reference.Address}")
            .ToList();

        Assert.True(found.Count == 0, "The policy blocks these stylesheet references:\n" + string.Join('\n', found));
    }

    [ToolFact(Tool.Decap)]
    public void The_web_editor_alone_gets_the_editor_s_policy_and_every_other_file_the_site_s()
    {
        var sample = Broadside.Configuration.SiteConfigLoader.Load(Path.Combine(RepositoryPaths.Input, "site.yml"), "site.yml", new Broadside.Diagnostics.DiagnosticBag());
        var site = SecurityHeaders.For(sample).ToDictionary();
        var editor = SecurityHeaders.ForEditor().ToDictionary();
        var paths = RequestPaths().ToList();
        Assert.Contains("/admin/", paths);
        Assert.Contains("/admin/config.yml", paths);
        Assert.Contains("/admin/" + Broadside.Editor.DecapBundle.Script, paths);
        Assert.Contains("/" + Broadside.Editor.RenderEditor.Widgets, paths);

        foreach (var path in paths.Append("/admin").Append("/2026/11/no-such-article/"))
        {
            var expected = path == "/admin" || path.StartsWith("/admin/", StringComparison.Ordinal) ? editor : site;
            var headers = _config.HeadersFor(path);
            Assert.All(expected, header => Assert.True(headers.TryGetValue(header.Key, out var value) && value == header.Value, $"{path}: {header.Key} is {value ?? "missing"}, not {header.Value}"));
        }

        Assert.Contains("Disallow: /admin/", File.ReadAllText(Path.Combine(_site.Folder, "robots.txt")), StringComparison.Ordinal);
        Assert.DoesNotContain("/admin/", File.ReadAllText(Path.Combine(_site.Folder, "sitemap.xml")), StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", File.ReadAllText(Path.Combine(_site.Folder, "admin", "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_file_gets_each_header_from_one_rule_at_most()
    {
        // HeadersFor fails when two matching rules set the same header: Netlify would send both values.
        foreach (var path in RequestPaths())
        {
            var headers = _config.HeadersFor(path);
            Assert.True(headers.ContainsKey("Content-Security-Policy"), $"{path} gets no Content-Security-Policy.");
        }
    }

    [Fact]
    public void Every_feed_and_data_file_of_the_site_is_served_with_its_media_type()
    {
        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["feed.xml"] = "application/rss+xml; charset=utf-8",
            ["atom.xml"] = "application/atom+xml; charset=utf-8",
            ["feed.json"] = "application/feed+json; charset=utf-8",
            ["demands.json"] = "application/json; charset=utf-8",
            ["sitemap.xml"] = "application/xml",
        };

        var files = _site.Files
            .Where(file => !file.StartsWith("media/", StringComparison.Ordinal) && !file.StartsWith("assets/", StringComparison.Ordinal))
            .Where(file => expected.ContainsKey(Path.GetFileName(file)))
            .ToList();
        Assert.Contains(files, file => file.StartsWith("tags/", StringComparison.Ordinal));
        Assert.Contains(files, file => file.StartsWith("demands/", StringComparison.Ordinal));

        foreach (var file in files)
        {
            var headers = _config.HeadersFor("/" + file);
            Assert.True(headers.TryGetValue("Content-Type", out var contentType), $"/{file} gets no Content-Type.");
            Assert.Equal(expected[Path.GetFileName(file)], contentType);
        }
    }

    [Fact]
    public void Every_theme_asset_is_cached_for_a_year_and_nothing_else_is()
    {
        var assets = _site.Files.Where(file => file.StartsWith("assets/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(assets);

        foreach (var path in RequestPaths())
        {
            var cacheControl = _config.HeadersFor(path).GetValueOrDefault("Cache-Control");
            if (path.StartsWith("/assets/", StringComparison.Ordinal))
            {
                Assert.Equal("public, max-age=31536000, immutable", cacheControl);
            }
            else
            {
                Assert.True(cacheControl is null or "public, max-age=0, must-revalidate", $"{path} gets Cache-Control: {cacheControl}");
            }
        }
    }

    [Fact]
    public void Every_header_rule_applies_to_some_file_of_the_site()
    {
        var paths = RequestPaths().ToList();

        var unused = _config.HeaderRules.Where(rule => !paths.Any(rule.Matches)).Select(rule => rule.For).ToList();

        Assert.True(unused.Count == 0, "These netlify.toml header paths match no file of the sample site (a typo?):\n" + string.Join('\n', unused));
    }

    [Fact]
    public void The_site_has_the_404_page_and_redirects_Netlify_serves()
    {
        Assert.Contains("404.html", _site.Files);
        var redirects = File.ReadAllLines(Path.Combine(_site.Folder, "_redirects"));
        Assert.NotEmpty(redirects);
        Assert.DoesNotContain(redirects, line => line.StartsWith("/* ", StringComparison.Ordinal));
    }

    // Every path a reader can request: each file, and each folder that has an index.html as /folder/.
    private IEnumerable<string> RequestPaths() =>
        _site.Files
            .Where(file => !file.StartsWith('_'))
            .SelectMany(file => file == "index.html"
                ? new[] { "/", "/index.html" }
                : file.EndsWith("/index.html", StringComparison.Ordinal)
                    ? ["/" + file[..^"index.html".Length], "/" + file]
                    : ["/" + file]);

    private IEnumerable<(string Page, IElement Element)> Every(string selector) =>
        _site.HtmlFiles.SelectMany(page => _site.Parse(page).QuerySelectorAll(selector).Select(element => (page, element)));

    // A <link> the browser fetches: stylesheets, icons, preloads, manifests; not canonical, alternate and the like.
    private static bool IsFetchedLink(IElement link)
    {
        var relations = (link.GetAttribute("rel") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return relations.Any(relation => relation.ToLowerInvariant() is "stylesheet" or "icon" or "apple-touch-icon" or "mask-icon"
            or "preload" or "modulepreload" or "prefetch" or "manifest");
    }

    private static bool IsSameOrigin(string address, bool allowData, bool allowRelative = false)
    {
        var value = address.Trim();
        if (value.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return allowData;
        }

        if (value.StartsWith("//", StringComparison.Ordinal) || value.StartsWith('\\'))
        {
            return false;
        }

        if (value.StartsWith('/') || value.StartsWith('#'))
        {
            return true;
        }

        // A scheme (https:, http:, javascript:) names another origin or something worse.
        return allowRelative && !SchemePrefix().IsMatch(value);
    }

    private static Dictionary<string, string> Csp(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(directive => directive.Split(' ', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1].Trim() : string.Empty, StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"url\(\s*(?<url>""[^""]*""|'[^']*'|[^)]*)\s*\)|@import\s+(?<url>""[^""]*""|'[^']*')", RegexOptions.IgnoreCase)]
    private static partial Regex CssReference();

    [GeneratedRegex(@"^[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase)]
    private static partial Regex SchemePrefix();
}
