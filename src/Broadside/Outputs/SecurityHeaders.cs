using System.Collections.Immutable;
using System.Text;
using Broadside.Configuration;
using Broadside.Output;

namespace Broadside.Outputs;

/// <summary>
/// The security headers of every response of the published site, made from site.yml so that nothing an
/// editor may write is blocked: the content security policy frames the players of the listed video hosts
/// (<c>video_hosts</c>) and the hosts raw HTML may embed (<c>raw_html: iframe_hosts</c>), and lets forms
/// post to the site and to <see cref="SiteConfig.FormOrigins"/>. The build writes them to Netlify's
/// <c>_headers</c> (<see cref="HeadersFile"/>), and <c>serve</c> sends the same.
/// <para>
/// The web editor at <c>/admin/</c> (Decap CMS) needs a looser policy (<see cref="EditorPolicy"/>) than
/// the site's, and must not get the site's as well: a browser that receives two policies enforces both,
/// so the site's would block the editor. In a <c>_headers</c> file every rule whose path matches applies,
/// and which value Netlify sends when two matching rules set one header (the later rule's, or both) is
/// not settled by its documentation (netlify/build's headers-parser merges only rules of the very same
/// path). So no two rules here ever match one path: with the editor on, the site's headers are given
/// path by path, one rule for each file and folder at the top of the published site (<c>/</c>,
/// <c>/index.html</c>, <c>/2026/*</c>, <c>/feed.xml</c>, …) and none for <c>/admin/</c>, which has a
/// rule of its own; with it off, one rule for <c>/*</c> as before. A path at the top of the site that
/// holds no file (answered with <c>404.html</c>) then gets none of these headers.
/// </para>
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The path of the rule in <c>_headers</c>: every path of the site, <c>/</c> too.</summary>
    public const string EveryPath = "/*";

    /// <summary>The path of the web editor's rule in <c>_headers</c>.</summary>
    public const string EditorPath = "/" + ReservedPaths.Admin + "/*";

    /// <summary>Where the web editor finds <c>decap-server</c> when it is opened from <c>localhost</c> (Decap's own default).</summary>
    public const string LocalBackendOrigin = "http://localhost:8081";

    /// <summary>The name of the content security policy's header.</summary>
    public const string PolicyHeader = "Content-Security-Policy";

    /// <summary>The headers for <paramref name="config"/>, in the order they are written.</summary>
    public static ImmutableArray<(string Name, string Value)> For(SiteConfig config) => With(Policy(FrameOrigins(config), config.FormOrigins));

    /// <summary>The headers of the web editor's pages: the site's, with <see cref="EditorPolicy"/> for its policy.</summary>
    /// <param name="localBackend">True for <c>serve</c>, whose editor may reach <c>decap-server</c> on this computer.</param>
    public static ImmutableArray<(string Name, string Value)> ForEditor(bool localBackend = false) => With(EditorPolicy(localBackend));

    private static ImmutableArray<(string Name, string Value)> With(string policy) =>
        [
            (PolicyHeader, policy),

            // Browsers take each file for the type the server states; an upload cannot turn into a script.
            ("X-Content-Type-Options", "nosniff"),

            // Following a link tells the next site nothing about which article a reader came from: some
            // readers are watched by their state. (A video player's frame says otherwise for itself, and
            // tells its host the site's origin at most.)
            ("Referrer-Policy", "no-referrer"),

            // No page may use the camera, the microphone or the reader's location, nor put the reader into
            // interest-based advertising groups (FLoC's interest-cohort, then the Topics API).
            ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=()"),

            // frame-ancestors 'none' says this in CSP; this says it to browsers that predate CSP 2.
            ("X-Frame-Options", "DENY"),
        ];

    /// <summary>
    /// The origins pages may frame: the players of the listed video hosts, then the hosts raw HTML may
    /// embed (over HTTPS, as a page served over HTTPS can frame no other), each once.
    /// </summary>
    public static ImmutableArray<string> FrameOrigins(SiteConfig config) =>
        [.. config.VideoHosts.PlayerOrigins.Concat(config.RawHtml.IframeHosts.Select(h => Uri.CheckHostName(h) == UriHostNameType.IPv6 ? $"https://[{h.Trim('[', ']')}]" : "https://" + h.ToLowerInvariant()).Order(StringComparer.Ordinal)).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The content security policy: nothing but what the site itself serves, the frames of
    /// <paramref name="frameOrigins"/> and forms that post to the site or to <paramref name="formOrigins"/>.
    /// </summary>
    /// <param name="frameOrigins">Origins pages may frame (<c>https://www.youtube-nocookie.com</c>); none frames nothing.</param>
    /// <param name="formOrigins">Origins besides the site's that forms may post to.</param>
    /// <exception cref="ArgumentException">An entry is not an origin (a scheme, a host and perhaps a port, nothing else).</exception>
    public static string Policy(IEnumerable<string> frameOrigins, IEnumerable<string> formOrigins)
    {
        var frames = frameOrigins.Select(Origin).Distinct(StringComparer.Ordinal).ToList();
        var forms = formOrigins.Select(Origin).Distinct(StringComparer.Ordinal).ToList();
        string[] directives =
        [
            // Nothing is allowed unless a directive below allows it.
            "default-src 'none'",

            // The theme's stylesheet under /assets/; no inline styles or style="" anywhere.
            "style-src 'self'",

            // Images and the favicon from this site (/media/, /assets/); data: for small images a theme may
            // inline in its CSS. Never a remote picture: loading one would tell its host who reads the page
            // (`check` reports each).
            "img-src 'self' data:",

            // Audio and video files published from media/, played by <audio> and <video>.
            "media-src 'self'",

            // Fonts a theme ships under /assets/; never a font service.
            "font-src 'self'",

            // Scripts only from this site: the search page's and the video player's under /assets/, and
            // Pagefind's under /pagefind/, which the build publishes. Pages carry
            // <script type="application/ld+json"> blocks: they are data blocks, which the HTML standard never
            // executes and never submits to CSP (its "prepare the script element" algorithm returns for a
            // non-JavaScript type before the CSP inline check), so no 'unsafe-inline' or hash is needed.
            // 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly search code (fetched from /pagefind/);
            // it allows no eval() of JavaScript. The same policy covers Pagefind's worker, which is a script
            // of this site too.
            "script-src 'self' 'wasm-unsafe-eval'",

            // fetch() only to this site (the search index under /pagefind/).
            "connect-src 'self'",

            // The players of the listed video hosts, which a reader's click loads, and the hosts raw HTML may
            // embed; nothing when there are none.
            "frame-src " + (frames.Count == 0 ? "'none'" : string.Join(' ', frames)),

            // A web app manifest, if a theme adds one.
            "manifest-src 'self'",

            // An injected <base> cannot send relative links elsewhere.
            "base-uri 'self'",

            // Forms (the search form) submit to this site, and to the origins the site's settings name.
            "form-action " + string.Join(' ', forms.Prepend("'self'")),

            // No other site may frame these pages (clickjacking).
            "frame-ancestors 'none'",
        ];
        return string.Join("; ", directives);
    }

    /// <summary>
    /// The content security policy of the web editor at <c>/admin/</c>, Decap CMS: what it needs to run
    /// and to save to GitHub, and nothing more. Each directive says what needs it.
    /// </summary>
    /// <param name="localBackend">
    /// True for <c>serve</c>: the editor opened from this computer saves through <c>decap-server</c> at
    /// <see cref="LocalBackendOrigin"/> (<c>npx decap-server</c>). Never in the published site's <c>_headers</c>.
    /// </param>
    public static string EditorPolicy(bool localBackend = false)
    {
        // Found by running the editor in Chromium under a policy of nothing but 'self' and reading what it
        // reported as blocked (tests/Broadside.Tests/Browser/EditorTests.cs runs it under this one).
        string[] directives =
        [
            "default-src 'none'",

            // Decap's script and the parts it loads later, all from /admin/. 'unsafe-eval': before it shows
            // anything, Decap checks its settings with ajv, which compiles each JSON schema into a function
            // (new Function). Nothing else in the editor evaluates text as code.
            "script-src 'self' 'unsafe-eval'",

            // Decap's interface styles itself from JavaScript (emotion), which inserts <style> elements and style attributes.
            "style-src 'self' 'unsafe-inline'",

            // The site's pictures; those read from GitHub or being uploaded, which Decap shows from blob:
            // addresses it makes; the avatar of the GitHub account logged in (its API's avatar_url).
            "img-src 'self' blob: https://avatars.githubusercontent.com",

            // Sound, video and fonts of the site itself.
            "media-src 'self'",
            "font-src 'self'",

            // The editor's settings (config.yml) from the site; blob: addresses Decap made itself, which it
            // reads back when it opens an entry that is already saved; GitHub's API, which reads and saves
            // the repository's files, branches and pull requests; decap-server on this computer, for serve alone.
            "connect-src 'self' blob: https://api.github.com" + (localBackend ? " " + LocalBackendOrigin : string.Empty),

            // Logging in opens Netlify's page (api.netlify.com) in a window of its own, which no directive
            // governs and which hands the GitHub token back by postMessage; nothing is framed.
            "frame-src 'none'",
            "base-uri 'self'",

            // The editor posts no form: it saves through the API.
            "form-action 'none'",

            // No other site may frame the editor (clickjacking of a logged-in editor).
            "frame-ancestors 'none'",
        ];
        return string.Join("; ", directives);
    }

    /// <summary>
    /// Netlify's <c>_headers</c> file for <paramref name="config"/>: one rule for every path, with
    /// <see cref="For"/>, when the site has no web editor; with one, the rules of <see cref="SiteRules"/>
    /// for the site's <paramref name="files"/> and one for <see cref="EditorPath"/> (see the class's remarks).
    /// </summary>
    /// <param name="config">The site's settings.</param>
    /// <param name="files">With the web editor, every file the build publishes, as paths in the site (<c>2026/03/x/index.html</c>); null without it.</param>
    public static string HeadersFile(SiteConfig config, IEnumerable<string>? files = null)
    {
        var file = new StringBuilder();
        void Rule(string path, ImmutableArray<(string Name, string Value)> headers)
        {
            file.Append(path).Append('\n');
            foreach (var (name, value) in headers)
            {
                file.Append("  ").Append(name).Append(": ").Append(value).Append('\n');
            }
        }

        if (files is null)
        {
            file.Append("# The security headers of every file, made by the build from site.yml (video_hosts, raw_html).\n");
            Rule(EveryPath, For(config));
            return file.ToString();
        }

        file.Append("# The security headers, made by the build from site.yml (video_hosts, raw_html, editor). The web editor\n")
            .Append("# at /admin/ needs a policy of its own, and a path two rules match could get both policies, so the\n")
            .Append("# site's headers are given for each file and folder at the top of the site, and /admin/ has its own rule.\n");
        var site = For(config);
        foreach (var path in SiteRules(files))
        {
            Rule(path, site);
        }

        Rule(EditorPath, ForEditor());
        return file.ToString();
    }

    /// <summary>
    /// The paths of the rules that give the site's headers when it has a web editor: <c>/</c>, each file at
    /// the top of the site (<c>/feed.xml</c>) and each folder (<c>/2026/*</c>), never a path of <c>/admin/</c>.
    /// Netlify reads the slash before a closing <c>*</c> as optional and compares without regard to case,
    /// so <c>/demands/*</c> would match <c>/demands.json</c> too, and <c>/ad/*</c> <c>/admin/</c>: a folder
    /// whose name starts another name at the top of the site (or <c>admin</c>) gets <c>/demands/</c> and
    /// <c>/demands/:name/*</c> instead, which match the folder and what is in it alone. A name with characters
    /// other than letters, digits and <c>-._~</c> is given as written and percent-encoded, as a browser may
    /// ask for either; as written only when nothing in it reads as a pattern.
    /// </summary>
    /// <param name="files">Every file the build publishes, as paths in the site.</param>
    public static ImmutableArray<string> SiteRules(IEnumerable<string> files)
    {
        var top = new SortedDictionary<string, bool>(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var slash = path.IndexOf('/', StringComparison.Ordinal);
            var first = slash < 0 ? path : path[..slash];
            if (first.Length > 0 && first[0] is not ('_' or '.') && !first.Equals(ReservedPaths.Admin, StringComparison.OrdinalIgnoreCase))
            {
                top[first] = top.GetValueOrDefault(first) || slash >= 0;
            }
        }

        var rules = new SortedSet<string>(StringComparer.Ordinal) { "/" };
        foreach (var (name, folder) in top)
        {
            if (!folder)
            {
                rules.UnionWith(Spellings("/" + name));
            }
            else if (top.Keys.Append(ReservedPaths.Admin).Any(other => other.Length > name.Length && other.StartsWith(name, StringComparison.OrdinalIgnoreCase)))
            {
                rules.UnionWith(Spellings("/" + name + "/"));
                rules.UnionWith(Spellings("/" + name + "/:name/*"));
            }
            else
            {
                rules.UnionWith(Spellings("/" + name + "/*"));
            }
        }

        return [.. rules];
    }

    // A path as written and percent-encoded; as written only when that has nothing Netlify reads as a
    // pattern (*, a :placeholder) or that ends the line.
    private static IEnumerable<string> Spellings(string path)
    {
        var parts = path.Split('/');
        var encoded = string.Join('/', parts.Select(part => part is "*" or ":name" ? part : Uri.EscapeDataString(part)));
        if (!parts.Any(part => part is not ("*" or ":name") && part.AsSpan().IndexOfAny("*:# \t\r\n") >= 0))
        {
            yield return path;
        }

        if (encoded != path)
        {
            yield return encoded;
        }
    }

    /// <summary>
    /// The site's headers in a <c>_headers</c> file's <paramref name="text"/>, as <see cref="HeadersFile"/>
    /// writes it: those of its rule for every path, or, in a site with the web editor, of its rule for
    /// <c>/</c>; empty when it has neither.
    /// </summary>
    public static ImmutableArray<(string Name, string Value)> Read(string text) => Read(text, path => path is EveryPath or "/");

    /// <summary>The web editor's headers in a <c>_headers</c> file's <paramref name="text"/>; empty when it has no rule for <see cref="EditorPath"/>.</summary>
    public static ImmutableArray<(string Name, string Value)> ReadEditor(string text) => Read(text, path => path == EditorPath);

    private static ImmutableArray<(string Name, string Value)> Read(string text, Func<string, bool> rule)
    {
        var headers = ImmutableArray.CreateBuilder<(string, string)>();
        var inRule = false;
        foreach (var line in text.Split('\n'))
        {
            if (line.TrimStart().StartsWith('#') || line.Trim().Length == 0)
            {
                continue;
            }

            if (!char.IsWhiteSpace(line[0]))
            {
                if (headers.Count > 0)
                {
                    break;
                }

                inRule = rule(line.Trim());
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (inRule && colon > 0)
            {
                headers.Add((line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        return headers.ToImmutable();
    }

    // An origin as CSP writes it, lower case, with nothing that could end the directive or the policy.
    private static string Origin(string origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || url.IdnHost.Length == 0
            || !string.IsNullOrEmpty(url.UserInfo) || url.AbsolutePath != "/" || url.Query.Length > 0 || url.Fragment.Length > 0
            || origin.AsSpan().IndexOfAny(" \t\r\n;,'\"") >= 0)
        {
            throw new ArgumentException($"'{origin}' is not an origin such as https://example.org", nameof(origin));
        }

        return url.Scheme + "://" + url.IdnHost.ToLowerInvariant() + (url.IsDefaultPort ? string.Empty : ":" + url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
