using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Broadside.Configuration;

/// <summary>The video services whose links a site can turn into players.</summary>
public enum VideoService
{
    /// <summary>YouTube, played from its privacy-enhanced host, <c>www.youtube-nocookie.com</c>.</summary>
    YouTube,

    /// <summary>Vimeo, played with <c>dnt=1</c>, which tells its player not to track the viewer.</summary>
    Vimeo,

    /// <summary>An instance of PeerTube, the federated video host, named by its host.</summary>
    PeerTube,
}

/// <summary>One host whose video links become players: a service, and for PeerTube the instance's host.</summary>
/// <param name="Service">The service.</param>
/// <param name="Host">The PeerTube instance's host, lower case; the service's own name for the others.</param>
public sealed record VideoHost(VideoService Service, string Host)
{
    /// <summary>YouTube.</summary>
    public static VideoHost YouTube { get; } = new(VideoService.YouTube, "youtube");

    /// <summary>Vimeo.</summary>
    public static VideoHost Vimeo { get; } = new(VideoService.Vimeo, "vimeo");

    /// <summary>The name readers see: "YouTube", "Vimeo", or the PeerTube instance's host.</summary>
    public string Name => Service switch
    {
        VideoService.YouTube => "YouTube",
        VideoService.Vimeo => "Vimeo",
        _ => Host,
    };

    /// <summary>The origin the player is loaded from, which the content security policy lets pages frame.</summary>
    public string PlayerOrigin => Service switch
    {
        VideoService.YouTube => "https://www.youtube-nocookie.com",
        VideoService.Vimeo => "https://player.vimeo.com",
        _ => "https://" + Host,
    };

    /// <summary>
    /// The referrer policy of the player's frame. YouTube's player refuses to play without knowing which
    /// site embeds it, so it is told the site's origin (never the page); the others are told nothing.
    /// </summary>
    public string Referrer => Service == VideoService.YouTube ? "strict-origin" : "no-referrer";

    /// <summary>The hosts whose addresses are this service's video pages.</summary>
    public ImmutableArray<string> PageHosts => Service switch
    {
        VideoService.YouTube => ["youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "youtube-nocookie.com", "www.youtube-nocookie.com"],
        VideoService.Vimeo => ["vimeo.com", "www.vimeo.com", "player.vimeo.com"],
        _ => [Host],
    };
}

/// <summary>A link to a video on a listed host, read into what its player needs.</summary>
/// <param name="Host">The host.</param>
/// <param name="Id">The video's id, checked against the service's pattern.</param>
/// <param name="PlayerUrl">The player's address, made of <paramref name="Id"/> alone, never of the link's other parts.</param>
public sealed record VideoLink(VideoHost Host, string Id, string PlayerUrl)
{
    /// <summary>The video's own page on its host, made of the id alone.</summary>
    public string PageUrl => Host.Service switch
    {
        VideoService.YouTube => "https://www.youtube.com/watch?v=" + Id,
        VideoService.Vimeo => "https://vimeo.com/" + Id,
        _ => $"https://{Host.Host}/w/{Id}",
    };
}

/// <summary>
/// The hosts whose video links become click-to-load players (<c>video_hosts:</c> in site.yml), and the
/// reading of a link into a <see cref="VideoLink"/>.
/// </summary>
public sealed partial record VideoHosts
{
    /// <summary>When site.yml says nothing: YouTube and Vimeo.</summary>
    public static VideoHosts Default { get; } = new() { Hosts = [VideoHost.YouTube, VideoHost.Vimeo] };

    /// <summary>None: every video link stays a link.</summary>
    public static VideoHosts None { get; } = new();

    /// <summary>The listed hosts, in the order site.yml lists them.</summary>
    public ImmutableArray<VideoHost> Hosts { get; init; } = [];

    /// <summary>The origins of the listed hosts' players, each once, in order.</summary>
    public ImmutableArray<string> PlayerOrigins => [.. Hosts.Select(h => h.PlayerOrigin).Distinct(StringComparer.Ordinal)];

    /// <summary>The list as text, for keys of work cached under it.</summary>
    public string Key => string.Join(',', Hosts.Select(h => h.Service + ":" + h.Host));

    /// <summary>
    /// The host named by a word of site.yml's <c>video_hosts</c>: <c>youtube</c> (or one of its hosts),
    /// <c>vimeo</c> (or one of its hosts), or a PeerTube instance's host; null when it names no host.
    /// </summary>
    public static VideoHost? Named(string written)
    {
        var name = written.Trim().ToLowerInvariant();
        if (name == "youtube" || VideoHost.YouTube.PageHosts.Contains(name))
        {
            return VideoHost.YouTube;
        }

        if (name == "vimeo" || VideoHost.Vimeo.PageHosts.Contains(name))
        {
            return VideoHost.Vimeo;
        }

        return name.Contains('.', StringComparison.Ordinal) && name.Length <= 253 && Uri.CheckHostName(name) == UriHostNameType.Dns && !name.EndsWith('.')
            ? new VideoHost(VideoService.PeerTube, name)
            : null;
    }

    /// <summary>The video <paramref name="address"/> shows on a listed host, or null for any other address.</summary>
    public VideoLink? Find(string address)
    {
        if (Hosts.IsDefaultOrEmpty || !Uri.TryCreate(address.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(url.UserInfo) || !url.IsDefaultPort)
        {
            return null;
        }

        var host = url.IdnHost.ToLowerInvariant();
        foreach (var listed in Hosts)
        {
            if (listed.PageHosts.Contains(host) && Read(listed, host, url) is { } link)
            {
                return link;
            }
        }

        return null;
    }

    // The video of a page address of a listed host, its player's address made of the id alone.
    private static VideoLink? Read(VideoHost host, string name, Uri url)
    {
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var query = Query(url.Query);
        switch (host.Service)
        {
            case VideoService.YouTube:
                {
                    var id = name == "youtu.be"
                        ? segments.Length == 1 ? segments[0] : null
                        : segments is ["watch"] ? query.GetValueOrDefault("v")
                        : segments is ["shorts" or "live" or "embed", var one] ? one
                        : null;
                    if (id is null || !YouTubeId().IsMatch(id))
                    {
                        return null;
                    }

                    var start = Seconds(query.GetValueOrDefault("t") ?? query.GetValueOrDefault("start"));
                    return new VideoLink(host, id, $"https://www.youtube-nocookie.com/embed/{id}" + (start > 0 ? string.Create(CultureInfo.InvariantCulture, $"?start={start}") : string.Empty));
                }

            case VideoService.Vimeo:
                {
                    // vimeo.com/123, vimeo.com/123/abcdef (an unlisted video's hash), player.vimeo.com/video/123,
                    // and a video shown in a channel or group (vimeo.com/channels/x/123).
                    string? id = null, hash = null;
                    if (name == "player.vimeo.com")
                    {
                        id = segments is ["video", var v] ? v : null;
                        hash = query.GetValueOrDefault("h");
                    }
                    else if (segments.Length >= 1 && VimeoId().IsMatch(segments[^1]))
                    {
                        id = segments.Length == 1 || segments[0] is "channels" or "groups" or "album" or "showcase" ? segments[^1] : null;
                    }
                    else if (segments.Length == 2 && VimeoId().IsMatch(segments[0]))
                    {
                        (id, hash) = (segments[0], segments[1]);
                    }

                    if (id is null || !VimeoId().IsMatch(id) || (hash is not null && !VimeoHash().IsMatch(hash)))
                    {
                        return null;
                    }

                    return new VideoLink(host, id, $"https://player.vimeo.com/video/{id}?dnt=1" + (hash is null ? string.Empty : "&h=" + hash));
                }

            default:
                {
                    var id = segments switch
                    {
                        ["videos", "watch" or "embed", var watched] => watched,
                        ["w", var shortened] => shortened,
                        _ => null,
                    };
                    return id is not null && PeerTubeId().IsMatch(id) ? new VideoLink(host, id, $"https://{host.Host}/videos/embed/{id}") : null;
                }
        }
    }

    // The query's parameters, each the first of its name, undecoded but for '+'; ids and times need no more.
    private static Dictionary<string, string> Query(string query)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                values.TryAdd(pair[..equals], pair[(equals + 1)..]);
            }
        }

        return values;
    }

    // A start time as YouTube writes it: 90, 90s or 1h2m3s; 0 for none or anything else.
    private static int Seconds(string? time)
    {
        if (time is null || StartTime().Match(time) is not { Success: true } match)
        {
            return 0;
        }

        static int Part(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : 0;
        return match.Groups["plain"].Success ? Part(match.Groups["plain"]) : (Part(match.Groups["h"]) * 3600) + (Part(match.Groups["m"]) * 60) + Part(match.Groups["s"]);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$")]
    private static partial Regex YouTubeId();

    [GeneratedRegex("^[0-9]{1,12}$")]
    private static partial Regex VimeoId();

    [GeneratedRegex("^[0-9a-f]{6,20}$")]
    private static partial Regex VimeoHash();

    // A UUID, or the short form PeerTube's /w/ addresses use (22 characters of base 58).
    [GeneratedRegex("^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[1-9A-HJ-NP-Za-km-z]{20,24})$")]
    private static partial Regex PeerTubeId();

    [GeneratedRegex("^(?:(?<plain>[0-9]{1,5})s?|(?:(?<h>[0-9]{1,2})h)?(?:(?<m>[0-9]{1,3})m)?(?:(?<s>[0-9]{1,5})s)?)$")]
    private static partial Regex StartTime();
}
