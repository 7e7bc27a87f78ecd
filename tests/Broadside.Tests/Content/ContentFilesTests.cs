using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Content;

public sealed class ContentFilesTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly string _input;
    private readonly string _articles;

    public ContentFilesTests()
    {
        _input = _folder.Combine("input");
        _articles = Path.Combine(_input, "articles");
        Directory.CreateDirectory(Path.Combine(_articles, "2026"));
        Directory.CreateDirectory(Path.Combine(_input, "drafts"));
        Directory.CreateDirectory(_folder.Combine("outside"));
        Write(Path.Combine(_articles, "b.md"));
        Write(Path.Combine(_articles, "2026", "a.md"));
        Write(Path.Combine(_articles, "Grève générale à Montréal.md"));
        Write(Path.Combine(_articles, "notes.txt"));
        Write(Path.Combine(_articles, "_draft.md"));
        Write(Path.Combine(_articles, ".hidden.md"));
        Write(Path.Combine(_input, "drafts", "kept.md"));
        Write(_folder.Combine("outside", "secret.md"));
    }

    [Theory]
    [InlineData("2026/strike.md", true)]
    [InlineData("strike.md", true)]
    [InlineData("_drafts/strike.md", false)]
    [InlineData("2026/_strike.md", false)]
    [InlineData(".strike.md", false)]
    [InlineData("2026/strike.md.swp", false)]
    [InlineData("notes.txt", false)]
    [InlineData("sedX1b2c3", false)]
    public void A_file_is_content_when_listing_would_list_it(string relative, bool content)
    {
        Assert.Equal(content, ContentFiles.IsContent(relative, "*.md"));
        if (content)
        {
            var path = _folder.Combine(relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "x");
            Assert.Contains(path, ContentFiles.Enumerate(_folder.Path, "*.md", _folder.Path, "folder", new DiagnosticBag()));
        }
    }

    [Fact]
    public void Lists_matching_files_in_ordinal_order_without_hidden_ones()
    {
        var files = Relative(ContentFiles.Enumerate(_articles, "*.md", _input, "input/articles", new DiagnosticBag()));

        Assert.Equal(["2026/a.md", "Grève générale à Montréal.md", "b.md"], files);
    }

    [Fact]
    public void Each_file_listed_comes_with_the_size_and_time_dotnet_gives_it_through_a_link_too()
    {
        File.WriteAllText(Path.Combine(_input, "drafts", "kept.md"), "a longer file than the others");
        File.SetLastWriteTimeUtc(Path.Combine(_input, "drafts", "kept.md"), new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1234567));
        File.CreateSymbolicLink(Path.Combine(_articles, "linked.md"), "../drafts/kept.md");

        var listed = ContentFiles.List(_articles, "*.md", _input, "input/articles", new DiagnosticBag());

        Assert.Equal(ContentFiles.Enumerate(_articles, "*.md", _input, "input/articles", new DiagnosticBag()), listed.Select(f => f.Path));
        Assert.All(listed, file =>
        {
            var info = InputPaths.Stamped(file.Path);
            Assert.Equal((info.Length, info.LastWriteTimeUtc.Ticks), (file.Length, file.LastWriteTicks));
        });
        Assert.Equal(29, Assert.Single(listed, f => f.Path.EndsWith("linked.md", StringComparison.Ordinal)).Length);
    }

    [Fact]
    public void A_folder_listed_once_keeps_what_the_listing_reported_for_the_build_that_reads_it()
    {
        File.CreateSymbolicLink(Path.Combine(_articles, "outside.md"), "/etc/hostname");
        var diagnostics = new DiagnosticBag();
        var files = ContentFiles.List(_articles, "*.md", _input, "input/articles", diagnostics);

        var listing = FolderListing.Of(_articles, "*.md", _input, "input/articles");

        Assert.Equal(files.AsEnumerable(), listing.Files);
        Assert.Equal(diagnostics.ToImmutableSorted().AsEnumerable(), listing.Problems);
        Assert.NotEmpty(listing.Problems);
        Assert.True(listing.Lists(_articles + "/.", "*.md"));
        Assert.False(listing.Lists(_articles, "*"));
    }

    [Fact]
    public void Links_that_stay_inside_the_input_folder_are_followed()
    {
        File.CreateSymbolicLink(Path.Combine(_articles, "linked.md"), "../drafts/kept.md");
        Directory.CreateSymbolicLink(Path.Combine(_articles, "drafts"), Path.Combine(_input, "drafts"));
        var diagnostics = new DiagnosticBag();

        var files = Relative(ContentFiles.Enumerate(_articles, "*.md", _input, "input/articles", diagnostics));

        Assert.Equal(["2026/a.md", "Grève générale à Montréal.md", "b.md", "drafts/kept.md", "linked.md"], files);
        Assert.Empty(diagnostics.ToImmutableSorted());
    }

    [Fact]
    public void Links_that_lead_out_are_BS0011_and_left_out()
    {
        File.CreateSymbolicLink(Path.Combine(_articles, "secret.md"), "../../outside/secret.md");
        Directory.CreateSymbolicLink(Path.Combine(_articles, "2026", "elsewhere"), _folder.Combine("outside"));
        var diagnostics = new DiagnosticBag();

        var files = Relative(ContentFiles.Enumerate(_articles, "*.md", _input, "input/articles", diagnostics));

        Assert.Equal(["2026/a.md", "Grève générale à Montréal.md", "b.md"], files);
        Assert.Equal(
            [(DiagnosticCodes.LinkOutsideInput, "input/articles/2026/elsewhere"), (DiagnosticCodes.LinkOutsideInput, "input/articles/secret.md")],
            diagnostics.ToImmutableSorted().Select(d => (d.Code, d.File!)).ToArray());
    }

    [Fact]
    public void A_content_folder_that_is_a_link_out_is_BS0011_and_lists_nothing()
    {
        var media = Path.Combine(_input, "media");
        Directory.CreateSymbolicLink(media, _folder.Combine("outside"));
        var diagnostics = new DiagnosticBag();

        var files = ContentFiles.Enumerate(media, "*", _input, "input/media", diagnostics);

        Assert.Empty(files);
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.LinkOutsideInput, "input/media"), (diagnostic.Code, diagnostic.File));
    }

    [Fact]
    public void Hidden_names_are_listed_when_asked_and_links_lead_anywhere_without_a_root()
    {
        Directory.CreateSymbolicLink(Path.Combine(_articles, "elsewhere"), _folder.Combine("outside"));
        var diagnostics = new DiagnosticBag();

        var files = Relative(ContentFiles.Enumerate(_articles, "*.md", root: null, "theme", diagnostics, hidden: true));

        Assert.Equal([".hidden.md", "2026/a.md", "Grève générale à Montréal.md", "_draft.md", "b.md", "elsewhere/secret.md"], files);
        Assert.Empty(diagnostics.ToImmutableSorted());
    }

    [Fact]
    public void Links_that_branch_list_a_folder_by_a_few_paths_at_most_and_say_so_once()
    {
        // Levels 0 to 12, each with two links to the next: 4,096 paths to the last one.
        var media = Path.Combine(_input, "media");
        for (var level = 0; level <= 12; level++)
        {
            Directory.CreateDirectory(Path.Combine(media, $"l{level}"));
            File.WriteAllText(Path.Combine(media, $"l{level}", "picture.jpg"), "jpeg");
            if (level > 0)
            {
                Directory.CreateSymbolicLink(Path.Combine(media, $"l{level - 1}", "a"), $"../l{level}");
                Directory.CreateSymbolicLink(Path.Combine(media, $"l{level - 1}", "b"), $"../l{level}");
            }
        }

        var diagnostics = new DiagnosticBag();

        var files = ContentFiles.Enumerate(media, "*", _input, "input/media", diagnostics);

        Assert.InRange(files.Length, 13, 13 * 9);
        Assert.All(Enumerable.Range(0, 13), level => Assert.Contains(Path.Combine(media, $"l{level}", "picture.jpg"), files));
        Assert.All(diagnostics.ToImmutableSorted(), d => Assert.Equal(DiagnosticCodes.LinkLoop, d.Code));
        Assert.InRange(diagnostics.Count, 1, 13);
        Assert.Contains("by more than 8 paths", diagnostics.ToImmutableSorted()[0].Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private static void Write(string path) => File.WriteAllText(path, "---\n---\n");

    private string[] Relative(IEnumerable<string> files) =>
        [.. files.Select(f => Path.GetRelativePath(_articles, f).Replace('\\', '/'))];
}
