using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Markdown;
using Broadside.Modules;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Modules;

public sealed class ParseArticlesTests
{
    private static readonly SiteConfig Site = SiteConfig.Fallback with { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago") };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Fuzzed_articles_give_an_article_or_a_located_error_and_never_a_crash(int seed)
    {
        const int cases = 1500;
        var fuzzer = new ArticleFuzzer(seed);
        var sources = Enumerable.Range(0, cases)
            .Select(i => (Document)Source($"fuzz-{i:D4}.md", fuzzer.Next()))
            .ToImmutableArray();
        var diagnostics = new DiagnosticBag();
        var context = new PipelineContext(new Pipeline("Fuzz"), Phase.Process, ImmutableDictionary<string, ImmutableArray<Document>>.Empty, diagnostics, CancellationToken.None);
        var clock = Stopwatch.StartNew();

        var parsed = new ParseArticles(Site).Execute(sources, context);
        var rendered = new RenderMarkdown(new MarkdownRenderer()).Execute(parsed, context);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"{cases} cases took {clock.Elapsed}.");
        var all = diagnostics.ToImmutableSorted();
        Assert.All(all.Where(d => d.Code == DiagnosticCodes.InternalError), d => Assert.Fail($"Seed {seed}: {d}\n{((SourceFile)sources.Single(s => s.Source == d.File)).Text}"));
        Assert.All(all.Where(d => d.IsError), d => Assert.True(d.File is not null && d.Line >= 1, $"Seed {seed}: an error without a line: {d}"));
        var articles = rendered.OfType<Article>().Select(a => a.Source).ToHashSet(StringComparer.Ordinal);
        var located = all.Where(d => d.IsError).Select(d => d.File).ToHashSet(StringComparer.Ordinal);
        Assert.All(sources, source => Assert.True(
            articles.Contains(source.Source) || located.Contains(source.Source),
            $"Seed {seed}: {source.Source} gave neither an article nor an error:\n{((SourceFile)source).Text}"));
        Assert.All(rendered.OfType<Article>(), a => Assert.NotNull(a.HtmlUtf8));
    }

    private static SourceFile Source(string name, string text) => new()
    {
        Source = "input/articles/" + name,
        FullPath = "/input/articles/" + name,
        RelativePath = name,
        Bytes = Encoding.UTF8.GetBytes(text),
    };
}
