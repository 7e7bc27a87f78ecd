using Broadside.Build;
using Broadside.Caching;
using Broadside.Diagnostics;
using Broadside.Tests.TestSupport;
using static Broadside.Tests.TestSupport.SameBuild;

namespace Broadside.Tests.Build;

/// <summary>
/// A problem that only shows when an edited article is made into pages (here, a theme whose article
/// card fails on one title) must be reported alike by the three ways a build starts: from nothing, from
/// the state the last <c>build</c> saved (<see cref="StoredEdit"/>), and from the build <c>serve</c> keeps
/// (<see cref="EditBuild"/>, <see cref="ListEdit"/>); and none of them may publish a page without the card.
/// </summary>
public sealed class EditProblemsTests : IDisposable
{
    private const string Article = "articles/2025/2025-01-18-bus-drivers-walk-out-at-three-depots.md";
    private const string Title = "title: \"Bus drivers walk out at three depots";
    private const string Tags = "tags: [transit, strikes, unions]";

    private readonly TemporaryFolder _work = new();
    private readonly BuildCache _served = new();

    public EditProblemsTests()
    {
        TemporaryFolder.CopyFolder(RepositoryPaths.Input, _work.Combine("input"));
        TemporaryFolder.CopyFolder(RepositoryPaths.Theme, _work.Combine("theme"));
        var card = _work.Combine("theme", "partials", "article-card.liquid");
        File.WriteAllText(card, "{% if article.title contains 'Boom' %}{{ 'no-such-partial' | partial_cached }}{% endif %}" + File.ReadAllText(card));
    }

    public void Dispose() => _work.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_card_the_theme_fails_to_make_is_reported_by_every_kind_of_build_and_nothing_is_published(bool listEdit)
    {
        Assert.True(Builder.Build(Options("served")).Succeeded);
        Assert.True(Builder.Build(Options("stored")).Succeeded);
        var served = Snapshot("served");
        var stored = Snapshot("stored");

        var path = Edit(Title, "title: \"Boom: bus drivers walk out at three depots");
        if (listEdit)
        {
            Edit(Tags, "tags: [transit, strikes, unions, wildcat]");
        }

        var fresh = Builder.Build(Options("fresh"));
        var fromState = Builder.Build(Options("stored"));
        var fromServe = Builder.Rebuild(Options("served"), [path]);

        Assert.False(fresh.Succeeded);
        Assert.Contains(fresh.Diagnostics, d => d.Code == DiagnosticCodes.TemplateRender);
        Assert.Equal(Lines(fresh), Lines(fromState));
        Assert.Equal(Lines(fresh), Lines(fromServe));
        Assert.False(fromState.Succeeded);
        Assert.False(fromServe.Succeeded);
        Assert.False(Directory.Exists(_work.Combine("fresh")) && Directory.EnumerateFileSystemEntries(_work.Combine("fresh")).Any());
        AssertSameFiles(stored, Snapshot("stored"));
        AssertSameFiles(served, Snapshot("served"));

        // Mended, every kind of build publishes the site a build from nothing makes.
        Edit("title: \"Boom: bus drivers", "title: \"Bus drivers");
        var mended = Builder.Build(Options("fresh"));
        Assert.True(mended.Succeeded, string.Join('\n', mended.Diagnostics));
        Assert.True(Builder.Build(Options("stored")).Succeeded);
        Assert.True(Builder.Rebuild(Options("served"), [path]).Succeeded);
        AssertSameFiles(Snapshot("fresh"), Snapshot("stored"));
        AssertSameFiles(Snapshot("fresh"), Snapshot("served"));
    }

    private string Edit(string find, string replace)
    {
        var path = _work.Combine("input", Article);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
        return path;
    }

    private IReadOnlyDictionary<string, byte[]> Snapshot(string output) => new SiteOutput(_work.Combine(output)).Snapshot();

    private BuildOptions Options(string output) => SampleSiteFixture.OptionsFor(_work.Combine(output)) with
    {
        InputFolder = _work.Combine("input"),
        ThemeFolder = _work.Combine("theme"),
        CacheFolder = output == "stored" ? _work.Combine("cache") : null,
        Cache = output == "served" ? _served : null,
        DisplayRoot = _work.Path,
    };
}
