using System.Collections.Concurrent;
using System.Diagnostics;
using Broadside.Cli.Serve;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Cli.Serve;

/// <summary>Which changes rebuild the preview, and how they are grouped.</summary>
public sealed class SiteWatcherTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "input");

    [Theory]
    [InlineData("articles/a.md.swp")]
    [InlineData("articles/.a.md.swx")]
    [InlineData("articles/a.md~")]
    [InlineData("articles/.#a.md")]
    [InlineData("articles/4913")]
    [InlineData(".git/index")]
    [InlineData("articles/.DS_Store")]
    public void Editor_temporary_and_hidden_files_are_ignored(string path)
    {
        Assert.True(SiteWatcher.IsIgnored(Root, Path.Combine(Root, path)));
    }

    [Theory]
    [InlineData("site.yml")]
    [InlineData("articles/2026/2026-03-14-a.md")]
    [InlineData("media/2026/picture.svg")]
    [InlineData("articles/2026")]
    public void Content_files_are_watched(string path)
    {
        Assert.False(SiteWatcher.IsIgnored(Root, Path.Combine(Root, path)));
    }

    [Fact]
    public async Task Changes_close_together_make_one_call_without_the_ignored_files()
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(folder.Combine("articles"));
        var calls = new ConcurrentQueue<IReadOnlyCollection<string>>();
        await using (new SiteWatcher([folder.Path], TimeSpan.FromMilliseconds(500), (paths, _) => calls.Enqueue(paths)))
        {
            // Ignored files first: their events are queued before the real ones.
            await File.WriteAllTextAsync(folder.Combine("articles", "a.md.swp"), "swap");
            await File.WriteAllTextAsync(folder.Combine("articles", "4913"), string.Empty);
            await File.WriteAllTextAsync(folder.Combine("articles", "a.md"), "a");
            await File.WriteAllTextAsync(folder.Combine("articles", "b.md"), "b");

            var clock = Stopwatch.StartNew();
            while (calls.IsEmpty)
            {
                Assert.True(clock.Elapsed < PreviewSite.Patience, "The watcher never called back.");
                await Task.Delay(50);
            }
        }

        var changed = Assert.Single(calls);
        Assert.Equal([folder.Combine("articles", "a.md"), folder.Combine("articles", "b.md")], changed);
    }
}
