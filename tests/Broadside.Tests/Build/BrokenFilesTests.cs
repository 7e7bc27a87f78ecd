using System.Text;
using Broadside.Build;
using Broadside.Diagnostics;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Build;

/// <summary>
/// Broken publications made at test time from <c>Fixtures/minimal</c>, for what cannot be committed
/// as a fixture: binary, oversized and non-UTF-8 files, symbolic links out of the input folder, a
/// missing or broken site.yml and a broken theme. Each build reports every problem at its file (and
/// line, where there is one), writes nothing, and copies nothing from outside the input folder.
/// </summary>
public sealed class BrokenFilesTests : IDisposable
{
    private const string Secret = "a secret of the machine that builds the site";

    private readonly TemporaryFolder _folder = new();
    private readonly string _input;
    private readonly string _output;

    public BrokenFilesTests()
    {
        _input = _folder.Combine("input");
        _output = _folder.Combine("output");
        TemporaryFolder.CopyFolder(RepositoryPaths.Fixture("minimal"), _input);
        Directory.CreateDirectory(_output);
        Directory.CreateDirectory(_folder.Combine("outside"));
        File.WriteAllText(_folder.Combine("outside", "secret.md"), $"---\ntitle: {Secret}\nauthor: x\nsection: x\ndate: 2026-01-01\n---\n{Secret}\n");
        File.WriteAllText(_folder.Combine("outside", "secret.yml"), $"- name: {Secret}\n");
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Unusable_files_and_links_out_are_each_reported_and_nothing_is_written()
    {
        Article("picture.md", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 1, 0]);
        Article("latin-1.md", Encoding.Latin1.GetBytes("---\ntitle: Grève générale\nauthor: Léa\nsection: News\ndate: 2026-01-02\n---\n"));
        Article("bom-crlf.md", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("---\r\ntitle: Windows\r\nauthor: Ana\r\nsection: News\r\ndate: 2026-02-30\r\n---\r\n")]);
        Article("bom-crlf-body.md", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("---\r\ntitle: Windows\r\nauthor: Ana\r\nsection: News\r\ndate: 2026-02-28\r\n---\r\n\r\nText.\r\n\r\n<p onclick=\"x()\">Body</p>\r\n")]);
        WriteHuge(Path.Combine(_input, "articles", "huge.md"), 50L * 1024 * 1024);
        File.CreateSymbolicLink(Path.Combine(_input, "articles", "leak.md"), "../../outside/secret.md");
        Directory.CreateSymbolicLink(Path.Combine(_input, "articles", "elsewhere"), _folder.Combine("outside"));
        Directory.CreateDirectory(Path.Combine(_input, "media"));
        File.CreateSymbolicLink(Path.Combine(_input, "media", "passwd.txt"), _folder.Combine("outside", "secret.md"));
        File.CreateSymbolicLink(Path.Combine(_input, "authors.yml"), "../outside/secret.yml");

        var result = Build();

        Assert.Equal(
            [
                ("input/articles/bom-crlf-body.md(10,1)", DiagnosticCodes.ActiveContent),
                ("input/articles/bom-crlf.md(5,7)", DiagnosticCodes.InvalidDate),
                ("input/articles/elsewhere", DiagnosticCodes.LinkOutsideInput),
                ("input/articles/huge.md", DiagnosticCodes.FileTooLarge),
                ("input/articles/latin-1.md", DiagnosticCodes.FileUnreadable),
                ("input/articles/leak.md", DiagnosticCodes.LinkOutsideInput),
                ("input/articles/picture.md", DiagnosticCodes.FileUnreadable),
                ("input/authors.yml", DiagnosticCodes.LinkOutsideInput),
                ("input/media/passwd.txt", DiagnosticCodes.LinkOutsideInput),
            ],
            result.Diagnostics.Select(d => (Where(d), d.Code)).Order().ToArray());
        Assert.All(result.Diagnostics, d => Assert.True(d.IsError));
        Assert.Contains("is 50.0 MB, more than the 10 MB", Message(result, "huge.md"), StringComparison.Ordinal);
        Assert.Contains("binary, not text", Message(result, "picture.md"), StringComparison.Ordinal);
        Assert.Contains("not UTF-8 text", Message(result, "latin-1.md"), StringComparison.Ordinal);
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains(Secret, StringComparison.Ordinal));
        Assert.False(result.Succeeded);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_output));
    }

    [Fact]
    public void Links_that_stay_inside_the_input_folder_are_followed()
    {
        Directory.CreateDirectory(_folder.Combine("input", "_shared"));
        File.Move(Path.Combine(_input, "articles", "first-issue.md"), Path.Combine(_input, "_shared", "first-issue.md"));
        File.CreateSymbolicLink(Path.Combine(_input, "articles", "first-issue.md"), "../_shared/first-issue.md");

        var result = Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.True(File.Exists(Path.Combine(_output, "2026", "01", "first-issue", "index.html")));
    }

    [Theory]
    [InlineData(null, "input/site.yml", DiagnosticCodes.SiteConfigMissing)]
    [InlineData("title: \"Unclosed\nbase_url: https://example.org/\n", "input/site.yml(1,8)", DiagnosticCodes.YamlSyntax)]
    [InlineData("- title: A list\n", "input/site.yml(1,1)", DiagnosticCodes.FrontMatterNotMapping)]
    [InlineData("title: &t Gazette\nbase_url: https://example.org/\ndescription: *t\n", "input/site.yml(3,14)", DiagnosticCodes.YamlAlias)]
    [InlineData("title: Gazette\nbase_url: https://example.org/\nraw_html: [scripts]\n", "input/site.yml(3,11)", DiagnosticCodes.WrongType)]
    public void A_missing_or_broken_site_yml_is_reported_at_its_line(string? siteYml, string where, string code)
    {
        var path = Path.Combine(_input, "site.yml");
        if (siteYml is null)
        {
            File.Delete(path);
        }
        else
        {
            File.WriteAllText(path, siteYml);
        }

        var result = Build();

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((where, code), (Where(diagnostic), diagnostic.Code));
        Assert.False(result.Succeeded);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_output));
    }

    [Fact]
    public void A_theme_with_a_syntax_error_and_a_missing_partial_names_each_template_and_line()
    {
        var theme = _folder.Combine("theme");
        TemporaryFolder.CopyFolder(RepositoryPaths.Theme, theme);
        File.AppendAllText(Path.Combine(theme, "templates", "article.liquid"), "\n{% render 'sidebar' %}\n");
        var article = File.ReadAllLines(Path.Combine(theme, "templates", "article.liquid")).Length;
        File.WriteAllText(Path.Combine(theme, "partials", "tags.liquid"), "<ul>\n{% for tag in tags %}\n<li>{{ tag.name }</li>\n{% endfor %}\n</ul>\n");

        var result = Build(theme);

        Assert.Equal(
            [
                ($"theme/partials/tags.liquid(3,", DiagnosticCodes.TemplateSyntax),
                ($"theme/templates/article.liquid({article},1)", DiagnosticCodes.TemplateMissing),
            ],
            result.Diagnostics.Select(d => (d.Code == DiagnosticCodes.TemplateSyntax ? Where(d)[..^3] : Where(d), d.Code)).Order().ToArray());
        Assert.Contains("the partial 'sidebar'", Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.TemplateMissing).Message, StringComparison.Ordinal);
        Assert.False(result.Succeeded);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_output));
    }

    private static string Where(Diagnostic d) => d.Line == 0 ? d.File! : $"{d.File}({d.Line},{d.Column})";

    private static string Message(BuildResult result, string file) =>
        Assert.Single(result.Diagnostics, d => d.File!.EndsWith("/" + file, StringComparison.Ordinal)).Message;

    // An article of real text, front matter and all, past the size limit: it must be refused unread.
    private static void WriteHuge(string path, long length)
    {
        using var stream = File.Create(path);
        stream.Write("---\ntitle: Huge\nauthor: Ana\nsection: News\ndate: 2026-01-03\n---\n"u8);
        var line = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("The strike goes on. ", 50)) + "\n");
        while (stream.Length < length)
        {
            stream.Write(line);
        }
    }

    private void Article(string name, byte[] bytes) => File.WriteAllBytes(Path.Combine(_input, "articles", name), bytes);

    private BuildResult Build(string? theme = null) => Builder.Build(new BuildOptions
    {
        InputFolder = _input,
        ThemeFolder = theme ?? RepositoryPaths.Theme,
        OutputFolder = _output,
        Now = SampleSiteFixture.Now,
        DisplayRoot = _folder.Path,
    });
}
