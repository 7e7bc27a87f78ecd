using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Content;

/// <summary>
/// Which scheduled articles are due, with a fixed clock, in sites on either side of Greenwich and across
/// the changes to and from daylight saving time.
/// </summary>
public sealed class DueArticlesTests : IDisposable
{
    private readonly TemporaryFolder _input = new();

    public void Dispose() => _input.Dispose();

    [Theory]
    // Chicago leaves daylight saving time at 02:00 on 1 November 2026: 01:30 happens twice, and the
    // build reads it, as .NET does, as standard time (CST, 07:30 UTC), not the earlier 06:30 UTC.
    [InlineData("America/Chicago", "2026-11-01 01:30", "2026-11-01T07:29:59Z", false)]
    [InlineData("America/Chicago", "2026-11-01 01:30", "2026-11-01T07:30:00Z", true)]
    // On 8 March 2026 Chicago skips from 02:00 to 03:00: 02:30 never happens, and is read as standard
    // time too, 08:30 UTC (03:30 daylight time).
    [InlineData("America/Chicago", "2026-03-08 02:30", "2026-03-08T08:29:00Z", false)]
    [InlineData("America/Chicago", "2026-03-08 02:30", "2026-03-08T08:30:00Z", true)]
    // 8 March 2026, 03:00 daylight time, is 08:00 UTC; a bare date is midnight (CST, 06:00 UTC).
    [InlineData("America/Chicago", "2026-03-08 03:00", "2026-03-08T07:59:00Z", false)]
    [InlineData("America/Chicago", "2026-03-08 03:00", "2026-03-08T08:00:00Z", true)]
    [InlineData("America/Chicago", "2026-03-09", "2026-03-09T04:59:00Z", false)]
    [InlineData("America/Chicago", "2026-03-09", "2026-03-09T05:00:00Z", true)]
    // East of Greenwich, a bare date is due the evening before in UTC.
    [InlineData("Asia/Kolkata", "2026-06-10", "2026-06-09T18:29:00Z", false)]
    [InlineData("Asia/Kolkata", "2026-06-10", "2026-06-09T18:30:00Z", true)]
    // Berlin enters summer time at 02:00 on 29 March 2026 (01:00 UTC).
    [InlineData("Europe/Berlin", "2026-03-29 09:00", "2026-03-29T06:59:59Z", false)]
    [InlineData("Europe/Berlin", "2026-03-29 09:00", "2026-03-29T07:00:00Z", true)]
    // An offset written in the date wins over the site's zone.
    [InlineData("Europe/Berlin", "2026-03-29T09:00:00-05:00", "2026-03-29T14:00:00Z", true)]
    [InlineData("Europe/Berlin", "2026-03-29T09:00:00-05:00", "2026-03-29T13:59:00Z", false)]
    public void An_article_is_due_from_the_moment_its_date_names_in_the_sites_time_zone(string zone, string date, string now, bool due)
    {
        Site(zone);
        Article("scheduled", date);

        var found = Find(since: DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(due, found.Length == 1);
    }

    [Fact]
    public void Only_what_the_live_site_does_not_cover_is_due_oldest_first_and_never_a_draft()
    {
        Site("America/Chicago", "languages: {es: {title: \"El Despacho\"}}\n");
        Article("live", "2026-03-01 09:00");
        Article("later", "2026-03-02 10:00");
        Article("earlier", "2026-03-02 08:00");
        Article("draft", "2026-03-02 09:00", "draft: true\n");
        Article("spanish", "2026-03-02 09:30", "lang: es-MX\n");
        Article("tomorrow", "2026-03-03 09:00");

        var found = Find(since: DateTimeOffset.Parse("2026-03-01T09:00:00-06:00", System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse("2026-03-02T12:00:00-06:00", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(["earlier", "spanish", "later"], found.Select(d => Path.GetFileNameWithoutExtension(d.File)));
        Assert.Equal("Title of earlier", found[0].Title);
        Assert.Equal(TimeSpan.FromHours(-6), found[0].Date.Offset);
        Assert.Equal(5, Find(since: null, DateTimeOffset.Parse("2026-03-04T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)).Length);
    }

    [Fact]
    public void An_article_that_cannot_be_read_is_reported_at_its_line()
    {
        Site("UTC");
        File.WriteAllText(Path.Combine(_input.Path, "articles", "broken.md"), "---\ntitle: Broken\nauthor: A\nsection: News\ndate: July 5\n---\n");
        var diagnostics = new DiagnosticBag();

        DueArticles.Find(_input.Path, null, DateTimeOffset.UtcNow, diagnostics, p => Path.GetRelativePath(_input.Path, p));

        var error = Assert.Single(diagnostics.ToImmutableSorted(), d => d.IsError);
        Assert.Equal((DiagnosticCodes.InvalidDate, 5), (error.Code, error.Line));
        Assert.EndsWith("broken.md", error.File, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"version\": 1, \"articles\": 3, \"newest\": \"2026-03-01T15:00:00Z\"}", "2026-03-01T15:00:00Z")]
    [InlineData("{\"version\": 1, \"articles\": 3, \"newest\": \"2026-03-01T15:00:00.25Z\"}", "2026-03-01T15:00:00.25Z")]
    [InlineData("{\"version\": 1, \"articles\": 0, \"newest\": null}", null)]
    public void Reads_the_live_sites_record(string json, string? newest) =>
        Assert.Equal(newest is null ? null : DateTimeOffset.Parse(newest, System.Globalization.CultureInfo.InvariantCulture), DueArticles.LiveNewest(json));

    [Theory]
    [InlineData("<!DOCTYPE html><p>Not found</p>")]
    [InlineData("{\"articles\": 3}")]
    [InlineData("{\"version\": 2, \"newest\": null}")]
    [InlineData("{\"version\": 1, \"newest\": 17}")]
    [InlineData("[]")]
    public void Refuses_anything_else(string json) =>
        Assert.Throws<FormatException>(() => DueArticles.LiveNewest(json));

    [Fact]
    public void The_record_says_what_the_build_published_to_the_tick() =>
        Assert.Equal(
            DateTimeOffset.Parse("2026-03-01T15:00:00.1234567Z", System.Globalization.CultureInfo.InvariantCulture),
            DueArticles.LiveNewest(Broadside.Modules.RenderPublished.Json(4, DateTimeOffset.Parse("2026-03-01T09:00:00.1234567-06:00", System.Globalization.CultureInfo.InvariantCulture))));

    private System.Collections.Immutable.ImmutableArray<DueArticles.Due> Find(DateTimeOffset? since, DateTimeOffset now)
    {
        var diagnostics = new DiagnosticBag();
        var found = DueArticles.Find(_input.Path, since, now, diagnostics, p => Path.GetRelativePath(_input.Path, p));
        Assert.Empty(diagnostics.ToImmutableSorted().Where(d => d.IsError).Select(d => d.ToString()));
        return found;
    }

    private void Site(string zone, string more = "")
    {
        Directory.CreateDirectory(Path.Combine(_input.Path, "articles"));
        File.WriteAllText(Path.Combine(_input.Path, "site.yml"), $"title: Test\nbase_url: https://example.org/\ntime_zone: {zone}\n{more}");
    }

    private void Article(string name, string date, string more = "") =>
        File.WriteAllText(Path.Combine(_input.Path, "articles", name + ".md"), $"---\ntitle: \"Title of {name}\"\nauthor: Ana Ruiz\nsection: News\ndate: {date}\n{more}---\n\nText.\n");
}
