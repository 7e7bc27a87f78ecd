using System.Text;
using System.Text.RegularExpressions;
using Broadside.Diagnostics;
using Broadside.Site;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Site;

/// <summary>
/// Whole builds of a publication of fuzzed articles (<see cref="ArticleFuzzer"/>) with the default
/// theme: the build never crashes, every error names its file, and the articles with no error of their
/// own, built alone, are all published.
/// </summary>
public sealed partial class FuzzedSiteTests : IDisposable
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

        // A problem between two files (two spellings of one tag) is reported at one and names the
        // other, so the files named are left out until the rest builds; each round leaves out some.
        BuildResult result;
        var round = 0;
        do
        {
            result = Build($"round-{round++}", articles);
            Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.InternalError);
            Assert.All(result.Diagnostics.Where(d => d.IsError), d => Assert.True(d.File is not null, $"Seed {seed}: an error without a file: {d}"));
            var reported = result.Diagnostics.Where(d => d.IsError)
                .SelectMany(d => FuzzFile().Matches(d.File + " " + d.Message).Select(m => m.Value))
                .ToHashSet(StringComparer.Ordinal);
            Assert.True(result.Succeeded || reported.Overlaps(articles.Keys), $"Seed {seed}: the build failed on no article:\n{string.Join('\n', result.Diagnostics)}");
            articles = articles.Where(a => !reported.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        }
        while (!result.Succeeded && round < 10);

        Assert.True(result.Succeeded, $"Seed {seed}: still failing after {round} rounds:\n{string.Join('\n', result.Diagnostics)}");
        Assert.NotEmpty(articles);
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

        return SiteBuilder.Build(new BuildOptions
        {
            InputFolder = input,
            ThemeFolder = RepositoryPaths.Theme,
            OutputFolder = _folder.Combine(name, "output"),
            Now = SampleSiteFixture.Now,
            IncludeDrafts = true,
            IncludeFuture = true,
        });
    }

    [GeneratedRegex(@"fuzz-\d{3}\.md")]
    private static partial Regex FuzzFile();
}
