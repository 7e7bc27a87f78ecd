using System.IO.Hashing;
using System.Text;
using Broadside.Build;
using Broadside.Diagnostics;
using Broadside.Output;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Build;

/// <summary>
/// A build publishes the whole new site or leaves the old one as it was, whatever stands in its way:
/// another build writing the same folder, files of the publisher's where the site's must go, paths too
/// long for the file system, a disk that fails in the middle. <c>check</c> finds what the build would
/// fail on, before it is run.
/// </summary>
public sealed class AllOrNothingTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly string _input;
    private readonly string _output;

    public AllOrNothingTests()
    {
        _input = _folder.Combine("input");
        _output = _folder.Combine("output");
        TemporaryFolder.CopyFolder(RepositoryPaths.Fixture("minimal"), _input);
        File.WriteAllText(Path.Combine(_input, "articles", "second.md"), "---\ntitle: Second\nauthor: Ana Ruiz\nsection: News\ndate: 2026-01-16\ntags: [strikes]\n---\n\nMore.\n");
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_build_into_a_folder_another_build_is_writing_waits_then_stops_naming_the_other_and_writes_nothing()
    {
        using var other = OutputLock.TryAcquire(_output, "broadside serve", TimeSpan.Zero, out _);
        Assert.NotNull(other);

        var result = Builder.Build(Options() with { LockWait = TimeSpan.FromMilliseconds(300) });

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.OutputLocked, "output"), (diagnostic.Code, diagnostic.File));
        Assert.StartsWith($"the output folder is being written by broadside serve (process {Environment.ProcessId}, started ", diagnostic.Message, StringComparison.Ordinal);
        Assert.False(result.Succeeded);
        Assert.False(Directory.Exists(_output));
    }

    [Fact]
    public void A_file_of_the_publisher_where_a_folder_of_the_site_must_go_is_found_by_check_and_stops_the_build_with_the_site_as_it_was()
    {
        Assert.True(Builder.Build(Options()).Succeeded);
        File.Delete(Path.Combine(_output, "tags", "strikes", "index.html"));
        File.Delete(Path.Combine(_output, "tags", "strikes", "feed.xml"));
        Directory.Delete(Path.Combine(_output, "tags", "strikes"));
        File.WriteAllText(Path.Combine(_output, "tags", "strikes"), "the publisher's file");
        Directory.CreateDirectory(Path.Combine(_output, "tags", "wildcat", "feed.xml"));
        File.WriteAllText(Path.Combine(_output, "tags", "wildcat", "feed.xml", "notes.txt"), "the publisher's notes");
        File.WriteAllText(Path.Combine(_input, "articles", "second.md"), File.ReadAllText(Path.Combine(_input, "articles", "second.md")).Replace("[strikes]", "[strikes, wildcat]", StringComparison.Ordinal));
        var before = Snapshot();

        var check = Builder.Build(Options() with { CheckOnly = true });
        var build = Builder.Build(Options());

        Assert.Equal(
            [
                (DiagnosticCodes.PathBlocked, "'tags/strikes/feed.xml' cannot be written: 'tags/strikes' in the output folder is a file that Broadside did not write, where a folder must go: move or delete it, or build into another folder"),
                (DiagnosticCodes.PathBlocked, "'tags/strikes/index.html' cannot be written: 'tags/strikes' in the output folder is a file that Broadside did not write, where a folder must go: move or delete it, or build into another folder"),
            ],
            build.Diagnostics.Where(d => d.Message.Contains("tags/strikes", StringComparison.Ordinal)).Select(d => (d.Code, d.Message)));
        Assert.Contains(build.Diagnostics, d => d.Code == DiagnosticCodes.PathBlocked && d.Message.StartsWith("'tags/wildcat/feed.xml' cannot be written: 'tags/wildcat/feed.xml/' in the output folder is a folder that holds files Broadside did not write", StringComparison.Ordinal));
        Assert.Equal(Lines(build), Lines(check));
        Assert.False(build.Succeeded);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void Paths_too_long_for_the_file_system_are_found_by_check_and_stop_the_build_before_anything_is_written()
    {
        // An output folder 4,065 bytes long: its home page fits, an article's page does not.
        var deep = _folder.Path;
        while (deep.Length < 4061)
        {
            deep = Path.Combine(deep, new string('d', Math.Min(250, 4061 - deep.Length - 1)));
        }

        Directory.CreateDirectory(deep);
        var output = Path.Combine(deep, "out");

        var check = Builder.Build(Options(output) with { CheckOnly = true });
        var build = Builder.Build(Options(output));

        Assert.False(build.Succeeded);
        Assert.NotEmpty(build.Diagnostics);
        Assert.All(build.Diagnostics, d => Assert.Equal(DiagnosticCodes.PathTooLong, d.Code));
        Assert.Contains(build.Diagnostics, d => d.Message.Contains("more than the 4,095 a file system can open", StringComparison.Ordinal));
        Assert.Equal(Lines(build), Lines(check));
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(40)]
    public void A_disk_that_fails_while_the_site_moves_in_leaves_the_site_as_it_was_and_says_so(int failAt)
    {
        Assert.True(Builder.Build(Options()).Succeeded);
        var before = Snapshot();

        // Every page changes: the site's title is on each.
        File.WriteAllText(Path.Combine(_input, "site.yml"), File.ReadAllText(Path.Combine(_input, "site.yml")).Replace("Minimal Gazette", "Maximal Gazette", StringComparison.Ordinal));
        var result = Builder.Build(Options() with { FileSystem = new FailingFileSystem(failAt) });

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.WriteFailed, diagnostic.Code);
        Assert.StartsWith("cannot publish the new site in output: No space left on device; ", diagnostic.Message, StringComparison.Ordinal);
        Assert.Matches("the previous site (is whole|is as it was)$", diagnostic.Message);
        Assert.False(result.OutputDamaged);
        Assert.Equal(before, Snapshot());

        var again = Builder.Build(Options());
        Assert.True(again.Succeeded);
        Assert.Contains("Maximal Gazette", File.ReadAllText(Path.Combine(_output, "index.html")), StringComparison.Ordinal);
    }

    private static string[] Lines(BuildResult result) => [.. result.Diagnostics.Select(d => d.ToString())];

    private SortedDictionary<string, string> Snapshot() =>
        new(Directory.EnumerateFileSystemEntries(_output, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(_output, f), f => File.Exists(f) ? Convert.ToHexString(XxHash128.Hash(File.ReadAllBytes(f))) : "folder"), StringComparer.Ordinal);

    private BuildOptions Options(string? output = null) => new()
    {
        InputFolder = _input,
        ThemeFolder = RepositoryPaths.Theme,
        OutputFolder = output ?? _output,
        Now = SampleSiteFixture.Now,
        DisplayRoot = _folder.Path,
    };
}
