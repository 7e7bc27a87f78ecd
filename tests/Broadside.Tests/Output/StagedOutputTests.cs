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
    public void Commit_swaps_the_new_site_in_keeping_identical_files_and_dropping_what_the_last_build_made_and_this_one_does_not()
    {
        using var root = new TemporaryFolder();
        var site = root.Combine("site");
        Publish(site, ("same.html", "same"), ("changed.html", "v1"), ("gone/old.html", "old"));
        OutputManifest.Write(site, new Dictionary<string, OutputRecord>
        {
            ["same.html"] = new("x", 4, 0),
            ["changed.html"] = new("x", 2, 0),
            ["gone/old.html"] = new("x", 3, 0),
        });
        var sameTime = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(Path.Combine(site, "same.html"), sameTime);

        using var output = new StagedOutput(site);
        var (sameWritten, _) = output.WriteBytes("same.html", Bytes("same"), previous: null);
        var (changedWritten, _) = output.WriteBytes("changed.html", Bytes("v2"), previous: null);
        var (addedWritten, added) = output.WriteBytes("new/page.html", Bytes("added"), previous: null);
        var removed = output.Commit(new Dictionary<string, OutputRecord>
        {
            ["same.html"] = new("x", 4, 0),
            ["changed.html"] = new("x", 2, 0),
            ["new/page.html"] = added,
        });

        Assert.False(sameWritten);
        Assert.True(changedWritten);
        Assert.True(addedWritten);
        Assert.Equal(1, removed);
        Assert.Equal(sameTime, File.GetLastWriteTimeUtc(Path.Combine(site, "same.html")));
        Assert.Equal("v2", File.ReadAllText(Path.Combine(site, "changed.html")));
        Assert.False(Directory.Exists(Path.Combine(site, "gone")));
        Assert.False(Directory.Exists(output.StagingFolder));
        Assert.Equal([".broadside-manifest", "changed.html", "new", "same.html"], Names(site));
    }

    [Fact]
    public void Files_and_folders_no_build_wrote_are_carried_over()
    {
        using var root = new TemporaryFolder();
        var site = root.Combine("site");
        Publish(site, ("index.html", "old"), ("pagefind/index.js", "search"), ("CNAME", "example.org"));
        Directory.CreateDirectory(Path.Combine(site, "empty"));
        File.CreateSymbolicLink(Path.Combine(site, "link.txt"), "CNAME");

        using var output = new StagedOutput(site);
        var (_, record) = output.WriteBytes("index.html", Bytes("new"), previous: null);
        output.Commit(new Dictionary<string, OutputRecord> { ["index.html"] = record });

        Assert.Equal("search", File.ReadAllText(Path.Combine(site, "pagefind/index.js")));
        Assert.Equal("example.org", File.ReadAllText(Path.Combine(site, "CNAME")));
        Assert.True(Directory.Exists(Path.Combine(site, "empty")));
        Assert.Equal("CNAME", new FileInfo(Path.Combine(site, "link.txt")).LinkTarget);
        Assert.Equal("new", File.ReadAllText(Path.Combine(site, "index.html")));
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
    public void A_site_left_retired_by_an_interrupted_swap_is_put_back_before_the_next_build()
    {
        using var root = new TemporaryFolder();
        var site = root.Combine("site");
        using var output = new StagedOutput(site);
        Publish(output.RetiredFolder, ("index.html", "the old site"));
        Publish(output.StagingFolder, ("index.html", "half a new site"));

        output.WriteBytes("other.html", Bytes("x"), previous: null);

        Assert.Equal("the old site", File.ReadAllText(Path.Combine(site, "index.html")));
        Assert.False(Directory.Exists(output.RetiredFolder));
        Assert.Equal(["other.html"], Names(output.StagingFolder));
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
