using System.Diagnostics;
using System.Runtime.Versioning;
using Broadside.Build;
using Broadside.Cli;
using Broadside.Diagnostics;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Build;

/// <summary>
/// Publications made at test time from <c>Fixtures/minimal</c> with what a file system can hold besides
/// files and folders: named pipes, sockets and devices, loops of symbolic links, files and folders that
/// cannot be read, media over the size limit, and output folders that would be read as input or replace
/// it. Each build reports every problem at its path, in good time, opens none of the special files, and
/// writes nothing; <c>check</c> reports the same. Pipes, sockets, devices and file modes are Unix's.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class UntrustedFilesTests : IDisposable
{
    // Generous: each of these builds takes well under a second; before, pipes hung and loops ran long.
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(10);

    private readonly TemporaryFolder _folder = new();
    private readonly List<(string Path, UnixFileMode Mode)> _locked = [];
    private readonly string _input;
    private readonly string _output;
    private string _theme = RepositoryPaths.Theme;

    public UntrustedFilesTests()
    {
        _input = _folder.Combine("input");
        _output = _folder.Combine("output");
        TemporaryFolder.CopyFolder(RepositoryPaths.Fixture("minimal"), _input);
        Directory.CreateDirectory(Path.Combine(_input, "media"));
        File.WriteAllText(Path.Combine(_input, "media", "picture.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        Directory.CreateDirectory(_output);
    }

    public void Dispose()
    {
        foreach (var (path, mode) in _locked)
        {
            File.SetUnixFileMode(path, mode);
        }

        _folder.Dispose();
    }

    [Fact]
    public void Pipes_sockets_and_devices_are_reported_without_being_opened()
    {
        OwnTheme();
        var pipes = new[] { "input/articles/pipe.md", "input/media/pipe.mp4", "input/authors.yml", "theme/partials/pipe.liquid" };
        foreach (var pipe in pipes)
        {
            SpecialFiles.Pipe(_folder.Combine(pipe));
        }

        File.CreateSymbolicLink(Path.Combine(_input, "media", "link-to-pipe.mp4"), "pipe.mp4");
        using var socket = SpecialFiles.Socket(Path.Combine(_input, "media", "socket"));
        File.CreateSymbolicLink(Path.Combine(_theme, "assets", "zero.bin"), "/dev/zero");
        var watches = pipes.Select(p => SpecialFiles.WatchPipe(_folder.Combine(p))).ToList();
        try
        {
            AssertRefused(
                [
                    ("input/articles/pipe.md", DiagnosticCodes.SpecialFile),
                    ("input/authors.yml", DiagnosticCodes.SpecialFile),
                    ("input/media/link-to-pipe.mp4", DiagnosticCodes.SpecialFile),
                    ("input/media/pipe.mp4", DiagnosticCodes.SpecialFile),
                    ("input/media/socket", DiagnosticCodes.SpecialFile),
                    ("theme/assets/zero.bin", DiagnosticCodes.SpecialFile),
                    ("theme/partials/pipe.liquid", DiagnosticCodes.SpecialFile),
                ],
                result =>
                {
                    Assert.Contains("this is a named pipe (FIFO), not a file", Message(result, "input/media/pipe.mp4"), StringComparison.Ordinal);
                    Assert.Contains("this symbolic link leads to a device", Message(result, "theme/assets/zero.bin"), StringComparison.Ordinal);
                    Assert.Contains("this is a socket", Message(result, "input/media/socket"), StringComparison.Ordinal);
                });
            Assert.All(watches.Zip(pipes), w => Assert.False(w.First.Opened, $"{w.Second} was opened"));
        }
        finally
        {
            watches.ForEach(w => w.Dispose());
        }
    }

    [RootFact]
    public void A_device_in_the_input_folder_is_reported_without_being_read()
    {
        SpecialFiles.ZeroDevice(Path.Combine(_input, "media", "zero.bin"));
        SpecialFiles.ZeroDevice(Path.Combine(_input, "articles", "zero.md"));

        AssertRefused([("input/articles/zero.md", DiagnosticCodes.SpecialFile), ("input/media/zero.bin", DiagnosticCodes.SpecialFile)]);
    }

    [Fact]
    public void Loops_of_links_are_each_reported_once_at_a_link_of_the_loop_and_not_followed()
    {
        OwnTheme();
        Directory.CreateSymbolicLink(Path.Combine(_input, "media", "a"), ".");
        Directory.CreateSymbolicLink(Path.Combine(_input, "articles", "up"), "..");
        Directory.CreateDirectory(Path.Combine(_input, "media", "x"));
        Directory.CreateDirectory(Path.Combine(_input, "media", "y"));
        Directory.CreateSymbolicLink(Path.Combine(_input, "media", "x", "a"), "../y");
        Directory.CreateSymbolicLink(Path.Combine(_input, "media", "y", "b"), "../x");
        File.CreateSymbolicLink(Path.Combine(_input, "media", "p"), "q");
        File.CreateSymbolicLink(Path.Combine(_input, "media", "q"), "p");
        Directory.CreateSymbolicLink(Path.Combine(_theme, "assets", "again"), "..");

        AssertRefused(
            [
                ("input/articles/up", DiagnosticCodes.LinkLoop),
                ("input/media/a", DiagnosticCodes.LinkLoop),
                ("input/media/p", DiagnosticCodes.LinkLoop),
                ("input/media/x/a", DiagnosticCodes.LinkLoop),
                ("theme/assets/again", DiagnosticCodes.LinkLoop),
            ],
            result =>
            {
                Assert.Contains("leads back, through input/media/y/b, to a folder that holds it ('input/media/x')", Message(result, "input/media/x/a"), StringComparison.Ordinal);
                Assert.Contains("leads back to a folder that holds it ('input/media')", Message(result, "input/media/a"), StringComparison.Ordinal);
                Assert.Contains("a loop of links with input/media/q", Message(result, "input/media/p"), StringComparison.Ordinal);
            });
    }

    [Fact]
    public void Links_to_folders_that_are_not_loops_are_followed()
    {
        Directory.CreateDirectory(Path.Combine(_input, "_shared", "pictures"));
        File.WriteAllText(Path.Combine(_input, "_shared", "pictures", "one.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        Directory.CreateSymbolicLink(Path.Combine(_input, "media", "pictures"), "../_shared/pictures");
        Directory.CreateDirectory(Path.Combine(_input, "media", "x"));
        Directory.CreateDirectory(Path.Combine(_input, "media", "y"));
        File.WriteAllText(Path.Combine(_input, "media", "y", "two.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        Directory.CreateSymbolicLink(Path.Combine(_input, "media", "x", "to-y"), "../y");

        var result = Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.True(File.Exists(Path.Combine(_output, "media", "pictures", "one.svg")));
        Assert.True(File.Exists(Path.Combine(_output, "media", "x", "to-y", "two.svg")));
        Assert.True(File.Exists(Path.Combine(_output, "media", "y", "two.svg")));
    }

    public static TheoryData<int?, long, bool> MediaSizes => new()
    {
        { null, (100L * 1024 * 1024) + 1, true },
        { null, 1024 * 1024, false },
        { 1, 2 * 1024 * 1024, true },
        { 1, 512 * 1024, false },
    };

    [Theory]
    [MemberData(nameof(MediaSizes))]
    public void Media_files_over_the_limit_are_BS0014(int? limitMegabytes, long length, bool refused)
    {
        if (limitMegabytes is { } limit)
        {
            File.AppendAllText(Path.Combine(_input, "site.yml"), $"limits:\n  media_mb: {limit}\n");
        }

        using (var file = File.Create(Path.Combine(_input, "media", "big.bin")))
        {
            file.SetLength(length);
        }

        if (refused)
        {
            AssertRefused(
                [("input/media/big.bin", DiagnosticCodes.MediaTooLarge)],
                result => Assert.Contains($"more than the {limitMegabytes ?? 100} MB a media file may have", Message(result, "input/media/big.bin"), StringComparison.Ordinal));
        }
        else
        {
            var result = Build();
            Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
            Assert.Equal(length, new FileInfo(Path.Combine(_output, "media", "big.bin")).Length);
        }
    }

    public static TheoryData<string, string> OutputFolders => new()
    {
        { "the input folder", "would overwrite the input folder" },
        { "inside the input folder", "is inside the input folder" },
        { "inside media/", "is inside the input folder" },
        { "through a link to the input folder", "is inside the input folder" },
        { "in the folder media/ links to", "is inside input/media, which the build reads" },
        { "a folder that holds the input folder", "would overwrite the input folder" },
        { "the theme folder", "would overwrite the theme folder" },
        { "inside the theme folder", "is inside the theme folder" },
        { "a folder that holds the theme folder", "would overwrite the theme folder" },
        { "a file", "--output is a file, not a folder" },
    };

    [Theory]
    [MemberData(nameof(OutputFolders))]
    public void An_output_folder_that_would_be_read_as_input_or_replace_it_is_BS0004(string where, string message)
    {
        OwnTheme();
        var output = where switch
        {
            "the input folder" => _input,
            "inside the input folder" => Path.Combine(_input, "site"),
            "inside media/" => Path.Combine(_input, "media", "site"),
            "through a link to the input folder" => Path.Combine(Link(_folder.Combine("publication"), _input), "site"),
            "in the folder media/ links to" => Path.Combine(Link(Path.Combine(_input, "media"), _folder.Combine("store")), "site"),
            "a folder that holds the input folder" => _folder.Path,
            "the theme folder" => _theme,
            "inside the theme folder" => Path.Combine(_theme, "site"),
            "a folder that holds the theme folder" => Path.GetDirectoryName(_theme)!,
            _ => _folder.Combine("site.txt"),
        };
        if (where == "a file")
        {
            File.WriteAllText(output, "not a site");
        }

        if (where == "a folder that holds the theme folder")
        {
            // The theme alone, elsewhere: the input folder is not in the output folder.
            var theme = _folder.Combine("themes", "plain");
            Directory.CreateDirectory(Path.GetDirectoryName(theme)!);
            Directory.Move(_theme, theme);
            _theme = theme;
            output = Path.GetDirectoryName(theme)!;
        }

        var before = Files(_folder.Path);
        var stopwatch = Stopwatch.StartNew();

        var result = Builder.Build(Options(output));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.OutputFolderRefused, Path.GetRelativePath(_folder.Path, output)), (diagnostic.Code, diagnostic.File));
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("such as ./output", diagnostic.Message, StringComparison.Ordinal);
        Assert.False(result.Succeeded);
        Assert.Equal(before, Files(_folder.Path));
        Assert.True(stopwatch.Elapsed < Quickly);
    }

    public static TheoryData<string, string> UnreadableFiles => new()
    {
        { "input/articles/first-issue.md", "file" },
        { "input/articles/2025", "folder" },
        { "input/media/picture.svg", "file" },
        { "input/media/locked", "folder" },
        { "input/site.yml", "file" },
        { "theme/templates/article.liquid", "file" },
        { "theme/assets/favicon.svg", "file" },
    };

    [Theory]
    [MemberData(nameof(UnreadableFiles))]
    public void An_unreadable_file_or_folder_is_BS0002_at_its_path(string path, string kind)
    {
        OwnTheme();
        File.WriteAllText(Path.Combine(_input, "articles", "second-issue.md"), "---\ntitle: Second\nauthor: Ana Ruiz\nsection: News\ndate: 2026-01-16\n---\n\nMore.\n");
        if (kind == "folder")
        {
            Directory.CreateDirectory(_folder.Combine(path));
            File.WriteAllText(_folder.Combine(path, path.Contains("articles", StringComparison.Ordinal) ? "old.md" : "old.svg"), "---\ntitle: Old\nauthor: Ana Ruiz\nsection: News\ndate: 2025-01-16\n---\n");
        }

        Lock(_folder.Combine(path), UnixFileMode.None);

        var build = Run("build", "--output", "output");
        var check = Run("check");

        Assert.Equal([(path, DiagnosticCodes.FileUnreadable, "error")], CommandRun.Diagnostics(build.Error));
        Assert.Contains($"cannot read the {kind}: permission denied", build.Error, StringComparison.Ordinal);
        Assert.Equal(1, build.Exit);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_output));
        Assert.Equal(CommandRun.Diagnostics(build.Error), CommandRun.Diagnostics(check.Error));
        Assert.Equal(1, check.Exit);
        Assert.DoesNotContain("   at ", build.Error + check.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".output.broadside-cache", UnixFileMode.None, "cannot read what earlier builds kept")]
    [InlineData(".output.broadside-cache/state.bin", UnixFileMode.None, "cannot read what earlier builds kept")]
    [InlineData(".output.broadside-cache", UnixFileMode.UserRead | UnixFileMode.UserExecute, "cannot keep parsed articles")]
    public void A_cache_that_cannot_be_read_or_written_is_BS0006_and_the_site_is_built_as_from_nothing(string path, UnixFileMode mode, string message)
    {
        Assert.Equal(0, Run("build", "--output", "output").Exit);
        Assert.True(File.Exists(_folder.Combine(".output.broadside-cache", "state.bin")));
        File.AppendAllText(Path.Combine(_input, "articles", "first-issue.md"), "\nA correction.\n");
        Lock(_folder.Combine(path), mode);

        var build = Run("build", "--output", "output");

        Assert.Equal(0, build.Exit);
        var warnings = CommandRun.Diagnostics(build.Error);
        Assert.NotEmpty(warnings);
        Assert.All(warnings, w => Assert.Equal((DiagnosticCodes.CacheUnwritable, "warning"), (w.Code, w.Severity)));
        Assert.Contains((path, DiagnosticCodes.CacheUnwritable, "warning"), warnings);
        Assert.Contains(message, build.Error, StringComparison.Ordinal);
        var reference = _folder.Combine("reference");
        Assert.True(Builder.Build(Options(reference)).Succeeded);
        SameBuild.AssertSameFiles(new SiteOutput(reference).Snapshot(), new SiteOutput(_output).Snapshot());
        Assert.Contains("A correction.", File.ReadAllText(Path.Combine(_output, "2026", "01", "first-issue", "index.html")), StringComparison.Ordinal);
    }

    // Builds, and checks with the command, each within the bound; asserts both report exactly
    // `expected`, as errors, and that nothing is written.
    private void AssertRefused((string File, string Code)[] expected, Action<BuildResult>? more = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var building = Task.Run(Build);
        Assert.True(building.Wait(Quickly), $"the build took more than {Quickly.TotalSeconds} s");
        var result = building.Result;
        var built = stopwatch.Elapsed;

        Assert.Equal(expected, result.Diagnostics.Select(d => (d.File!, d.Code)).Order().ToArray());
        Assert.All(result.Diagnostics, d => Assert.True(d.IsError, d.ToString()));
        Assert.False(result.Succeeded);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_output));
        more?.Invoke(result);

        var output = new StringWriter();
        var error = new StringWriter();
        var checking = CommandLine.RunAsync(["check", "--input", _input, "--theme", _theme], output, error);
        Assert.True(checking.Wait(Quickly), $"check took more than {Quickly.TotalSeconds} s");
        Assert.Equal(1, checking.Result);
        Assert.Equal(
            expected.Select(e => (e.File, e.Code, "error")).Order().ToArray(),
            CommandRun.Diagnostics(error.ToString()).Select(d => (Path.GetRelativePath(_folder.Path, d.File).Replace('\\', '/'), d.Code, d.Severity)).ToArray());
        Assert.True(built < Quickly);
    }

    private static string Message(BuildResult result, string file) => Assert.Single(result.Diagnostics, d => d.File == file).Message;

    private BuildResult Build() => Builder.Build(Options(_output));

    private BuildOptions Options(string output) => new()
    {
        InputFolder = _input,
        ThemeFolder = _theme,
        OutputFolder = output,
        Now = SampleSiteFixture.Now,
        DisplayRoot = _folder.Path,
    };

    private CommandRun.Result Run(string command, params string[] arguments) =>
        CommandRun.Run(_folder.Path, [command, "--input", "input", "--theme", Path.GetRelativePath(_folder.Path, _theme), .. arguments]);

    // A copy of the default theme in the folder, to break.
    private void OwnTheme()
    {
        _theme = _folder.Combine("theme");
        TemporaryFolder.CopyFolder(RepositoryPaths.Theme, _theme);
    }

    private void Lock(string path, UnixFileMode mode)
    {
        _locked.Add((path, File.GetUnixFileMode(path)));
        File.SetUnixFileMode(path, mode);
    }

    private static string Link(string link, string target)
    {
        Directory.CreateDirectory(target);
        if (Directory.Exists(link))
        {
            Directory.Delete(link, recursive: true);
        }

        Directory.CreateSymbolicLink(link, target);
        return link;
    }

    // Every file below the folder, with its bytes, not following links.
    private static SortedDictionary<string, string> Files(string folder)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (var file in Directory.EnumerateFiles(folder, "*", options))
        {
            files[Path.GetRelativePath(folder, file)] = Convert.ToBase64String(File.ReadAllBytes(file));
        }

        return files;
    }
}
