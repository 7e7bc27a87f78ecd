using System.Globalization;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Taxonomy;
using Broadside.Templates;
using static Broadside.Tests.TestSupport.TestArticles;

namespace Broadside.Tests.Templates;

public sealed class DemandTimelineTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private static Demand Raised(params string[] dates) =>
        DemandIndex.Build(NewestFirst([.. dates.Select((d, i) => Make($"a{i}", d, demands: ["Rent control now!"]))]), [], new DiagnosticBag()).Demands.Single();

    [Fact]
    public void Within_two_years_it_counts_month_by_month_with_empty_months_as_no_bar()
    {
        var timeline = DemandTimeline.Of(Raised("2025-04-10", "2025-12-12", "2026-05-01", "2026-05-12", "2026-07-04"), TimeZoneInfo.Utc, English);

        Assert.Equal("month", timeline.Unit);
        Assert.Equal(16, timeline.Bars.Length);
        Assert.Equal([1, 1, 2, 1], timeline.Bars.Where(b => b.Count > 0).Select(b => b.Count));
        Assert.Equal(("April 2025", "May 2026", "July 2026"), (timeline.Bars[0].Label, timeline.Bars[13].Label, timeline.Bars[15].Label));
        Assert.Equal(("Apr 2025", "Jul 2026", "May 2026", 2, 2), (timeline.From, timeline.To, timeline.Peak, timeline.PeakCount, timeline.Max));
        Assert.All(timeline.Bars.Where(b => b.Count == 0), b => Assert.Equal(0, b.Height));
        Assert.Equal(DemandTimeline.Height, timeline.Bars[13].Height + timeline.Bars[13].Y);
        Assert.Equal(DemandTimeline.Height - 2, timeline.Bars[13].Height);
        Assert.True(timeline.Bars[0].Height < timeline.Bars[13].Height);
        Assert.Equal(-1, timeline.WonX);
        Assert.All(timeline.Bars, b => Assert.InRange(b.X + b.Width, 1, DemandTimeline.Width));
    }

    [Fact]
    public void Over_more_than_two_years_it_counts_year_by_year()
    {
        var timeline = DemandTimeline.Of(Raised("2019-03-01", "2019-09-01", "2024-01-01", "2026-11-20"), TimeZoneInfo.Utc, English);

        Assert.Equal("year", timeline.Unit);
        Assert.Equal(["2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026"], timeline.Bars.Select(b => b.Label));
        Assert.Equal([2, 0, 0, 0, 0, 1, 0, 1], timeline.Bars.Select(b => b.Count));
        Assert.Equal(("2019", 2), (timeline.Peak, timeline.PeakCount));
    }

    [Fact]
    public void The_day_a_demand_was_won_extends_the_chart_and_is_marked_on_it()
    {
        var demand = Raised("2026-01-05", "2026-02-05") with { Won = new DateOnly(2026, 4, 20) };

        var timeline = DemandTimeline.Of(demand, TimeZoneInfo.Utc, English);

        Assert.Equal(4, timeline.Bars.Length);
        Assert.Equal("Apr 2026", timeline.To);
        Assert.InRange(timeline.WonX, timeline.Bars[3].X, timeline.Bars[3].X + timeline.Bars[3].Width);
    }

    [Fact]
    public void A_date_is_counted_in_the_month_of_the_site_s_time_zone()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

        var timeline = DemandTimeline.Of(Raised("2026-03-01T03:00:00Z", "2026-04-15T12:00:00Z"), zone, English);

        Assert.Equal(["February 2026", "March 2026", "April 2026"], timeline.Bars.Select(b => b.Label));
        Assert.Equal([1, 0, 1], timeline.Bars.Select(b => b.Count));
    }
}
