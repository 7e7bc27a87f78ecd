using Broadside.Build;
using Broadside.Cli;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Cli;

/// <summary>
/// <c>broadside due</c> as a scheduled job runs it: with the live site's <c>published.json</c>, answering
/// with an exit code a script tests (0: build, 1: nothing to do, 2: cannot tell).
/// </summary>
public sealed class DueCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public DueCommandTests()
    {
        Directory.CreateDirectory(Input("articles"));
        File.WriteAllText(Input("site.yml"), "title: Test\nbase_url: https://example.org/\ntime_zone: America/Chicago\n");
        Article("published", "2026-03-01 09:00");
        Article("scheduled", "2026-03-02 09:00");
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Answers_from_the_record_the_live_site_published()
    {
        // The live site, built on the morning of 1 March: the scheduled article is not in it.
        var build = Builder.Build(new BuildOptions { InputFolder = Input(), ThemeFolder = RepositoryPaths.Theme, OutputFolder = _folder.Combine("live"), Now = At("2026-03-01T12:00:00-06:00") });
        Assert.True(build.Succeeded, string.Join(Environment.NewLine, build.Diagnostics));
        var live = _folder.Combine("live", "published.json");

        var before = await Due("--live", live, "--now", "2026-03-02T08:59:00-06:00");
        Assert.Equal((1, string.Empty), (before.Exit, before.Error));
        Assert.Contains("No article dated after 2026-03-01 15:00:00 UTC is due", before.Output, StringComparison.Ordinal);

        var after = await Due("--live", live, "--now", "2026-03-02T15:00:00Z");
        Assert.Equal(0, after.Exit);
        Assert.Contains("scheduled.md: due 2026-03-02 09:00 -06:00: Title of scheduled", after.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("published.md", after.Output, StringComparison.Ordinal);

        // Once the site is built again, nothing is due.
        Builder.Build(new BuildOptions { InputFolder = Input(), ThemeFolder = RepositoryPaths.Theme, OutputFolder = _folder.Combine("live"), Now = At("2026-03-02T15:00:00Z") });
        Assert.Equal(1, (await Due("--live", live, "--now", "2026-03-02T15:00:00Z")).Exit);
    }

    [Fact]
    public async Task Asks_from_a_moment_given_instead()
    {
        Assert.Equal(0, (await Due("--since", "2026-03-01T15:00:00Z", "--now", "2026-03-02T15:00:00Z")).Exit);
        Assert.Equal(1, (await Due("--since", "2026-03-02T15:00:00Z", "--now", "2026-03-02T15:00:00Z")).Exit);
    }

    [Theory]
    [InlineData("not json", "is not a site's published.json")]
    [InlineData("{\"version\": 1}", "is not a site's published.json")]
    public async Task Cannot_tell_from_a_record_that_is_not_one(string text, string message)
    {
        File.WriteAllText(_folder.Combine("live.json"), text);

        var (exit, _, error) = await Due("--live", _folder.Combine("live.json"));

        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--since", "2026-03-01" }, "is not a date and time with its offset")]
    [InlineData(new[] { "--since", "2026-03-01T09:00:00" }, "is not a date and time with its offset")]
    [InlineData(new[] { "--since", "2026-03-01T09:00:00Z", "--now", "noon" }, "is not a date and time with its offset")]
    [InlineData(new string[0], "Say what the live site covers")]
    [InlineData(new[] { "--live", "missing.json" }, "Cannot read")]
    public async Task Cannot_tell_without_a_moment_to_ask_from(string[] args, string message)
    {
        var (exit, _, error) = await Due(args);

        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cannot_tell_while_an_article_cannot_be_read_and_says_where()
    {
        File.WriteAllText(Input("articles", "broken.md"), "---\ntitle: Broken\nauthor: A\nsection: News\ndate: July 5\n---\n");

        var (exit, _, error) = await Due("--since", "2026-03-01T15:00:00Z", "--now", "2026-03-02T15:00:00Z");

        Assert.Equal(2, exit);
        Assert.Contains("broken.md(5,", error, StringComparison.Ordinal);
        Assert.Contains("BS0107", error, StringComparison.Ordinal);
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private string Input(params string[] parts) => _folder.Combine(["input", .. parts]);

    private void Article(string name, string date) =>
        File.WriteAllText(Input("articles", name + ".md"), $"---\ntitle: \"Title of {name}\"\nauthor: Ana Ruiz\nsection: News\ndate: {date}\n---\n\nText.\n");

    private async Task<(int Exit, string Output, string Error)> Due(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CommandLine.RunAsync(["due", .. args, "--input", Input()], output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
