using System.Text.RegularExpressions;
using Broadside.Build;
using Broadside.Cli;
using Broadside.Diagnostics;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Build;

/// <summary>
/// <c>Fixtures/media</c>, a site that lists YouTube and a PeerTube instance and lets raw HTML embed one
/// host: built, its players, its sound and the content security policy that frames exactly them; checked,
/// each thing the policy would still block named at its file and line with what to do.
/// </summary>
public sealed partial class MediaSiteTests : IDisposable
{
    private readonly TemporaryFolder _output = new();
    private readonly TemporaryFolder _input = new();

    public void Dispose()
    {
        _output.Dispose();
        _input.Dispose();
    }

    [Fact]
    public void The_build_shows_players_for_the_listed_hosts_and_frames_exactly_them()
    {
        // The fixture's page of blocked things, but for the embedded video, which stops a build.
        var fixture = RepositoryPaths.Fixture("media");
        foreach (var file in Directory.EnumerateFiles(fixture, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(_input.Path, Path.GetRelativePath(fixture, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        var blocked = Path.Combine(_input.Path, "articles", "blocked.md");
        File.WriteAllText(blocked, File.ReadAllText(blocked).Replace("<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\" title=\"The vote\"></iframe>", string.Empty, StringComparison.Ordinal));
        var result = Builder.Build(new BuildOptions { InputFolder = _input.Path, ThemeFolder = RepositoryPaths.Theme, OutputFolder = _output.Path });
        var site = new SiteOutput(_output.Path);

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Equal(4, result.WarningCount);
        var page = site.Page("/2026/01/players/");
        Assert.Equal(
            ["https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "https://tube.example.org/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d"],
            page.QuerySelectorAll("a.player-link").Select(a => a.GetAttribute("data-player")));
        Assert.Equal(["Watch on YouTube", "Watch on tube.example.org"], page.QuerySelectorAll(".player-host").Select(e => e.TextContent));
        Assert.NotNull(page.QuerySelector("a.player-link img.player-poster[src='/media/ok.svg'][alt='']"));
        Assert.Single(page.QuerySelectorAll("a[href='https://vimeo.com/76979871']:not(.player-link)"));
        Assert.Equal("/media/chant.wav", page.QuerySelector("audio[controls]")!.GetAttribute("src"));
        Assert.True(File.Exists(Path.Combine(_output.Path, "media", "chant.wav")));
        Assert.Single(page.QuerySelectorAll("script[src*='/js/player.']"));
        Assert.Empty(site.Page("/2026/01/blocked/").QuerySelectorAll("script[src*='/js/player.']"));

        var headers = File.ReadAllText(Path.Combine(_output.Path, "_headers"));
        Assert.Contains("frame-src https://www.youtube-nocookie.com https://tube.example.org https://datawrapper.dwcdn.net;", headers, StringComparison.Ordinal);
        Assert.Contains("media-src 'self';", headers, StringComparison.Ordinal);
        Assert.Contains("form-action 'self';", headers, StringComparison.Ordinal);
    }

    public static TheoryData<string, int, string, string, string> Expected => new()
    {
        { "blocked.md", 10, DiagnosticCodes.RemoteMedia, "warning", "a <video> that plays 'https://cdn.example.net/strike.mp4' from another site (cdn.example.net): readers' browsers will not load it" },
        { "blocked.md", 12, DiagnosticCodes.PictureRemote, "warning", "an <img> that shows 'https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg' from another site" },
        { "blocked.md", 14, DiagnosticCodes.RemoteMedia, "warning", "a <form> that sends what readers enter to https://lists.example.net" },
        { "blocked.md", 16, DiagnosticCodes.IframeHost, "error", "write a link to the video alone in its paragraph instead, such as [What the video shows](https://www.youtube.com/watch?v=dQw4w9WgXcQ)" },
        { "blocked.md", 18, DiagnosticCodes.PictureRemote, "error", "the picture 'https://example.net/picture.jpg' is on another site" },
    };

    [Fact]
    public async Task Check_names_exactly_what_the_policy_would_block_at_its_line()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CommandLine.RunAsync(["check", "--input", RepositoryPaths.Fixture("media"), "--theme", RepositoryPaths.Theme], output, error);
        var lines = (error + output.ToString()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var diagnostics = lines.Where(l => Located().IsMatch(l)).ToList();

        Assert.Equal(1, exit);
        Assert.Equal(Expected.Count, diagnostics.Count);
        foreach (var (file, line, code, severity, words) in Expected.Select(row => ((string)row[0], (int)row[1], (string)row[2], (string)row[3], (string)row[4])))
        {
            Assert.Contains(diagnostics, l => l.Contains($"{file}({line},1): {severity} {code}: ", StringComparison.Ordinal) && l.Contains(words, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(diagnostics, l => l.Contains("players.md", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", string.Join('\n', lines), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\S.*: (error|warning) BS\d{4}: ")]
    private static partial Regex Located();
}
