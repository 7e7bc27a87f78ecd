using System.Collections.Immutable;
using Broadside.Build;
using Broadside.Diagnostics;
using Broadside.Output;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Build;

/// <summary>The state a build keeps for the next one (<see cref="BuildState"/>): on disk, read back as written, or not at all.</summary>
public sealed class StateStoresTests : IDisposable
{
    private readonly TemporaryFolder _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public void A_state_is_read_back_as_it_was_written()
    {
        var state = Sample();
        var store = new DiskStateStore(_work.Path);

        store.Save(state);
        var read = store.Load(out var whyNot);

        Assert.NotNull(read);
        Assert.Empty(whyNot);
        Assert.Equal(state.Fingerprint.ToArray(), read.Fingerprint.ToArray());
        Assert.Equal((state.SiteKey, state.Year, state.Manifest, state.Documents), (read.SiteKey, read.Year, read.Manifest, read.Documents));
        Assert.Equal(state.NextPublication, read.NextPublication);
        Assert.Equal(state.NextPublication?.Offset, read.NextPublication?.Offset);
        Assert.Equal(state.Articles.OrderBy(a => a.Key, StringComparer.Ordinal), read.Articles.OrderBy(a => a.Key, StringComparer.Ordinal));
        Assert.Equal(state.Lists.OrderBy(a => a.Key, StringComparer.Ordinal), read.Lists.OrderBy(a => a.Key, StringComparer.Ordinal));
        Assert.Equal(state.Inputs.ToArray(), read.Inputs.ToArray());
        Assert.Equal(state.Diagnostics.ToArray(), read.Diagnostics.ToArray());
        Assert.Null(read.Warm);
        Assert.False(File.Exists(_work.Combine(DiskStateStore.FileName + ".tmp")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(-1)]
    [InlineData(-20)]
    public void A_damaged_state_is_none(int at)
    {
        var store = new DiskStateStore(_work.Path);
        store.Save(Sample());
        var bytes = File.ReadAllBytes(store.Path);
        bytes[at < 0 ? bytes.Length + at : at] ^= 0x04;
        File.WriteAllBytes(store.Path, bytes);

        Assert.Null(store.Load(out var whyNot));
        Assert.Equal("the saved state is damaged or from another version of Broadside", whyNot);
    }

    [Fact]
    public void A_cut_short_or_missing_state_is_none()
    {
        var store = new DiskStateStore(_work.Path);
        Assert.Null(store.Load(out var missing));
        Assert.Equal("no saved state", missing);
        store.Save(Sample());
        File.WriteAllBytes(store.Path, File.ReadAllBytes(store.Path)[..^40]);

        Assert.Null(store.Load(out _));
        store.Forget();
        Assert.False(File.Exists(store.Path));
        store.Forget();
    }

    [Fact]
    public void A_state_names_the_part_of_the_fingerprint_that_changed()
    {
        var state = Sample();

        Assert.Null(state.Unlike(state.Fingerprint));
        Assert.Equal(new WhyFull(FullReason.Changed, "the theme"), state.Unlike([state.Fingerprint[0], ("the theme", 9)]));
        Assert.Equal(new WhyFull(FullReason.Changed, "demands.yml"), state.Unlike([.. state.Fingerprint, ("demands.yml", 1)]));
        Assert.Equal("the theme changed", state.Unlike([state.Fingerprint[0], ("the theme", 9)])!.ToString());
    }

    [Fact]
    public void A_state_in_memory_is_kept_as_it_is()
    {
        var store = new MemoryStateStore();
        Assert.Null(store.Load(out var first));
        Assert.Equal("the first build", first);
        var state = Sample();

        store.Save(state);

        Assert.Same(state, store.Load(out _));
        store.Forget();
        Assert.Null(store.Load(out _));
    }

    [Fact]
    public void Input_files_modified_just_before_a_build_are_stamped_with_no_time()
    {
        var input = _work.Combine("input");
        Directory.CreateDirectory(Path.Combine(input, "pages"));
        Directory.CreateDirectory(Path.Combine(input, "media", "2025"));
        Directory.CreateDirectory(Path.Combine(input, "articles"));
        File.WriteAllText(Path.Combine(input, "pages", "about.md"), "old");
        File.WriteAllText(Path.Combine(input, "media", "2025", "picture.svg"), "new");
        File.WriteAllText(Path.Combine(input, "articles", "a.md"), "an article");
        File.WriteAllText(Path.Combine(input, "articles", "notes.txt"), "not content");
        File.WriteAllText(Path.Combine(input, "site.yml"), "not stamped");
        var old = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(Path.Combine(input, "pages", "about.md"), old);
        File.SetLastWriteTimeUtc(Path.Combine(input, "articles", "a.md"), old);

        var stamps = DiskStateStore.Stamp(input, DateTime.UtcNow);

        Assert.Equal(
            [new InputStamp("articles/a.md", 10, old.Ticks), new InputStamp("media/2025/picture.svg", 3, 0), new InputStamp("pages/about.md", 3, old.Ticks)],
            stamps.ToArray());
        Assert.NotEqual(0, Assert.Single(DiskStateStore.Stamp(input, started: null), s => s.Path == "media/2025/picture.svg").Ticks);
    }

    private static BuildState Sample() => new()
    {
        Fingerprint = [("Broadside, site.yml or --base-url", new Hash128(0, 7)), ("the theme", new Hash128(0x0123456789abcdef, 0xfedcba9876543210))],
        SiteKey = 11,
        Year = 2026,
        Manifest = 42,
        NextPublication = new DateTimeOffset(2026, 12, 1, 6, 30, 0, TimeSpan.FromHours(-6)),
        Documents = 3,
        Articles = ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, ArticleRecord>
        {
            ["input/articles/a.md"] = new(1, 2, 3),
            ["input/articles/ünïcode ✊.md"] = new(new Hash128(ulong.MaxValue, ulong.MaxValue), Hash128.Zero, new Hash128(0, 5)),
        }),
        Lists = ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, ListRecord>
        {
            ["tags/strikes/"] = new(8, 9),
            [string.Empty] = new(10, 0),
        }),
        Inputs = [new InputStamp("media/x.svg", 12, 638_000_000_000_000_000), new InputStamp("pages/about.md", 0, 0)],
        Diagnostics =
        [
            new Diagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.BrokenLink, "a link to /nowhere/ leads nowhere", "input/articles/a.md", 12, 3),
            new Diagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.CacheUnwritable, "no file"),
        ],
    };
}
