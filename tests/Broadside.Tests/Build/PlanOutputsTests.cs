using System.Collections.Immutable;
using Broadside.Build;
using Broadside.Engine;
using Broadside.Modules;
using Broadside.Output;
using Broadside.Outputs;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Build;

/// <summary>
/// The plan of a build that starts from the last one's state (<see cref="Broadside.Build.PlanOutputs"/>),
/// tried by random edits drawn over every listing the build declares (<see cref="ListingFuzzer"/>): the
/// site must always come out as a build from nothing makes it. A listing added here, which nothing in
/// Broadside names, is planned and fuzzed like the others; one that declares less than its files show is
/// caught.
/// </summary>
public sealed class PlanOutputsTests : IDisposable
{
    private readonly ServedSite _site = new();

    public void Dispose() => _site.Dispose();

    [Theory]
    [InlineData(2611)]
    [InlineData(1917)]
    [InlineData(1871)]
    public void Random_edits_drawn_over_every_listing_each_leave_the_site_as_a_build_from_nothing(int seed)
    {
        var fuzzer = new ListingFuzzer(_site, new Random(seed));
        fuzzer.Seed();
        Assert.True(_site.Build().Succeeded);

        var edits = fuzzer.Run(options => options, steps: 20);

        // Most edits start from the last build's state; a configured section that gains or loses its only
        // article changes every page's menu, and the build is a full one.
        Assert.InRange(edits, 14, 20);
        Assert.True(fuzzer.Drawn.Count >= 6, string.Join(", ", fuzzer.Drawn.Keys));
    }

    [Fact]
    public void A_listing_added_to_the_build_is_planned_and_fuzzed_like_the_others()
    {
        var fuzzer = new ListingFuzzer(_site, new Random(77));
        fuzzer.Seed();
        Assert.True(Builder.Build(WithLetters(_site.Options(), honest: true)).Succeeded);
        Assert.True(File.Exists(_site.Work.Combine("out", "letters", "r", "index.html")));

        fuzzer.Run(options => WithLetters(options, honest: true), steps: 40);

        Assert.True(fuzzer.Drawn.GetValueOrDefault(nameof(Letters)) > 0, "the fuzzer never drew the added listing");
    }

    [Fact]
    public void A_listing_that_declares_less_than_its_files_show_is_caught()
    {
        var fuzzer = new ListingFuzzer(_site, new Random(77));
        fuzzer.Seed();
        Assert.True(Builder.Build(WithLetters(_site.Options(), honest: false)).Succeeded);

        // Its pages show titles it does not declare: an edited title leaves a page a build from nothing would make otherwise.
        var caught = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => fuzzer.Run(options => WithLetters(options, honest: false), steps: 60));

        Assert.Contains("letters/", caught.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_made_that_no_listing_declared_stops_the_build_before_anything_is_published()
    {
        var options = _site.Options() with
        {
            Extensions = [(services, write) => new Pipeline("Stray")
            {
                DependsOn = [SitePipelines.Plan],
                Process = [new Stray()],
                Output = [write],
            }],
        };

        // The checks of a build that adds no file trust that every file is declared: one that is not stops it.
        var error = Assert.Throws<InvalidOperationException>(() => Builder.Build(options));

        Assert.Contains("stray/index.html", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_site.Work.Combine("out", "stray", "index.html")));
    }

    private static BuildOptions WithLetters(BuildOptions options, bool honest) => options with
    {
        Extensions = [(services, write) => new Pipeline("Letters")
        {
            DependsOn = [SitePipelines.Index, SitePipelines.Plan],
            Process = [new Letters(honest)],
            Output = [write],
        }],
    };

    /// <summary>
    /// A page per first letter of the articles' titles, listing their titles. Honest, it declares that
    /// its page shows them all; otherwise it declares that it shows none, though it does.
    /// </summary>
    private sealed class Letters(bool honest) : IModule, IListing
    {
        public IEnumerable<ListDeclaration> Declare(PipelineContext context) =>
            IndexDocument.In(context, SitePipelines.Index).Index.Articles
                .GroupBy(a => char.ToLowerInvariant(a.Title[0]))
                .OrderBy(g => g.Key)
                .Select(g =>
                {
                    var articles = g.ToImmutableArray();
                    var file = $"letters/{g.Key}/index.html";
                    return new ListDeclaration($"letters/{g.Key}/", articles, KeyBuilder.Of(g.Key.ToString()), [new ListFile(file, 0, honest ? articles.Length : 0)]);
                });

        public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
        {
            var plan = OutputPlan.In(context, SitePipelines.Plan);
            return [.. plan.Of(this).SelectMany(list => list.Files.Where(f => plan.Makes(f.Path)).Select(f => new OutputFile
            {
                Destination = f.Path,
                Content = string.Join('\n', list.Articles.Select(a => a.Title)) + "\n",
                InSitemap = false,
            }))];
        }
    }

    /// <summary>Makes a page it does not declare.</summary>
    private sealed class Stray : IModule
    {
        public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context) =>
            [new OutputFile { Destination = "stray/index.html", Content = "stray\n", InSitemap = false }];
    }
}
