using System.Text;
using Broadside.Output;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Output;

public sealed class StagedOutputTests
{
    [Fact]
    public void Nothing_is_touched_until_the_first_write_and_a_build_that_does_not_commit_leaves_the_site_as_it_was()
    {
        using var root = new TemporaryFolder();
        var site = root.Combine("site");
        Publish(site, ("index.html", "old"));
        var before = Snapshot(site);

        using (var output = new StagedOutput(site))
        {
            Assert.False(Directory.Exists(output.StagingFolder));
            output.WriteBytes("index.html", Bytes("new"), previous: null);
            output.WriteBytes("extra/page.html", Bytes("more"), previous: null);
            Assert.True(Directory.Exists(output.StagingFolder));
            Assert.Equal(before, Snapshot(site));
        }

        Assert.Equal(before, Snapshot(site));
        Assert.Equal(["site"], Names(root.Path));
    }

    [Fact]
    public void Commit_moves_new_files_in_leaves_identical_ones_and_deletes_what_the_last_build_made_and_this_one_does_not()
    {
        using var root = new TemporaryFolder();
        var site = root.Combine("site");
        Publish(site, ("same.html", "same"), ("changed.html", "v1"), ("gone/old.html", "old"), ("CNAME", "example.org"));
        OutputManifest.Write(site, new Dictionary<string, OutputRecord>
        {
            ["same.html"] = new("x", 4, 0),
            ["changed.html"] = new("x", 2, 0),
            ["gone/old.html"] = new("x", 3, 0),
        });
        var sameTime = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(Path.Combine(site, "same.html"), sameTime);

        using var output = new StagedOutput(site);
        var same = output.WriteBytes("same.html", Bytes("same"), previous: null);
        var changed = output.WriteBytes("changed.html", Bytes("v2"), previous: null);
        var added = output.WriteBytes("new/page.html", Bytes("added"), previous: null);
        var removed = output.Commit(new Dictionary<string, OutputRecord>
        {
            ["same.html"] = same.Record,
            ["changed.html"] = changed.Record,
            ["new/page.html"] = added.Record,
        });

        Assert.Equal((false, true, true), (same.Written, changed.Written, added.Written));
        Assert.Equal(1, removed);
        Assert.Equal(sameTime, File.GetLastWriteTimeUtc(Path.Combine(site, "same.html")));
        Assert.Equal("v2", File.ReadAllText(Path.Combine(site, "changed.html")));
        Assert.Equal("example.org", File.ReadAllText(Path.Combine(site, "CNAME")));
        Assert.False(Directory.Exists(Path.Combine(site, "gone")));
        Assert.False(Directory.Exists(output.StagingFolder));
        Assert.Equal([".broadside-manifest", "CNAME", "changed.html", "new", "same.html"], Names(site));
        Assert.Equal(["changed.html", "new/page.html", "same.html"], OutputManifest.Load(site).Keys.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void A_file_is_unchanged_only_while_its_size_and_time_are_what_the_manifest_recorded()
    {
        using var root = new TemporaryFolder();
        var site = root.Combine("site");
        Publish(site, ("page.html", "abc"));
        var info = new FileInfo(Path.Combine(site, "page.html"));
        using var output = new StagedOutput(site);

        Assert.True(output.IsUnchanged("page.html", new OutputRecord("h", 3, info.LastWriteTimeUtc.Ticks)));
        Assert.False(output.IsUnchanged("page.html", new OutputRecord("h", 4, info.LastWriteTimeUtc.Ticks)));
        Assert.False(output.IsUnchanged("page.html", new OutputRecord("h", 3, info.LastWriteTimeUtc.Ticks - 1)));
        Assert.False(output.IsUnchanged("missing.html", new OutputRecord("h", 3, info.LastWriteTimeUtc.Ticks)));
    }

    [Fact]
    public void The_first_build_creates_the_folder()
    {
        using var root = new TemporaryFolder();
        var site = root.Combine("deep", "site");
        Directory.CreateDirectory(root.Combine("deep"));

        using var output = new StagedOutput(site);
        var (_, record) = output.WriteBytes("index.html", Bytes("hello"), previous: null);
        output.Commit(new Dictionary<string, OutputRecord> { ["index.html"] = record });

        Assert.Equal("hello", File.ReadAllText(Path.Combine(site, "index.html")));
        Assert.Contains("index.html\t", File.ReadAllText(Path.Combine(site, OutputManifest.FileName)), StringComparison.Ordinal);
    }

    [Fact]
    public void Staged_files_of_a_build_killed_before_it_committed_are_dropped()
    {
        using var root = new TemporaryFolder();
        var site = root.Combine("site");
        Publish(site, ("index.html", "the old site"));
        using var killed = new StagedOutput(site);
        Publish(killed.StagingFolder, ("1", "half a new site"));

        new StagedOutput(site).Recover();

        Assert.Equal("the old site", File.ReadAllText(Path.Combine(site, "index.html")));
        Assert.False(Directory.Exists(killed.StagingFolder));
    }

    [Fact]
    public void The_moves_of_a_build_killed_while_committing_are_finished_by_the_next()
    {
        using var root = new TemporaryFolder();
        var site = root.Combine("site");
        Publish(site, ("a.html", "old a"), ("b.html", "old b"), ("stale.html", "stale"));
        Publish(
            site + "/../.site.broadside-staging",
            ("2", "new b"),
            ("journal.json", """{"Moves":[["a.html","1"],["b.html","2"]],"Deletions":["stale.html"]}"""));

        // a.html was moved in before the kill: its staged file is gone.
        new StagedOutput(site).Recover();

        Assert.Equal("old a", File.ReadAllText(Path.Combine(site, "a.html")));
        Assert.Equal("new b", File.ReadAllText(Path.Combine(site, "b.html")));
        Assert.False(File.Exists(Path.Combine(site, "stale.html")));
        Assert.False(Directory.Exists(root.Combine(".site.broadside-staging")));
    }

    [Fact]
    public void A_symbolic_link_to_the_output_folder_stays_a_link_and_the_folder_it_names_gets_the_site()
    {
        using var root = new TemporaryFolder();
        var real = root.Combine("real");
        Publish(real, ("index.html", "old"));
        var link = root.Combine("site");
        Directory.CreateSymbolicLink(link, real);

        using var output = new StagedOutput(link);
        var (_, record) = output.WriteBytes("index.html", Bytes("new"), previous: null);
        output.Commit(new Dictionary<string, OutputRecord> { ["index.html"] = record });

        Assert.NotNull(new DirectoryInfo(link).LinkTarget);
        Assert.Equal("new", File.ReadAllText(Path.Combine(real, "index.html")));
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static void Publish(string folder, params (string Path, string Text)[] files)
    {
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
    }

    private static string[] Names(string folder) =>
        [.. Directory.GetFileSystemEntries(folder).Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];

    private static SortedDictionary<string, string> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllText), StringComparer.Ordinal);
}
