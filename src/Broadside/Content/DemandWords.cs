namespace Broadside.Content;

/// <summary>
/// The words of a demand's normalised wording (<see cref="DemandText.Normalize"/>), and how closely two
/// demands' words relate: one contains the other's words in order, or they share most of their words
/// that carry meaning. Two demands that merely share a word or two ("housing", "ICE") are not related.
/// </summary>
public sealed class DemandWords
{
    // Words that carry no demand of their own, in the languages publications write most.
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from", "into", "all", "every",
        "our", "we", "us", "it", "its", "is", "are", "be", "now", "must", "need", "needs", "this", "that", "their", "them",
        "el", "la", "los", "las", "de", "del", "y", "o", "para", "por", "en", "con", "un", "una", "que", "ya", "todos", "todas",
        "le", "les", "des", "du", "et", "pour", "dans", "au", "aux",
    };

    private DemandWords(string[] all, HashSet<string> meaning)
    {
        All = all;
        Meaning = meaning;
    }

    /// <summary>Every word, in order.</summary>
    public string[] All { get; }

    /// <summary>The words that carry meaning, stemmed (<c>cities</c> is <c>city</c>).</summary>
    public HashSet<string> Meaning { get; }

    /// <summary>The words of a normalised wording.</summary>
    public static DemandWords Of(string normalized)
    {
        var all = new List<string>();
        var word = new System.Text.StringBuilder();
        foreach (var c in normalized.Append(' '))
        {
            if (char.IsLetterOrDigit(c) || c is '$' or '%')
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                all.Add(word.ToString());
                word.Clear();
            }
        }

        return new DemandWords([.. all], [.. all.Where(w => !Filler.Contains(w) && (w.Length > 1 || char.IsDigit(w[0]))).Select(Stem)]);
    }

    /// <summary>
    /// How closely <paramref name="demand"/> relates to <paramref name="other"/>: 2 when it contains the
    /// other's words in order (two or more of them meaningful), 1 when they share at least three meaningful
    /// words, three quarters of the shorter one's and half of the longer one's, 0 otherwise.
    /// </summary>
    public static int Relation(DemandWords demand, DemandWords other)
    {
        if (other.Meaning.Count >= 2 && other.All.Length < demand.All.Length && Contains(demand.All, other.All))
        {
            return 2;
        }

        var shared = demand.Meaning.Count(other.Meaning.Contains);
        var (fewer, more) = (Math.Min(demand.Meaning.Count, other.Meaning.Count), Math.Max(demand.Meaning.Count, other.Meaning.Count));
        return shared >= 3 && shared * 4 >= fewer * 3 && shared * 2 >= more ? 1 : 0;
    }

    private static bool Contains(string[] words, string[] part)
    {
        for (var i = 0; i + part.Length <= words.Length; i++)
        {
            if (words.AsSpan(i, part.Length).SequenceEqual(part))
            {
                return true;
            }
        }

        return false;
    }

    // English plurals, roughly: enough that "cities" and "city", "moratoriums" and "moratorium" meet.
    private static string Stem(string word) =>
        word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
        : word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1]
        : word;
}
