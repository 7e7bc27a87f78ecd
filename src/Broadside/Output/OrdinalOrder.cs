namespace Broadside.Output;

/// <summary>
/// Lists of files kept in ordinal order from one build to the next (the manifest's, the sitemap's): after
/// an edit, the few files added are merged in rather than every file sorted again.
/// </summary>
public static class OrdinalOrder
{
    /// <summary>
    /// The items of <paramref name="sorted"/> that <paramref name="keep"/> keeps, with <paramref name="added"/>
    /// merged in, each once, in ordinal order of what <paramref name="by"/> makes of them (of themselves
    /// when null). <paramref name="sorted"/> must be in that order already; <paramref name="added"/> need not be.
    /// </summary>
    /// <param name="sorted">A list in order.</param>
    /// <param name="added">Items to merge in, in any order; each listed once; one already in <paramref name="sorted"/> is kept.</param>
    /// <param name="keep">Which items of <paramref name="sorted"/> stay; all when null.</param>
    /// <param name="by">What items are ordered by; themselves when null.</param>
    public static string[] Merge(IReadOnlyList<string> sorted, IEnumerable<string> added, Func<string, bool>? keep = null, Func<string, string>? by = null)
    {
        by ??= static item => item;
        var adding = added.Distinct(StringComparer.Ordinal).ToArray();
        var keys = Array.ConvertAll(adding, item => by(item));
        Array.Sort(keys, adding, StringComparer.Ordinal);
        var merged = new List<string>(sorted.Count + adding.Length);
        var next = 0;
        foreach (var item in sorted)
        {
            var key = by(item);
            while (next < adding.Length && string.CompareOrdinal(keys[next], key) < 0)
            {
                merged.Add(adding[next++]);
            }

            // Added again, it stays whatever keep says.
            if (next < adding.Length && adding[next] == item)
            {
                merged.Add(adding[next++]);
            }
            else if (keep is null || keep(item))
            {
                merged.Add(item);
            }
        }

        merged.AddRange(adding.AsSpan(next));
        return [.. merged];
    }
}
