using Broadside.Bench;
using Broadside.Build;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Bench;

public sealed class CorpusGeneratorTests
{
    [Fact]
    public void The_same_count_and_seed_give_the_same_files()
    {
        using var first = new TemporaryFolder();
        using var second = new TemporaryFolder();
        using var other = new TemporaryFolder();

        CorpusGenerator.Write(30, first.Path);
        CorpusGenerator.Write(30, second.Path);
        CorpusGenerator.Write(30, other.Path, seed: 7);

        var a = Snapshot(first.Path);
        Assert.Equal(30, a.Count);
        Assert.Equal(a, Snapshot(second.Path));
        Assert.NotEqual(a, Snapshot(other.Path));
    }

    [Fact]
    public void A_generated_corpus_builds_without_errors_with_archives_demands_and_feeds()
    {
        using var input = new TemporaryFolder();
        using var output = new TemporaryFolder();
        File.Copy(Path.Combine(RepositoryPaths.Input, "site.yml"), input.Combine("site.yml"));
        CorpusGenerator.Write(60, input.Combine("articles"));

        var result = Builder.Build(new BuildOptions { InputFolder = input.Path, ThemeFolder = RepositoryPaths.Theme, OutputFolder = output.Path });

        Assert.Empty(result.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
        Assert.Equal(60, result.Documents);
        Assert.True(Directory.EnumerateFiles(output.Combine("demands"), "feed.xml", SearchOption.AllDirectories).Any());
        Assert.True(Directory.EnumerateDirectories(output.Combine("tags")).Count() > 60);
    }

    private static SortedDictionary<string, string> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllText), StringComparer.Ordinal);
}
