using Broadside.Configuration;
using Broadside.Diagnostics;

namespace Broadside.Tests.Configuration;

/// <summary>site.yml's <c>video_hosts</c>, and the reading of a video's address into its player's.</summary>
public sealed class VideoHostsTests
{
    private const string File = "input/site.yml";

    private const string Minimal = "title: The Dispatch\nbase_url: https://example.org/\n";

    [Fact]
    public void Without_the_setting_YouTube_and_Vimeo_are_listed()
    {
        var (config, diagnostics) = Parse(Minimal);

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.Equal([VideoHost.YouTube, VideoHost.Vimeo], config.VideoHosts.Hosts.ToArray());
        Assert.Equal(["https://www.youtube-nocookie.com", "https://player.vimeo.com"], config.VideoHosts.PlayerOrigins.ToArray());
        Assert.Empty(config.FormOrigins);
    }

    [Theory]
    [InlineData("video_hosts: []", "")]
    [InlineData("video_hosts: [youtube]", "YouTube:youtube")]
    [InlineData("video_hosts: [www.youtube.com, Vimeo.com]", "YouTube:youtube,Vimeo:vimeo")]
    [InlineData("video_hosts:\n  - vimeo\n  - Tube.Example.ORG\n  - youtu.be", "Vimeo:vimeo,PeerTube:tube.example.org,YouTube:youtube")]
    public void The_setting_lists_services_and_PeerTube_instances_by_host(string yaml, string key)
    {
        var (config, diagnostics) = Parse(Minimal + yaml + "\n");

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.Equal(key, config.VideoHosts.Key);
    }

    [Theory]
    [InlineData("video_hosts: youtube", DiagnosticCodes.WrongType, 3, 14, "'video_hosts' must be a list", "YouTube:youtube,Vimeo:vimeo")]
    [InlineData("video_hosts: {youtube: true}", DiagnosticCodes.WrongType, 3, 14, "'video_hosts' must be a list", "YouTube:youtube,Vimeo:vimeo")]
    [InlineData("video_hosts: [youtube, \"https://tube.example.org/\"]", DiagnosticCodes.InvalidUrl, 3, 24, "write the host alone, such as tube.example.org", "YouTube:youtube")]
    [InlineData("video_hosts:\n  - youtube\n  - not a host", DiagnosticCodes.InvalidUrl, 5, 5, "'not a host' in 'video_hosts' is not a host: write youtube, vimeo", "YouTube:youtube")]
    [InlineData("video_hosts:\n  - dailymotion", DiagnosticCodes.InvalidUrl, 4, 5, "'dailymotion' in 'video_hosts' is not a host", "")]
    [InlineData("video_hosts:\n  - [youtube]\n  - vimeo", DiagnosticCodes.WrongType, 4, 5, "each entry of 'video_hosts' is youtube, vimeo or the host of a PeerTube instance", "Vimeo:vimeo")]
    public void A_setting_of_the_wrong_shape_is_reported_where_it_is_written(string yaml, string code, int line, int column, string words, string kept)
    {
        var (config, diagnostics) = Parse(Minimal + yaml + "\n");

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.True(diagnostic.IsError);
        Assert.Equal((File, code, line, column), (diagnostic.File, diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.Contains(words, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(kept, config.VideoHosts.Key);
    }

    [Fact]
    public void A_host_listed_twice_is_a_warning_and_listed_once()
    {
        var (config, diagnostics) = Parse(Minimal + "video_hosts: [youtube, vimeo, www.youtube.com]\n");

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.False(diagnostic.IsError);
        Assert.Equal((DiagnosticCodes.DuplicateKey, 3), (diagnostic.Code, diagnostic.Line));
        Assert.Contains("lists YouTube again", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("YouTube:youtube,Vimeo:vimeo", config.VideoHosts.Key);
    }

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("http://youtube.com/watch?v=dQw4w9WgXcQ&t=42s", "dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=42")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ?t=1h2m3s", "dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=3723")]
    [InlineData("https://www.youtube.com/live/dQw4w9WgXcQ?t=oops", "dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://WWW.YOUTUBE.COM/watch?v=dQw4w9WgXcQ", "dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://vimeo.com/channels/staffpicks/76979871", "76979871", "https://player.vimeo.com/video/76979871?dnt=1")]
    [InlineData("https://player.vimeo.com/video/76979871?h=8a9b7c6d5e", "76979871", "https://player.vimeo.com/video/76979871?dnt=1&h=8a9b7c6d5e")]
    [InlineData("https://tube.example.org/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv", "kkGMgK9ZtnKfYAgnEtQxbv", "https://tube.example.org/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv")]
    public void A_video_address_is_read_into_its_id_and_player(string address, string id, string player)
    {
        var hosts = new VideoHosts { Hosts = [VideoHost.YouTube, VideoHost.Vimeo, new VideoHost(VideoService.PeerTube, "tube.example.org")] };

        var video = hosts.Find(address);

        Assert.NotNull(video);
        Assert.Equal((id, player), (video.Id, video.PlayerUrl));
    }

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=short")]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ1")]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgX%3Cb")]
    [InlineData("https://www.youtube.com/playlist?list=PL123")]
    [InlineData("https://user:pass@www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("ftp://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("javascript:alert(1)//www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://vimeo.com/76979871/not-a-hash")]
    [InlineData("https://vimeo.com/user/76979871")]
    [InlineData("https://tube.example.org/w/../../etc")]
    [InlineData("https://tube.example.org/w/short")]
    [InlineData("https://other.example.org/w/kkGMgK9ZtnKfYAgnEtQxbv")]
    public void Anything_else_is_no_video(string address)
    {
        var hosts = new VideoHosts { Hosts = [VideoHost.YouTube, VideoHost.Vimeo, new VideoHost(VideoService.PeerTube, "tube.example.org")] };

        Assert.Null(hosts.Find(address));
    }

    private static (SiteConfig Config, DiagnosticBag Diagnostics) Parse(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        return (SiteConfigLoader.Parse(yaml, File, diagnostics), diagnostics);
    }
}
