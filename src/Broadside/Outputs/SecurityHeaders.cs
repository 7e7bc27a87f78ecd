using System.Collections.Immutable;
using System.Text;
using Broadside.Configuration;

namespace Broadside.Outputs;

/// <summary>
/// The security headers of every response of the published site, made from site.yml so that nothing an
/// editor may write is blocked: the content security policy frames the players of the listed video hosts
/// (<c>video_hosts</c>) and the hosts raw HTML may embed (<c>raw_html: iframe_hosts</c>), and lets forms
/// post to the site and to <see cref="SiteConfig.FormOrigins"/>. The build writes them to Netlify's
/// <c>_headers</c> (<see cref="HeadersFile"/>), and <c>serve</c> sends the same.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The path of the rule in <c>_headers</c>: every path of the site, <c>/</c> too.</summary>
    public const string EveryPath = "/*";

    /// <summary>The name of the content security policy's header.</summary>
    public const string PolicyHeader = "Content-Security-Policy";

    /// <summary>The headers for <paramref name="config"/>, in the order they are written.</summary>
    public static ImmutableArray<(string Name, string Value)> For(SiteConfig config) =>
        [
            (PolicyHeader, Policy(FrameOrigins(config), config.FormOrigins)),

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
    /// Netlify's <c>_headers</c> file for <paramref name="config"/>: one rule, for every path, with
    /// <see cref="For"/>.
    /// </summary>
    public static string HeadersFile(SiteConfig config)
    {
        var file = new StringBuilder()
            .Append("# The security headers of every file, made by the build from site.yml (video_hosts, raw_html).\n")
            .Append(EveryPath).Append('\n');
        foreach (var (name, value) in For(config))
        {
            file.Append("  ").Append(name).Append(": ").Append(value).Append('\n');
        }

        return file.ToString();
    }

    /// <summary>
    /// The headers of the rule for every path in a <c>_headers</c> file's <paramref name="text"/>, as
    /// <see cref="HeadersFile"/> writes it; empty when it has none.
    /// </summary>
    public static ImmutableArray<(string Name, string Value)> Read(string text)
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
                inRule = line.Trim() == EveryPath;
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
