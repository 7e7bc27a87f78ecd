using System.Collections.Immutable;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Modules;
using Broadside.Templates;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Modules;

public sealed class CheckUrlCollisionsTests
{
    private static readonly ViewFactory Views = new(SiteConfig.Fallback);

    [Theory]
    [InlineData("/2026/03/strike/")]
    [InlineData("/2026/03/strike")]
    [InlineData("/2026/03/Strike/")]
    [InlineData("2026/03/STRIKE")]
    [InlineData("/2026/03/strike/index.html")]
    public void An_alias_onto_another_articles_page_is_reported_naming_both(string alias)
    {
        var diagnostics = Check(TestArticles.Make("strike", "2026-03-14"), Aliased("walkout", alias));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UrlCollision, diagnostic.Code);
        Assert.Contains("input/articles/strike.md", diagnostic.ToString(), StringComparison.Ordinal);
        Assert.Contains("input/articles/walkout.md", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/old.html", "/old.html/2019/")]
    [InlineData("/2026/03/strike.html", "/2026/03/STRIKE.html/x.html")]
    public void A_file_with_the_name_of_a_folder_of_other_files_is_reported(string file, string under)
    {
        var diagnostics = Check(Aliased("strike", file), Aliased("walkout", under));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UrlCollision, diagnostic.Code);
        Assert.Contains("cannot be both", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("strike.md", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("walkout.md", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aliases_beside_pages_are_not_reported()
    {
        var diagnostics = Check(TestArticles.Make("strike", "2026-03-14"), Aliased("walkout", "/2026/03/strike-old/", "/2026/03/strike.html", "/2026/strike/"));

        Assert.Empty(diagnostics);
    }

    private static Article Aliased(string slug, params string[] aliases)
    {
        var article = TestArticles.Make(slug, "2026-03-10");
        return article with { FrontMatter = article.FrontMatter with { Aliases = [.. aliases.Select(a => AliasPath.Read(a).Path!)] } };
    }

    private static ImmutableArray<Diagnostic> Check(params Article[] articles)
    {
        var diagnostics = new DiagnosticBag();
        var pipelines = new[]
        {
            new Pipeline("Articles") { Process = [new Emit([.. articles])] },
            PlanEverything.Pipeline(),
            new Pipeline("Redirects") { DependsOn = ["Articles", PlanEverything.Name], Process = [new RenderRedirects(Views, PlanEverything.Name, null, "Articles")] },
            new Pipeline("Urls") { PostProcess = [new CheckUrlCollisions()] },
        };
        new PipelineEngine(pipelines).Run(diagnostics);
        return diagnostics.ToImmutableSorted();
    }

    private sealed class Emit(Document[] documents) : IModule
    {
        public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context) => [.. documents];
    }
}
