using System.Globalization;
using Broadside.Content;

namespace Broadside.Tests.Content;

public sealed class DateParserTests
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    [Theory]
    [InlineData("2026-03-14", "2026-03-14T00:00:00.0000000-05:00")]
    [InlineData("2026-01-14", "2026-01-14T00:00:00.0000000-06:00")]
    [InlineData("2026-11-02", "2026-11-02T00:00:00.0000000-06:00")]
    [InlineData("  2026-07-01  ", "2026-07-01T00:00:00.0000000-05:00")]
    public void A_bare_date_is_midnight_in_the_given_zone(string text, string expected)
    {
        Assert.True(DateParser.TryParse(text, Chicago, out var value));

        Assert.Equal(expected, Iso(value));
    }

    [Theory]
    [InlineData("2026-03-14T18:30", "2026-03-14T18:30:00.0000000-05:00")]
    [InlineData("2026-03-14T18:30:15", "2026-03-14T18:30:15.0000000-05:00")]
    [InlineData("2026-03-14 18:30", "2026-03-14T18:30:00.0000000-05:00")]
    [InlineData("2026-01-14T07:05:09.5", "2026-01-14T07:05:09.5000000-06:00")]
    public void A_time_without_an_offset_is_in_the_given_zone(string text, string expected)
    {
        Assert.True(DateParser.TryParse(text, Chicago, out var value));

        Assert.Equal(expected, Iso(value));
    }

    [Theory]
    [InlineData("2026-01-14 07:05:09.5", "2026-01-14T07:05:09.5000000-06:00")]
    public void A_space_separated_time_with_a_fraction_is_in_the_given_zone(string text, string expected)
    {
        Assert.True(DateParser.TryParse(text, Chicago, out var value));

        Assert.Equal(expected, Iso(value));
    }

    [Theory]
    [InlineData("2026-03-14T18:30:00+02:00", "2026-03-14T18:30:00.0000000+02:00")]
    [InlineData("2026-03-14T18:30:00-03:30", "2026-03-14T18:30:00.0000000-03:30")]
    [InlineData("2026-01-14T18:30:00-05:00", "2026-01-14T18:30:00.0000000-05:00")]
    [InlineData("2026-03-14 18:30+05:30", "2026-03-14T18:30:00.0000000+05:30")]
    [InlineData("2026-03-14T18:30:00.125+01:00", "2026-03-14T18:30:00.1250000+01:00")]
    public void An_offset_is_kept_as_written(string text, string expected)
    {
        Assert.True(DateParser.TryParse(text, Chicago, out var value));

        Assert.Equal(expected, Iso(value));
    }

    [Theory]
    [InlineData("2026-03-14T18:30:00Z", "2026-03-14T18:30:00.0000000+00:00")]
    [InlineData("2026-03-14T18:30Z", "2026-03-14T18:30:00.0000000+00:00")]
    [InlineData("2026-03-14T18:30:00.250Z", "2026-03-14T18:30:00.2500000+00:00")]
    public void Z_is_UTC(string text, string expected)
    {
        Assert.True(DateParser.TryParse(text, Chicago, out var value));

        Assert.Equal(expected, Iso(value));
    }

    [Theory]
    [InlineData("2026-03-14T18:30:00z", "2026-03-14T18:30:00.0000000+00:00")]
    [InlineData("2026-03-14t18:30:00Z", "2026-03-14T18:30:00.0000000+00:00")]
    public void Lower_case_t_and_z_are_read_like_upper_case(string text, string expected)
    {
        Assert.True(DateParser.TryParse(text, Chicago, out var value));

        Assert.Equal(expected, Iso(value));
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2025-02-29")]
    [InlineData("2026-13-01")]
    [InlineData("2026-03-14T25:00:00Z")]
    [InlineData("2026-03-14T18:30:00+25:00")]
    [InlineData("14/03/2026")]
    [InlineData("March 14, 2026")]
    [InlineData("2026")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void Refuses_what_is_not_a_date(string text)
    {
        Assert.False(DateParser.TryParse(text, Chicago, out var value));
        Assert.Equal(default, value);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("0001-01-01T00:00:00+14:00")]
    [InlineData("9999-12-31T23:30:00-12:00")]
    [InlineData("9999-12-31")]
    [InlineData("0000-01-01")]
    [InlineData("10000-01-01")]
    [InlineData("02026-01-01")]
    [InlineData("1799-12-31T23:59:59Z")]
    [InlineData("2200-01-01")]
    [InlineData("2206-03-14T18:30:00-05:00")]
    public void Tells_a_date_out_of_range_from_no_date(string text)
    {
        Assert.Equal(DateReading.OutOfRange, DateParser.Read(text, Chicago, out var value));
        Assert.Equal(default, value);
        Assert.False(DateParser.TryParse(text, Chicago, out _));
    }

    [Theory]
    [InlineData("2026-03-14T18:30:00+14:30")]
    [InlineData("2026-03-14T18:30:00+15:00")]
    [InlineData("2026-03-14T18:30:00-18:00")]
    [InlineData("2026-03-14 18:30-1900")]
    [InlineData("2026-03-14T18:30:00+25:00")]
    public void Tells_an_offset_out_of_range_from_no_date(string text) =>
        Assert.Equal(DateReading.OffsetOutOfRange, DateParser.Read(text, Chicago, out _));

    [Theory]
    [InlineData("0000-13-01")]
    [InlineData("10000-02-32")]
    [InlineData("2026-03-14T18:30:00+14:60")]
    [InlineData("-2026-01-01")]
    public void What_no_calendar_has_is_no_date_in_any_year(string text) =>
        Assert.Equal(DateReading.NotADate, DateParser.Read(text, Chicago, out _));

    [Theory]
    [InlineData("1800-01-01", "Pacific/Kiritimati")]
    [InlineData("1800-01-01T00:00:00+14:00", "Etc/GMT+12")]
    [InlineData("2199-12-31", "Etc/GMT+12")]
    [InlineData("2199-12-31T23:59:59.9999999-14:00", "Pacific/Kiritimati")]
    [InlineData("2199-12-31T23:59:59+14:00", "UTC")]
    public void A_date_at_either_end_of_the_range_is_a_date_in_every_zone(string text, string zone)
    {
        var timeZone = TimeZoneInfo.FindSystemTimeZoneById(zone);

        Assert.Equal(DateReading.Date, DateParser.Read(text, timeZone, out var value));

        foreach (var other in new[] { "Pacific/Kiritimati", "Etc/GMT+12", "Etc/GMT-14", "UTC" })
        {
            var local = TimeZoneInfo.ConvertTime(value, TimeZoneInfo.FindSystemTimeZoneById(other));
            Assert.InRange(local.Year, DateParser.MinYear - 1, DateParser.MaxYear + 1);
            Assert.NotEmpty(local.ToString("r", CultureInfo.InvariantCulture) + local.ToString("O", CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void A_leap_day_is_a_date()
    {
        Assert.True(DateParser.TryParse("2028-02-29", Chicago, out var value));

        Assert.Equal("2028-02-29T00:00:00.0000000-06:00", Iso(value));
    }

    private static string Iso(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);
}
