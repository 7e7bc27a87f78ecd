using System.Runtime.Versioning;
using Broadside.Content;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Content;

[UnsupportedOSPlatform("windows")]
public sealed class FileProbeTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public FileProbeTests()
    {
        File.WriteAllText(_folder.Combine("file.md"), "12345");
        Directory.CreateDirectory(_folder.Combine("folder"));
        SpecialFiles.Pipe(_folder.Combine("pipe"));
        File.CreateSymbolicLink(_folder.Combine("to-file"), "file.md");
        File.CreateSymbolicLink(_folder.Combine("to-pipe"), "pipe");
        File.CreateSymbolicLink(_folder.Combine("to-zero"), "/dev/zero");
        Directory.CreateSymbolicLink(_folder.Combine("to-folder"), "folder");
        File.CreateSymbolicLink(_folder.Combine("nowhere"), "missing.md");
        File.CreateSymbolicLink(_folder.Combine("round-a"), "round-b");
        File.CreateSymbolicLink(_folder.Combine("round-b"), "round-a");
    }

    public static TheoryData<string, bool, FileKind, long> Paths => new()
    {
        { "file.md", false, FileKind.File, 5 },
        { "folder", false, FileKind.Folder, 0 },
        { "pipe", true, FileKind.Pipe, 0 },
        { "socket", true, FileKind.Socket, 0 },
        { "/dev/null", true, FileKind.Device, 0 },
        { "to-file", false, FileKind.Link, 0 },
        { "to-file", true, FileKind.File, 5 },
        { "to-pipe", true, FileKind.Pipe, 0 },
        { "to-zero", false, FileKind.Link, 0 },
        { "to-zero", true, FileKind.Device, 0 },
        { "to-folder", true, FileKind.Folder, 0 },
        { "nowhere", false, FileKind.Link, 0 },
        { "nowhere", true, FileKind.Missing, 0 },
        { "round-a", true, FileKind.LinkLoop, 0 },
        { "missing.md", true, FileKind.Missing, 0 },
        { "file.md/below", true, FileKind.Missing, 0 },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public void Says_what_a_path_is_without_opening_it(string name, bool followLinks, FileKind kind, long length)
    {
        using var socket = SpecialFiles.Socket(_folder.Combine("socket"));
        using var watch = SpecialFiles.WatchPipe(_folder.Combine("pipe"));
        var path = Path.IsPathRooted(name) ? name : _folder.Combine(name);

        FileStatus[] answers = OperatingSystem.IsLinux()
            ? [FileProbe.Of(path, followLinks), FileProbe.OfStatx(path, followLinks), FileProbe.OfRuntime(path, followLinks)]
            : [FileProbe.Of(path, followLinks), FileProbe.OfRuntime(path, followLinks)];

        Assert.All(answers, answer => Assert.Equal((kind, length), (answer.Kind, answer.Length)));
        Assert.False(watch.Opened);
    }

    [Theory]
    [InlineData("file.md", false)]
    [InlineData("file.md", true)]
    [InlineData("to-file", true)]
    public void A_files_time_is_the_one_dotnet_gives_to_the_tick(string name, bool followLinks)
    {
        var path = _folder.Combine(name);
        var written = new DateTime(2026, 3, 14, 15, 9, 26, DateTimeKind.Utc).AddTicks(5_358_979);
        File.SetLastWriteTimeUtc(_folder.Combine("file.md"), written);
        var expected = new FileInfo(_folder.Combine("file.md")).LastWriteTimeUtc.Ticks;

        FileStatus[] answers = OperatingSystem.IsLinux()
            ? [FileProbe.Of(path, followLinks), FileProbe.OfStatx(path, followLinks), FileProbe.OfRuntime(path, followLinks)]
            : [FileProbe.Of(path, followLinks), FileProbe.OfRuntime(path, followLinks)];

        Assert.All(answers, answer => Assert.Equal(expected, answer.LastWriteTicks));
    }

    [Fact]
    public void A_path_in_a_folder_that_cannot_be_searched_is_unreadable_to_anyone_but_root()
    {
        var locked = _folder.Combine("locked");
        Directory.CreateDirectory(locked);
        File.WriteAllText(Path.Combine(locked, "inside.md"), "x");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            var expected = Environment.IsPrivilegedProcess ? FileKind.File : FileKind.Unreadable;
            Assert.Equal(expected, FileProbe.Of(Path.Combine(locked, "inside.md"), followLinks: true).Kind);
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => _folder.Dispose();
}
