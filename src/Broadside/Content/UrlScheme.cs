namespace Broadside.Content;

/// <summary>
/// Where each kind of page lives, as paths below the site root ending in <c>/</c>. These paths are
/// permanent: an article's depends only on its own date and slug, a term's only on its name.
/// </summary>
public static class UrlScheme
{
    /// <summary>An article: <c>2026/03/bus-drivers-walk-out/</c>, from its date in the site's time zone.</summary>
    public static string Article(DateTimeOffset localDate, string slug) =>
        FormattableString.Invariant($"{localDate.Year:D4}/{localDate.Month:D2}/{slug}/");

    /// <summary>A section's archive: <c>sections/labor/</c>.</summary>
    public static string Section(string slug) => $"sections/{slug}/";

    /// <summary>A tag's archive: <c>tags/strikes/</c>.</summary>
    public static string Tag(string slug) => $"tags/{slug}/";

    /// <summary>An author's archive: <c>authors/ana-ruiz/</c>.</summary>
    public static string Author(string slug) => $"authors/{slug}/";

    /// <summary>A year's archive: <c>2026/</c>.</summary>
    public static string Year(string year) => $"{year}/";

    /// <summary>A demand's page: <c>demands/rent-control/</c>.</summary>
    public static string Demand(string slug) => $"demands/{slug}/";

    /// <summary>The page of the series <paramref name="slug"/>.</summary>
    public static string Series(string slug) => $"series/{slug}/";

    /// <summary>The orders of the demands index other than by topic, each at <c>demands/&lt;order&gt;/</c>: no demand may take these names.</summary>
    public static readonly IReadOnlySet<string> DemandOrders = new HashSet<string>(["most-raised", "recent", "momentum"], StringComparer.Ordinal);

    /// <summary>Page <paramref name="number"/> of a paginated list at <paramref name="path"/>: the list itself for page 1, else <c>page/N/</c> below it.</summary>
    public static string Paged(string path, int number) =>
        number <= 1 ? path : FormattableString.Invariant($"{path}page/{number}/");

    /// <summary>The output file of a page at <paramref name="path"/>.</summary>
    public static string File(string path) => path + "index.html";

    /// <summary>
    /// <paramref name="path"/> as a URI's path may carry it: each character a URI may not hold as it is
    /// (letters beyond ASCII, spaces, <c>%</c>) percent-encoded as UTF-8. Feeds, the sitemap and the
    /// addresses machines read are URIs; pages themselves may link by the readable path.
    /// </summary>
    public static string Escaped(string path)
    {
        var i = path.AsSpan().IndexOfAnyExcept(AllowedChars);
        if (i < 0)
        {
            return path;
        }

        var builder = new System.Text.StringBuilder(path.Length + 16).Append(path, 0, i);
        Span<byte> bytes = stackalloc byte[4];
        for (; i < path.Length; i++)
        {
            var c = path[i];
            if (AllowedChars.Contains(c))
            {
                builder.Append(c);
                continue;
            }

            var rune = char.IsHighSurrogate(c) && i + 1 < path.Length && char.IsLowSurrogate(path[i + 1])
                ? new System.Text.Rune(c, path[++i])
                : System.Text.Rune.IsValid(c) ? new System.Text.Rune(c) : System.Text.Rune.ReplacementChar;
            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                builder.Append('%').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 15]);
            }
        }

        return builder.ToString();
    }

    // The characters of RFC 3986 a path, query or fragment holds as they are: unreserved, sub-delims, ":@/?#".
    private static readonly System.Buffers.SearchValues<char> AllowedChars = System.Buffers.SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?#");
}
