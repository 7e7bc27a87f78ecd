using System.Text.RegularExpressions;
using Broadside.Build;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Build;

/// <summary>
/// A publication whose articles name sections site.yml does not list (<c>Fixtures/sections</c>), in
/// English and Spanish: every section with articles in a language is in that language's menu, after
/// the listed ones, so that no section page is out of a reader's reach.
/// </summary>
public sealed class UnlistedSectionsTests : IDisposable
{
    private readonly TemporaryFolder _output = new();

    [Theory]
    [InlineData("/", new[] { "Labor", "Arts", "Schools & <Youth>" })]
    [InlineData("/es/", new[] { "Trabajo", "Escuelas" })]
    public void The_menu_lists_the_listed_sections_with_articles_then_the_others_by_slug(string home, string[] expected)
    {
        var site = BuiltSite();

        var sections = site.Page(home).QuerySelectorAll(".site-nav li:not(.nav-demands):not(.nav-page):not(.nav-search) a").Select(a => a.TextContent).ToArray();

        Assert.Equal(expected, sections);
    }

    [Fact]
    public void Every_section_page_of_a_language_is_linked_from_the_menu_of_every_page_of_that_language()
    {
        var site = BuiltSite();
        var sectionPages = site.HtmlFiles.Where(f => Regex.IsMatch(f, "^(es/)?sections/[^/]+/index.html$")).Select(f => "/" + f[..^"index.html".Length]).ToList();
        Assert.Equal(5, sectionPages.Count);

        foreach (var file in site.HtmlFiles.Where(f => !site.IsRedirect(f)))
        {
            var spanish = file.StartsWith("es/", StringComparison.Ordinal);
            var menu = site.Parse(file).QuerySelectorAll(".site-nav a").Select(a => a.GetAttribute("href")).ToHashSet();
            Assert.All(
                sectionPages.Where(p => p.StartsWith("/es/", StringComparison.Ordinal) == spanish),
                page => Assert.True(menu.Contains(page), $"{file} has no link to {page} in its menu."));
        }
    }

    [Fact]
    public void A_section_name_from_an_article_is_escaped_in_the_menu()
    {
        var site = BuiltSite();

        var html = File.ReadAllText(Path.Combine(site.Folder, "index.html"));

        Assert.Contains(">Schools &amp; &lt;Youth&gt;</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<Youth>", html, StringComparison.Ordinal);
    }

    public void Dispose() => _output.Dispose();

    private SiteOutput BuiltSite()
    {
        var result = Builder.Build(new BuildOptions
        {
            InputFolder = RepositoryPaths.Fixture("sections"),
            ThemeFolder = RepositoryPaths.Theme,
            OutputFolder = _output.Path,
            Now = SampleSiteFixture.Now,
            DisplayRoot = RepositoryPaths.Fixture("sections"),
        });
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        return new SiteOutput(_output.Path);
    }
}
