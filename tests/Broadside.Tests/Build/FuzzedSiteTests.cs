using System.Text;
using Broadside.Build;
using Broadside.Diagnostics;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Build;

/// <summary>
/// Whole builds of a publication of fuzzed articles (<see cref="ArticleFuzzer"/>) with the default
/// theme: the build never crashes, every error names its file, and the articles with no error of their
/// own, built alone, are all published.
/// </summary>
public sealed class FuzzedSiteTests : IDisposable
{
    private const int Articles = 200;

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(101)]
    [InlineData(202)]
    public void Every_fuzzed_article_is_published_or_reported(int seed)
    {
        var fuzzer = new ArticleFuzzer(seed);
        var articles = Enumerable.Range(0, Articles).ToDictionary(i => $"fuzz-{i:D3}.md", _ => fuzzer.Next(), StringComparer.Ordinal);

        (var result, articles, _) = FuzzRounds.Build(seed, articles, Build);
        Assert.Equal(articles.Count, result.Documents);
        Assert.All(articles.Keys, file => Assert.DoesNotContain(result.Diagnostics, d => d.IsError && d.File!.EndsWith(file, StringComparison.Ordinal)));
    }

    private BuildResult Build(string name, IReadOnlyDictionary<string, string> articles)
    {
        var input = _folder.Combine(name, "input");
        Directory.CreateDirectory(Path.Combine(input, "articles"));
        File.WriteAllText(Path.Combine(input, "site.yml"), "title: Fuzzed\nbase_url: https://fuzzed.example.org/\ntime_zone: America/Chicago\n");
        File.WriteAllText(Path.Combine(input, "demands.yml"), "- id: free-transit\n  text: Fare-free transit for all!\n");
        foreach (var (file, text) in articles)
        {
            File.WriteAllBytes(Path.Combine(input, "articles", file), Encoding.UTF8.GetBytes(text));
        }

        return Builder.Build(new BuildOptions
        {
            InputFolder = input,
            ThemeFolder = RepositoryPaths.Theme,
            OutputFolder = _folder.Combine(name, "output"),
            Now = SampleSiteFixture.Now,
            IncludeDrafts = true,
            IncludeFuture = true,
        });
    }
}
