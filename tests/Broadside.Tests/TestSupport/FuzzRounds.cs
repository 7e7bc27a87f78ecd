using System.Text.RegularExpressions;
using Broadside.Build;
using Broadside.Diagnostics;

namespace Broadside.Tests.TestSupport;

/// <summary>
/// Builds a publication of fuzzed articles (<c>fuzz-NNN.md</c>) again and again, each time without the
/// files the failed build reported, until one succeeds. A problem between two files (two spellings of
/// one tag) is reported at one and names the other, so the files named are left out too. Every build
/// must report no fault of Broadside's and no error without a file, and fail only on some article.
/// </summary>
public static partial class FuzzRounds
{
    /// <summary>The last build, the articles it was given and its round's name.</summary>
    /// <param name="seed">The fuzzer's seed, for messages.</param>
    /// <param name="articles">The articles by file name.</param>
    /// <param name="build">Builds the articles in the folder of the round it is named.</param>
    /// <param name="check">More to check of each build.</param>
    public static (BuildResult Result, Dictionary<string, string> Articles, string Round) Build(
        int seed,
        Dictionary<string, string> articles,
        Func<string, IReadOnlyDictionary<string, string>, BuildResult> build,
        Action<BuildResult>? check = null)
    {
        BuildResult result;
        var round = 0;
        string name;
        do
        {
            name = $"round-{round++}";
            result = build(name, articles);
            Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.InternalError);
            Assert.All(result.Diagnostics.Where(d => d.IsError), d => Assert.True(d.File is not null, $"Seed {seed}: an error without a file: {d}"));
            check?.Invoke(result);
            var reported = result.Diagnostics.Where(d => d.IsError)
                .SelectMany(d => FuzzFile().Matches(d.File + " " + d.Message).Select(m => m.Value))
                .ToHashSet(StringComparer.Ordinal);
            Assert.True(result.Succeeded || reported.Overlaps(articles.Keys), $"Seed {seed}: the build failed on no article:\n{string.Join('\n', result.Diagnostics)}");
            articles = articles.Where(a => !reported.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        }
        while (!result.Succeeded && round < 10);

        Assert.True(result.Succeeded, $"Seed {seed}: still failing after {round} rounds:\n{string.Join('\n', result.Diagnostics)}");
        Assert.NotEmpty(articles);
        return (result, articles, name);
    }

    [GeneratedRegex(@"fuzz-\d{3}\.md")]
    private static partial Regex FuzzFile();
}
