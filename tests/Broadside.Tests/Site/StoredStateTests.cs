using Broadside.Diagnostics;
using Broadside.Site;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Site;

/// <summary>The state a build saves for the next one (<see cref="StoredState"/>): read back as written, or not at all.</summary>
public sealed class StoredStateTests : IDisposable
{
    private readonly TemporaryFolder _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public void A_state_is_read_back_as_it_was_written()
    {
        var state = Sample();

        state.Write(_work.Path);
        var read = StoredState.Read(_work.Path);

        Assert.NotNull(read);
        Assert.Equal(state.Key, read.Key);
        Assert.Equal(state.Manifest, read.Manifest);
        Assert.Equal(state.Year, read.Year);
        Assert.Equal(state.NextPublication, read.NextPublication);
        Assert.Equal(state.NextPublication?.Offset, read.NextPublication?.Offset);
        Assert.Equal(state.Documents, read.Documents);
        Assert.Equal(state.Articles.ToArray(), read.Articles.ToArray());
        Assert.Equal(state.Inputs.ToArray(), read.Inputs.ToArray());
        Assert.Equal(state.Unpublished.ToArray(), read.Unpublished.ToArray());
        Assert.Equal(state.Diagnostics.ToArray(), read.Diagnostics.ToArray());
        Assert.Equal(state.Sitemap.ToArray(), read.Sitemap.ToArray());
        Assert.Equal(state.Sitemap.Select(p => p.LastModified?.Offset), read.Sitemap.Select(p => p.LastModified?.Offset));
        Assert.False(File.Exists(_work.Combine(StoredState.FileName + ".tmp")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(-1)]
    [InlineData(-20)]
    public void A_damaged_state_is_none(int at)
    {
        Sample().Write(_work.Path);
        var path = _work.Combine(StoredState.FileName);
        var bytes = File.ReadAllBytes(path);
        bytes[at < 0 ? bytes.Length + at : at] ^= 0x04;
        File.WriteAllBytes(path, bytes);

        Assert.Null(StoredState.Read(_work.Path));
    }

    [Fact]
    public void A_cut_short_or_missing_state_is_none()
    {
        Assert.Null(StoredState.Read(_work.Path));
        Sample().Write(_work.Path);
        var path = _work.Combine(StoredState.FileName);
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..^40]);

        Assert.Null(StoredState.Read(_work.Path));
        StoredState.Forget(_work.Path);
        Assert.False(File.Exists(path));
        StoredState.Forget(_work.Path);
    }

    [Fact]
    public void The_key_changes_with_the_folders_the_options_and_the_fingerprint()
    {
        var options = new BuildOptions { InputFolder = "/site/input", ThemeFolder = "/site/theme", OutputFolder = "/site/out", DisplayRoot = "/site" };
        var key = StoredState.KeyOf(options, 1);

        Assert.Equal(key, StoredState.KeyOf(options with { Now = DateTimeOffset.UnixEpoch }, 1));
        Assert.NotEqual(key, StoredState.KeyOf(options, 2));
        Assert.NotEqual(key, StoredState.KeyOf(options with { OutputFolder = "/site/public" }, 1));
        Assert.NotEqual(key, StoredState.KeyOf(options with { InputFolder = "/other/input" }, 1));
        Assert.NotEqual(key, StoredState.KeyOf(options with { ThemeFolder = "/other/theme" }, 1));
        Assert.NotEqual(key, StoredState.KeyOf(options with { DisplayRoot = "/site/input" }, 1));
        Assert.NotEqual(key, StoredState.KeyOf(options with { Search = true }, 1));
    }

    [Fact]
    public void Input_files_modified_just_before_a_build_are_stamped_with_no_time()
    {
        var input = _work.Combine("input");
        Directory.CreateDirectory(Path.Combine(input, "pages"));
        Directory.CreateDirectory(Path.Combine(input, "media", "2025"));
        File.WriteAllText(Path.Combine(input, "pages", "about.md"), "old");
        File.WriteAllText(Path.Combine(input, "media", "2025", "picture.svg"), "new");
        File.WriteAllText(Path.Combine(input, "site.yml"), "not stamped");
        var old = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(Path.Combine(input, "pages", "about.md"), old);

        var stamps = StoredState.Stamp(input, DateTime.UtcNow);

        Assert.Equal(
            [new InputStamp("media/2025/picture.svg", 3, 0), new InputStamp("pages/about.md", 3, old.Ticks)],
            stamps.ToArray());
        Assert.Equal(old.Ticks, Assert.Single(StoredState.Stamp(input, started: null), s => s.Path == "pages/about.md").Ticks);
        Assert.NotEqual(0, Assert.Single(StoredState.Stamp(input, started: null), s => s.Path == "media/2025/picture.svg").Ticks);
    }

    private static StoredState Sample() => new()
    {
        Key = new UInt128(0x0123456789abcdef, 0xfedcba9876543210),
        Manifest = 42,
        Year = 2026,
        NextPublication = new DateTimeOffset(2026, 12, 1, 6, 30, 0, TimeSpan.FromHours(-6)),
        Documents = 3,
        Articles = [("input/articles/a.md", 1), ("input/articles/ünïcode ✊.md", UInt128.MaxValue)],
        Inputs = [new InputStamp("media/x.svg", 12, 638_000_000_000_000_000), new InputStamp("pages/about.md", 0, 0)],
        Unpublished = [new InputStamp("input/articles/draft.md", 420, 639_000_000_000_000_000)],
        Diagnostics =
        [
            new Diagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.BrokenLink, "a link to /nowhere/ leads nowhere", "input/articles/a.md", 12, 3),
            new Diagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.CacheUnwritable, "no file"),
        ],
        Sitemap = [("index.html", new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.FromHours(5.5))), ("about/index.html", null)],
    };
}
