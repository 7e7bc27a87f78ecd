using System.Globalization;
using System.Text.RegularExpressions;

namespace Broadside.Content;

/// <summary>
/// Parses front matter dates: <c>YYYY-MM-DD</c>, or ISO 8601 date-times with or without an offset, from
/// <see cref="MinYear"/> to <see cref="MaxYear"/>. The range keeps every date a date wherever it is taken
/// (any time zone, any feed's format), and a typo such as 2206 for 2026 from passing for a scheduled article;
/// it also keeps the years in every page's footer to a few hundred.
/// </summary>
public static partial class DateParser
{
    /// <summary>The earliest year a date may have.</summary>
    public const int MinYear = 1800;

    /// <summary>The latest year a date may have.</summary>
    public const int MaxYear = 2199;

    /// <summary>The dates accepted, for messages.</summary>
    public static readonly string Range = $"dates run from {MinYear}-01-01 to {MaxYear}-12-31";

    private static readonly string[] WithOffset =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mmK",
    ];

    private static readonly string[] Local =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm",
    ];

    /// <summary>
    /// Parses <paramref name="text"/>. A date or date-time without an offset is a time in
    /// <paramref name="zone"/>; a bare date is midnight there.
    /// </summary>
    public static bool TryParse(string text, TimeZoneInfo zone, out DateTimeOffset value) =>
        Read(text, zone, out value) == DateReading.Date;

    /// <summary>
    /// Reads <paramref name="text"/> as <see cref="TryParse"/> does, and tells a date out of range, or with an
    /// offset out of range, from text that is no date at all.
    /// </summary>
    public static DateReading Read(string text, TimeZoneInfo zone, out DateTimeOffset value)
    {
        // RFC 3339 allows lower-case 't' and 'z'; nothing else in a date is a letter.
        text = text.Trim().ToUpperInvariant();
        value = default;
        var shape = Shape().Match(text);
        if (shape.Success && !InRange(shape.Groups["year"].Value))
        {
            return IsDay(shape) ? DateReading.OutOfRange : DateReading.NotADate;
        }

        if (Parse(text, zone, out var parsed))
        {
            if (parsed.Year is < MinYear or > MaxYear)
            {
                return DateReading.OutOfRange;
            }

            value = parsed;
            return DateReading.Date;
        }

        return shape.Success && IsDay(shape) && shape.Groups["offset"].Success && OffsetOutOfRange(shape.Groups["offset"].Value)
            ? DateReading.OffsetOutOfRange
            : DateReading.NotADate;
    }

    private static bool Parse(string text, TimeZoneInfo zone, out DateTimeOffset value)
    {
        var culture = CultureInfo.InvariantCulture;
        if (text.Length > 10 && (text.EndsWith('Z') || HasOffset(text))
            && DateTimeOffset.TryParseExact(text, WithOffset, culture, DateTimeStyles.None, out value))
        {
            return true;
        }

        if (DateTime.TryParseExact(text, Local, culture, DateTimeStyles.None, out var local))
        {
            var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            value = new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
            return true;
        }

        value = default;
        return false;
    }

    private static bool InRange(string year) =>
        year.Length == 4 && int.Parse(year, CultureInfo.InvariantCulture) is >= MinYear and <= MaxYear;

    // A month and day that some year has: a date out of range, rather than no date at all.
    private static bool IsDay(Match shape) =>
        int.Parse(shape.Groups["month"].Value, CultureInfo.InvariantCulture) is >= 1 and <= 12
        && int.Parse(shape.Groups["day"].Value, CultureInfo.InvariantCulture) is >= 1 and <= 31;

    private static bool OffsetOutOfRange(string offset)
    {
        var digits = offset.Replace(":", string.Empty, StringComparison.Ordinal);
        if (digits == "Z")
        {
            return false;
        }

        var hours = int.Parse(digits.AsSpan(1, 2), CultureInfo.InvariantCulture);
        var minutes = int.Parse(digits.AsSpan(3, 2), CultureInfo.InvariantCulture);
        return minutes < 60 && (hours * 60) + minutes > 14 * 60;
    }

    private static bool HasOffset(string text)
    {
        // An offset is "+hh:mm" or "-hh:mm" after the time part; the date's own dashes come earlier.
        var time = text.IndexOfAny(['T', ' ']);
        return time > 0 && text.AsSpan(time).IndexOfAny('+', '-') > 0;
    }

    // The shape of every format accepted, with a year of any length: what an editor meant as a date.
    [GeneratedRegex(@"^(?<year>[0-9]+)-(?<month>[0-9]{2})-(?<day>[0-9]{2})(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?<offset>Z|[+-][0-9]{2}:?[0-9]{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
