using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Broadside.Content;

/// <summary>
/// Turns names into URL segments. A slug is lower case; letters and digits of every script are kept
/// (<c>Grève générale</c> gives <c>grève-générale</c>, <c>Забастовка</c> gives <c>забастовка</c>);
/// apostrophes vanish (<c>women's</c> gives <c>womens</c>); <c>#</c> and <c>+</c> after a letter or
/// digit become words (<c>C#</c> gives <c>c-sharp</c>, <c>C++</c> gives <c>c-plus-plus</c>); every other
/// run of characters (spaces, punctuation, slashes, emoji) becomes one hyphen, never at either end.
/// <para>
/// A slug is at most <see cref="MaxBytes"/> bytes of UTF-8 (100 Latin letters, 50 Cyrillic, Greek or
/// Arabic ones, 33 Chinese characters), so that a URL stays readable and every file system can hold it.
/// A longer one is cut at the last hyphen that leaves at least half of it (otherwise between two
/// characters, never inside one or between a letter and its accents), and ends in a hyphen and eight
/// hexadecimal digits made from the whole slug: two long names that share their first words get
/// different slugs, and a slug never depends on what other names exist.
/// </para>
/// This mapping is part of every published URL: it must never change.
/// </summary>
public static class Slug
{
    /// <summary>The longest slug, in bytes of UTF-8.</summary>
    public const int MaxBytes = 100;

    // A hyphen and eight hexadecimal digits of the whole slug's SHA-256.
    private const int SuffixBytes = 9;

    /// <summary>The slug of <paramref name="text"/>; empty when nothing in it can stand in a URL.</summary>
    public static string From(string text) => Capped(Uncapped(text));

    /// <summary>The slug of a file name: its name less the extension and any leading <c>YYYY-MM-DD-</c>.</summary>
    public static string FromFileName(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        if (name.Length >= 10 && DateOnly.TryParseExact(name[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            name = name[10..].TrimStart('-', '_', ' ');
        }

        return From(name);
    }

    /// <summary>The slug of <paramref name="text"/> before it is capped at <see cref="MaxBytes"/>.</summary>
    internal static string Uncapped(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalized.Length);
        var pendingHyphen = false;
        var previousWasWord = false;

        void Word(string word)
        {
            if (builder.Length > 0)
            {
                builder.Append('-');
            }

            builder.Append(word);
            pendingHyphen = false;
        }

        foreach (var rune in normalized.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsLetterOrDigit(rune) || (previousWasWord && category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingHyphen = false;
                builder.Append(Rune.ToLowerInvariant(rune).ToString());
                previousWasWord = true;
            }
            else if (rune.Value is '\'' or '\u2019' or '\u02BC')
            {
                // An apostrophe joins the letters around it.
            }
            else if (rune.Value == '#' && previousWasWord)
            {
                Word("sharp");
            }
            else if (rune.Value == '+' && (previousWasWord || EndsWithWord(builder, "plus")))
            {
                Word("plus");
            }
            else
            {
                pendingHyphen = true;
                previousWasWord = false;
            }
        }

        return builder.ToString();
    }

    /// <summary><paramref name="slug"/> if it fits in <see cref="MaxBytes"/>, else its first words and the suffix of the whole.</summary>
    private static string Capped(string slug)
    {
        if (slug.Length * 3 <= MaxBytes || Encoding.UTF8.GetByteCount(slug) <= MaxBytes)
        {
            return slug;
        }

        const int budget = MaxBytes - SuffixBytes;
        var end = Cut(slug, budget, graphemes: true);
        if (end == 0)
        {
            // One letter with more accents than fit: cut between code points.
            end = Cut(slug, budget, graphemes: false);
        }

        if (slug[end] != '-' && slug.LastIndexOf('-', end - 1) is var hyphen && hyphen >= end / 2)
        {
            end = hyphen;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(slug));
        return string.Concat(slug.AsSpan(0, end).TrimEnd('-'), "-", Convert.ToHexStringLower(hash, 0, (SuffixBytes - 1) / 2));
    }

    /// <summary>The length in chars of the longest start of <paramref name="slug"/> that fits in <paramref name="budget"/> bytes, cut between graphemes or code points.</summary>
    private static int Cut(string slug, int budget, bool graphemes)
    {
        var (end, bytes) = (0, 0);
        while (end < slug.Length)
        {
            var length = graphemes ? StringInfo.GetNextTextElementLength(slug, end) : char.IsSurrogatePair(slug, end) ? 2 : 1;
            bytes += Encoding.UTF8.GetByteCount(slug.AsSpan(end, length));
            if (bytes > budget)
            {
                break;
            }

            end += length;
        }

        return end;
    }

    private static bool EndsWithWord(StringBuilder builder, string word) =>
        builder.Length >= word.Length && builder.ToString(builder.Length - word.Length, word.Length) == word;
}
