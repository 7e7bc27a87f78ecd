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

    [Fact]
    public void A_commit_that_fails_at_any_step_puts_every_file_and_folder_back_as_it_was()
    {
        using var root = new TemporaryFolder();
        var counted = new FailingFileSystem(failAt: int.MaxValue);
        MakeOldSite(root.Combine("counted"));
        CommitNewSite(root.Combine("counted"), counted);
        var expected = Everything(root.Combine("counted"));

        // Every step of a commit: deletions, files replaced and added, folders made and removed, the journal.
        Assert.InRange(counted.Operations, 15, 200);
        for (var step = 1; step <= counted.Operations; step++)
        {
            var site = root.Combine($"site-{step}");
            MakeOldSite(site);
            var before = Everything(site);

            var failed = Assert.Throws<PublishException>(() => CommitNewSite(site, new FailingFileSystem(failAt: step)));

            Assert.True(failed.Restored, $"step {step}: {failed.Message}");
            Assert.Matches("the previous site (is whole|is as it was)", failed.Message);
            Assert.Equal(before, Everything(site));
            Assert.False(Directory.Exists(new StagedOutput(site).StagingFolder), $"step {step} left the staging folder");
        }

        Assert.Equal(expected, Everything(root.Combine("counted")));
    }

    [Fact]
    public void A_commit_whose_undoing_fails_too_says_so_and_the_next_build_makes_the_site_whole()
    {
        using var root = new TemporaryFolder();
        var counted = new FailingFileSystem(failAt: int.MaxValue);
        MakeOldSite(root.Combine("new"));
        var old = Everything(root.Combine("new"));
        CommitNewSite(root.Combine("new"), counted);
        var complete = Everything(root.Combine("new"));

        for (var step = 1; step <= counted.Operations; step++)
        {
            var site = root.Combine($"site-{step}");
            MakeOldSite(site);

            // From this step on the disk refuses every change, as a full one does.
            var failed = Assert.Throws<PublishException>(() => CommitNewSite(site, new FailingFileSystem(failAt: step, once: false)));
            Assert.Contains("No space left on device", failed.Message, StringComparison.Ordinal);

            new StagedOutput(site).Recover();
            var after = Everything(site);
            Assert.True(after.SequenceEqual(old) || after.SequenceEqual(complete), $"step {step} left a site that is neither the old one nor the new one: {failed.Message}");
        }
    }

    [Fact]
    public void A_file_or_folder_the_last_build_did_not_write_that_stands_in_the_way_stops_the_commit_before_any_move()
    {
        using var root = new TemporaryFolder();
        var site = root.Combine("site");
        Publish(site, ("index.html", "old"), ("tags", "the publisher's file"), ("feed.xml/notes.txt", "the publisher's notes"));
        OutputManifest.Write(site, new Dictionary<string, OutputRecord> { ["index.html"] = new("x", 3, 0) });
        var before = Everything(site);

        using var output = new StagedOutput(site);
        var records = new Dictionary<string, OutputRecord>();
        foreach (var path in new[] { "index.html", "tags/strikes/index.html", "feed.xml" })
        {
            records[path] = output.WriteBytes(path, Bytes("new " + path), previous: null).Record;
        }

        Assert.Equal(
            [("feed.xml", true), ("tags/strikes/index.html", true)],
            output.Blocked(["feed.xml", "index.html", "tags/strikes/index.html"], new HashSet<string>()).Select(b => (b.Path, b.Problem.Length > 0)));
        var failed = Assert.Throws<PublishException>(() => output.Commit(records));

        Assert.True(failed.Restored);
        Assert.Contains("no file was moved", failed.Message, StringComparison.Ordinal);
        Assert.Equal(before, Everything(site));
    }

    [Fact]
    public void A_commit_interrupted_while_it_was_being_undone_is_undone_by_the_next_build()
    {
        using var root = new TemporaryFolder();
        var site = root.Combine("site");
        Publish(site, ("a.html", "old a"), ("gone.html", "gone"));
        Publish(
            site + "/../.site.broadside-staging",
            ("2", "new b"),
            ("kept/m0", "old a"),
            ("kept/d0", "gone"),
            ("journal.json", """{"Moves":[["a.html","1"],["b.html","2"],["c.html","3"]],"Deletions":["gone.html"],"Undo":true}"""));
        File.Move(Path.Combine(site, "a.html"), Path.Combine(site, "a-moved-in"));
        File.Delete(Path.Combine(site, "gone.html"));
        File.WriteAllText(Path.Combine(site, "a.html"), "new a");
        File.Delete(Path.Combine(site, "a-moved-in"));

        new StagedOutput(site).Recover();

        Assert.Equal(new SortedDictionary<string, string>(StringComparer.Ordinal) { ["a.html"] = "old a", ["gone.html"] = "gone" }, Snapshot(site));
        Assert.False(Directory.Exists(root.Combine(".site.broadside-staging")));
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 2)]
    public void A_site_for_a_missing_or_empty_folder_is_staged_in_its_own_layout_and_moved_in_with_one_rename(bool folderExists, int changes)
    {
        using var root = new TemporaryFolder();
        var site = root.Combine("site");
        if (folderExists)
        {
            Directory.CreateDirectory(site);
        }

        var counted = new FailingFileSystem(failAt: int.MaxValue);
        using var output = new StagedOutput(site, counted);
        var records = new Dictionary<string, OutputRecord>
        {
            ["index.html"] = output.WriteBytes("index.html", Bytes("home"), previous: null).Record,
            ["a/b/page.html"] = output.WriteBytes("a/b/page.html", Bytes("page"), previous: null).Record,
        };
        Assert.Equal("page", File.ReadAllText(Path.Combine(output.StagingFolder, "site", "a", "b", "page.html")));
        Assert.Equal(folderExists, Directory.Exists(site));

        Assert.Equal(0, output.Commit(records));

        // Removing the empty folder, if there was one, and the rename: nothing is moved file by file.
        Assert.Equal(changes, counted.Operations);
        Assert.Equal(["a/", "a/b/", $"{OutputManifest.FileName}=a/b/page.html index.html", "a/b/page.html=page", "index.html=home"], Everything(site));
        Assert.Equal(new FileInfo(Path.Combine(site, "a", "b", "page.html")).LastWriteTimeUtc.Ticks, OutputManifest.Load(site)["a/b/page.html"].LastWriteTicks);
        Assert.Equal(["site"], Names(root.Path));
    }

    [Fact]
    public void A_folder_with_anything_in_it_gets_the_site_file_by_file_and_keeps_what_no_build_wrote()
    {
        using var root = new TemporaryFolder();
        var site = root.Combine("site");
        Publish(site, (".well-known/security.txt", "the publisher's"));

        var counted = new FailingFileSystem(failAt: int.MaxValue);
        using (var output = new StagedOutput(site, counted))
        {
            output.Commit(new Dictionary<string, OutputRecord> { ["index.html"] = output.WriteBytes("index.html", Bytes("home"), previous: null).Record });
        }

        Assert.Equal("the publisher's", File.ReadAllText(Path.Combine(site, ".well-known", "security.txt")));
        Assert.Equal("home", File.ReadAllText(Path.Combine(site, "index.html")));
        Assert.True(counted.Operations > 2);
    }

    [Fact]
    public void When_the_empty_folder_cannot_be_removed_the_files_are_moved_in_one_by_one()
    {
        using var root = new TemporaryFolder();
        var site = root.Combine("site");
        Directory.CreateDirectory(site);

        // The first change, removing the empty folder, fails as it does for a mount point.
        using (var output = new StagedOutput(site, new FailingFileSystem(failAt: 1)))
        {
            output.Commit(new Dictionary<string, OutputRecord>
            {
                ["index.html"] = output.WriteBytes("index.html", Bytes("home"), previous: null).Record,
                ["a/page.html"] = output.WriteBytes("a/page.html", Bytes("page"), previous: null).Record,
            });
        }

        Assert.Equal(["a/", $"{OutputManifest.FileName}=a/page.html index.html", "a/page.html=page", "index.html=home"], Everything(site));
        Assert.Equal(["site"], Names(root.Path));
    }

    [Fact]
    public void A_rename_of_the_whole_site_that_fails_leaves_the_empty_folder_as_it_was()
    {
        using var root = new TemporaryFolder();
        var site = root.Combine("site");
        Directory.CreateDirectory(site);

        using (var output = new StagedOutput(site, new FailingFileSystem(failAt: 2)))
        {
            var record = output.WriteBytes("index.html", Bytes("home"), previous: null).Record;
            var failed = Assert.Throws<PublishException>(() => output.Commit(new Dictionary<string, OutputRecord> { ["index.html"] = record }));
            Assert.True(failed.Restored);
            Assert.Contains(FailingFileSystem.Message, failed.Message, StringComparison.Ordinal);
        }

        Assert.Empty(Names(site));
        Assert.Equal(["site"], Names(root.Path));
    }

    // A site as a build left it: its manifest, a folder of its own, a file that the next build puts a
    // folder in its place, and a file of the publisher's that no build touches.
    private static void MakeOldSite(string site)
    {
        Publish(
            site,
            ("index.html", "old home"),
            ("a.html", "same"),
            ("gone.html", "gone"),
            ("old-alias", "a page at a path without a slash"),
            ("becomes-file/index.html", "a folder that becomes a file"),
            ("dir/keep.html", "kept"),
            ("dir/sub/gone.html", "gone too"),
            ("CNAME", "example.org"));
        OutputManifest.Write(site, new[] { "index.html", "a.html", "gone.html", "old-alias", "becomes-file/index.html", "dir/keep.html", "dir/sub/gone.html" }
            .ToDictionary(path => path, path => new OutputRecord("x", new FileInfo(Path.Combine(site, path)).Length, 0)));
    }

    // The next build: one file replaced, one left as it was, new files in new folders, a file where a
    // folder was and a folder where a file was, and files deleted.
    private static void CommitNewSite(string site, OutputFileSystem fileSystem)
    {
        using var output = new StagedOutput(site, fileSystem);
        var records = new Dictionary<string, OutputRecord>();
        foreach (var (path, text) in new[]
        {
            ("index.html", "new home"),
            ("a.html", "same"),
            ("new/deep/page.html", "new page"),
            ("old-alias/index.html", "now a folder"),
            ("becomes-file", "now a file"),
            ("dir/keep.html", "kept"),
        })
        {
            records[path] = output.WriteBytes(path, Bytes(text), previous: null).Record;
        }

        output.Commit(records);
    }

    // Every file with its text (the manifest by the files it lists, whose times differ from build to
    // build), and every folder, below the site.
    private static string[] Everything(string folder) =>
    [
        .. Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories).Select(d => Path.GetRelativePath(folder, d) + "/").Order(StringComparer.Ordinal),
        .. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(folder, f) + "=" + (Path.GetFileName(f) == OutputManifest.FileName
                ? string.Join(' ', OutputManifest.Load(folder).Keys.Order(StringComparer.Ordinal))
                : File.ReadAllText(f))),
    ];

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
