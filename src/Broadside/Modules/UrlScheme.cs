namespace Broadside.Modules;

/// <summary>
/// Where each kind of page lives, as paths below the site root ending in <c>/</c>. These paths are
/// permanent: an article's depends only on its own date and slug.
/// </summary>
public static class UrlScheme
{
    /// <summary>An article: <c>2026/03/bus-drivers-walk-out/</c>, from its date in the site's time zone.</summary>
    public static string Article(DateTimeOffset localDate, string slug) =>
        FormattableString.Invariant($"{localDate.Year:D4}/{localDate.Month:D2}/{slug}/");
}
