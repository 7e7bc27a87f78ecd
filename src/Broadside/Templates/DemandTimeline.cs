using System.Collections.Immutable;
using System.Globalization;
using Broadside.Taxonomy;
using Broadside.Templates.Views;

namespace Broadside.Templates;

/// <summary>
/// Counts the articles that raised a demand by month, from the month it was first raised to the month
/// it was last raised or won, or by year when that is more than <see cref="MaxMonths"/> months; and lays
/// the counts out as bars of a chart <see cref="Width"/> by <see cref="Height"/>, the tallest full height.
/// </summary>
public static class DemandTimeline
{
    /// <summary>The most months shown month by month.</summary>
    public const int MaxMonths = 24;

    /// <summary>The chart's width, in the units of its bars.</summary>
    public const int Width = 600;

    /// <summary>The chart's height.</summary>
    public const int Height = 64;

    /// <summary>The timeline of <paramref name="demand"/>, in the time zone and language of the site.</summary>
    public static TimelineView Of(Demand demand, TimeZoneInfo zone, CultureInfo culture)
    {
        DateOnly Day(DateTimeOffset date) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(date, zone).DateTime);
        var days = demand.Entries.Select(e => Day(e.Article.FrontMatter.Date)).ToList();
        var first = days.Min();
        var last = days.Max();
        if (demand.Won is { } won && won > last)
        {
            last = won;
        }

        var months = ((last.Year - first.Year) * 12) + last.Month - first.Month + 1;
        var byMonth = months <= MaxMonths;
        var count = byMonth ? months : last.Year - first.Year + 1;
        int Slot(DateOnly day) => byMonth ? ((day.Year - first.Year) * 12) + day.Month - first.Month : day.Year - first.Year;
        string Label(int slot, string monthFormat) => byMonth
            ? new DateTime(first.Year, first.Month, 1).AddMonths(slot).ToString(monthFormat, culture)
            : (first.Year + slot).ToString(CultureInfo.InvariantCulture);

        var counts = new int[count];
        foreach (var day in days)
        {
            counts[Slot(day)]++;
        }

        var max = counts.Max();
        var slot = (double)Width / count;
        var barWidth = Math.Max(1, (int)Math.Round(slot * (count > 40 ? 1.0 : 0.8)));
        var bars = ImmutableArray.CreateBuilder<TimelineBar>(count);
        for (var i = 0; i < count; i++)
        {
            var height = counts[i] == 0 ? 0 : Math.Max(3, (int)Math.Round((double)counts[i] / max * (Height - 2)));
            var x = (int)Math.Round((i * slot) + ((slot - barWidth) / 2));
            bars.Add(new TimelineBar(Label(i, "MMMM yyyy"), counts[i], x, Height - height, barWidth, height));
        }

        var peak = Array.LastIndexOf(counts, max);
        return new TimelineView
        {
            Unit = byMonth ? "month" : "year",
            Bars = bars.MoveToImmutable(),
            Width = Width,
            Height = Height,
            Max = max,
            From = Label(0, "MMM yyyy"),
            To = Label(count - 1, "MMM yyyy"),
            Peak = Label(peak, "MMMM yyyy"),
            PeakCount = max,
            WonX = demand.Won is { } wonDay && wonDay >= first ? (int)Math.Round((Slot(wonDay) + 0.5) * slot) : -1,
        };
    }
}
