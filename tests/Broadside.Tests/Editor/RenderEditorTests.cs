using Broadside.Build;
using Broadside.Editor;
using Broadside.Outputs;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Editor;

/// <summary>
/// The web editor a build publishes at <c>/admin/</c>, from a small publication with an <c>editor:</c>
/// block and a stand-in for Decap CMS's package (its files' names, not its code).
/// </summary>
public sealed class RenderEditorTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TemporaryFolder _work = new();

    public RenderEditorTests()
    {
        TemporaryFolder.CopyFolder(RepositoryPaths.Fixture("editor"), _work.Combine("repo", "input"));
        Directory.CreateDirectory(_work.Combine("repo", ".git"));
        var dist = _work.Combine("node_modules", "decap-cms", "dist");
        Directory.CreateDirectory(dist);
        File.WriteAllText(_work.Combine("node_modules", "decap-cms", "package.json"), "{\"name\": \"decap-cms\", \"version\": \"3.16.3\"}");
        foreach (var name in new[] { "decap-cms.js", "decap-cms.js.map", "1077.decap-cms.js", "1077.decap-cms.js.map", "decap-cms.js.LICENSE.txt", "f728dc876b39e5273411.wasm", "cms.js", "cms.css" })
        {
            File.WriteAllText(Path.Combine(dist, name), "/* " + name + " */\n");
        }
    }

    private string Input => _work.Combine("repo", "input");

    public void Dispose() => _work.Dispose();

    [Fact]
    public void Finds_the_package_above_a_folder_and_takes_the_files_it_runs_with_and_no_source_map()
    {
        Assert.True(DecapBundle.TryLocate([Input], out var bundle, out _));

        Assert.Equal("3.16.3", bundle.Version);
        Assert.Equal(["decap-cms.js", "1077.decap-cms.js", "decap-cms.js.LICENSE.txt", "f728dc876b39e5273411.wasm"], bundle.Files.ToArray());
        using var elsewhere = new TemporaryFolder();
        Assert.False(DecapBundle.TryLocate([elsewhere.Path], out _, out var reason));
        Assert.Contains("npm ci", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Publishes_the_editor_kept_out_of_the_sitemap_and_of_crawlers_with_a_policy_of_its_own()
    {
        var result = Build("out");

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var admin = _work.Combine("out", "admin");
        Assert.Equal(["1077.decap-cms.js", "broadside-widgets.js", "config.yml", "decap-cms.js", "decap-cms.js.LICENSE.txt", "f728dc876b39e5273411.wasm", "index.html"], Directory.EnumerateFiles(admin).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(RenderEditor.PageHtml("The Riverside Leaflet", "en", "/"), File.ReadAllText(Path.Combine(admin, "index.html")));
        var page = File.ReadAllText(Path.Combine(admin, "index.html"));
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-pagefind-body", page, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(page, "<script").Count);
        Assert.Contains("<script src=\"/admin/decap-cms.js\"></script>\n<script src=\"/admin/broadside-widgets.js\"></script>", page, StringComparison.Ordinal);

        // Broadside's own widgets, registered with Decap once its script has run.
        var widgets = File.ReadAllText(Path.Combine(admin, "broadside-widgets.js"));
        Assert.Equal(RenderEditor.WidgetsJavaScript, widgets);
        Assert.Contains("CMS.registerWidget(\"demands\"", widgets, StringComparison.Ordinal);

        var config = File.ReadAllText(Path.Combine(admin, "config.yml"));
        Assert.Contains("repo: \"riverside-leaflet/leaflet\"", config, StringComparison.Ordinal);
        Assert.Contains("folder: \"input/articles\"", config, StringComparison.Ordinal);
        Assert.Contains("\"Tomás Berg\"", config, StringComparison.Ordinal);
        Assert.Contains("value: \"rent-control\"", config, StringComparison.Ordinal);

        Assert.Contains("Disallow: /admin/", File.ReadAllText(_work.Combine("out", "robots.txt")), StringComparison.Ordinal);
        Assert.DoesNotContain("admin", File.ReadAllText(_work.Combine("out", "sitemap.xml")), StringComparison.Ordinal);
        var headers = File.ReadAllText(_work.Combine("out", "_headers"));
        Assert.Equal(SecurityHeaders.ForEditor().ToArray(), SecurityHeaders.ReadEditor(headers).ToArray());
        Assert.DoesNotContain("\n/*\n", headers, StringComparison.Ordinal);
        Assert.Contains("\n/2026/*\n", headers, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_block_or_the_package_there_is_no_admin_and_headers_are_as_before()
    {
        var unwanted = Build("unwanted", editor: false);
        File.WriteAllText(Path.Combine(Input, "site.yml"), File.ReadAllText(Path.Combine(Input, "site.yml")).Replace("editor:\n  repo: riverside-leaflet/leaflet\n  branch: main\n", string.Empty, StringComparison.Ordinal));
        var unblocked = Build("unblocked");

        foreach (var (result, output) in new[] { (unwanted, "unwanted"), (unblocked, "unblocked") })
        {
            Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
            Assert.False(Directory.Exists(_work.Combine(output, "admin")));
            Assert.Contains("\n/*\n", File.ReadAllText(_work.Combine(output, "_headers")), StringComparison.Ordinal);
            Assert.DoesNotContain("admin", File.ReadAllText(_work.Combine(output, "robots.txt")), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_editor_goes_when_the_block_does()
    {
        Assert.True(Build("out").Succeeded);
        Assert.True(File.Exists(_work.Combine("out", "admin", "index.html")));

        File.WriteAllText(Path.Combine(Input, "site.yml"), File.ReadAllText(Path.Combine(Input, "site.yml")).Replace("editor:\n  repo: riverside-leaflet/leaflet\n  branch: main\n", string.Empty, StringComparison.Ordinal));
        var result = Build("out");

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.False(Directory.Exists(_work.Combine("out", "admin")), "The build left /admin/ behind.");
        Assert.Contains("\n/*\n", File.ReadAllText(_work.Combine("out", "_headers")), StringComparison.Ordinal);
        SameBuild.AssertSameFiles(new SiteOutput(Fresh()).Snapshot(), new SiteOutput(_work.Combine("out")).Snapshot());
    }

    [Fact]
    public void A_build_from_the_saved_state_writes_what_a_build_from_nothing_does()
    {
        Assert.True(Build("out").Succeeded);
        var article = Path.Combine(Input, "articles", "2026", "drivers-vote-to-strike.md");
        File.WriteAllText(article, File.ReadAllText(article).Replace("voted to strike", "voted to strike at dawn", StringComparison.Ordinal));

        var edited = Build("out");

        Assert.True(edited.Succeeded, string.Join('\n', edited.Diagnostics));
        Assert.True(edited.Edited, $"the build should have started from the last one's state, not made everything: {edited.Full}");
        Assert.True(File.Exists(_work.Combine("out", "admin", "config.yml")));
        SameBuild.AssertSameFiles(new SiteOutput(Fresh()).Snapshot(), new SiteOutput(_work.Combine("out")).Snapshot());
    }

    [Fact]
    public void No_page_may_take_the_editor_s_address()
    {
        File.WriteAllText(Path.Combine(Input, "pages", "admin.md"), "---\ntitle: \"Admin\"\n---\n\nHello.\n");

        var result = Build("out", editor: false);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == Broadside.Diagnostics.DiagnosticCodes.PathReserved && d.Message.Contains("/admin/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_input_folder_is_named_by_its_place_in_the_repository() =>
        Assert.Equal("input", RenderEditor.RepositoryPath(Input));

    private BuildOptions Options(string output, bool editor = true) => new()
    {
        InputFolder = Input,
        ThemeFolder = RepositoryPaths.Theme,
        OutputFolder = _work.Combine(output),
        CacheFolder = _work.Combine(output + ".cache"),
        Now = Now,
        Editor = editor && DecapBundle.TryLocate([Input], out var bundle, out _) ? bundle : null,
        DisplayRoot = _work.Path,
    };

    private BuildResult Build(string output, bool editor = true) => Builder.Build(Options(output, editor));

    private string Fresh(DateTimeOffset? now = null)
    {
        var folder = _work.Combine("fresh-" + Guid.NewGuid().ToString("N"));
        var result = Builder.Build(Options(Path.GetFileName(folder)) with { CacheFolder = null, Now = now ?? Now });
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return folder;
    }
}
