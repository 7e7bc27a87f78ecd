using System.Buffers;
using System.Globalization;
using System.Text;
using Broadside.Diagnostics;

namespace Broadside.Markdown;

/// <summary>
/// Characters no page may carry, written as themselves or as numeric character references: the C0
/// controls other than tab, line feed and carriage return, DEL, the C1 controls, the noncharacters
/// (U+FDD0–U+FDEF and the last two code points of every plane), surrogates, and numbers past U+10FFFF.
/// A reference to a carriage return or to U+0000 is refused too, as HTML refuses it. Each is dropped,
/// except where dropping it would join two words: a run of them between two letters or digits
/// becomes one U+FFFD.
/// </summary>
internal static class ControlCharacters
{
    /// <summary>The character that stands where a removed run sat between two words.</summary>
    public const char Replacement = '\uFFFD';

    /// <summary>Everything that may start a forbidden character (surrogates are looked at in pairs), and the carriage return.</summary>
    internal static readonly SearchValues<char> Suspects = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\r\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"
        + string.Concat(Enumerable.Range(0x7F, 0x9F - 0x7F + 1).Select(c => (char)c))
        + string.Concat(Enumerable.Range(0xFDD0, 0xFDEF - 0xFDD0 + 1).Select(c => (char)c))
        + string.Concat(Enumerable.Range(0xD800, 0xDFFF - 0xD800 + 1).Select(c => (char)c))
        + "\uFFFE\uFFFF");

    /// <summary>Whether a page may not carry <paramref name="codePoint"/>, written as itself.</summary>
    public static bool IsForbidden(int codePoint) =>
        codePoint is (< 0x20 and not ('\t' or '\n' or '\r')) or (>= 0x7F and <= 0x9F) or (>= 0xFDD0 and <= 0xFDEF)
            or (>= 0xD800 and <= 0xDFFF) or > 0x10FFFF
        || (codePoint & 0xFFFE) == 0xFFFE;

    /// <summary>Whether a page may not carry a numeric character reference to <paramref name="codePoint"/>.</summary>
    public static bool IsForbiddenReference(int codePoint) => codePoint is 0 or '\r' || IsForbidden(codePoint);

    /// <summary>What <paramref name="codePoint"/> is, for messages: <c>U+001B (a control character)</c>.</summary>
    public static string Describe(int codePoint) =>
        codePoint > 0x10FFFF ? "a number past U+10FFFF" : $"U+{codePoint:X4} ({Kind(codePoint)})";

    /// <summary>What a reference stands for, for messages: <c>'&amp;#x1B;' (U+001B, a control character)</c>.</summary>
    public static string DescribeReference(string reference, int codePoint) =>
        codePoint > 0x10FFFF ? $"'{reference}' (a number past U+10FFFF)" : $"'{reference}' (U+{codePoint:X4}, {Kind(codePoint)})";

    /// <summary>Reports what was taken out, one warning for each line.</summary>
    public static void Report(IEnumerable<Found> found, string file, int lineOffset, DiagnosticBag diagnostics)
    {
        foreach (var line in found.GroupBy(f => f.Line))
        {
            var what = line.SelectMany(f => f.What).ToList();
            var replaced = line.Any(f => f.Replaced);
            var (it, was) = what.Count == 1 ? ("it", "it was") : ("them", "they were");
            var listed = what.Count <= 5 ? string.Join(", ", what) : $"{string.Join(", ", what.Take(5))} and {what.Count - 5} more";
            diagnostics.Warning(
                DiagnosticCodes.ControlCharacter,
                $"{listed} cannot be shown in a page: {was} left out{(replaced ? ", with U+FFFD put where one sat between two words" : string.Empty)}; delete {it} from the file",
                file,
                lineOffset + line.Key,
                line.Min(f => f.Column));
        }
    }

    /// <summary>
    /// <paramref name="text"/> without the forbidden characters written as themselves, every line
    /// ending made a line feed. Each run removed is added to <paramref name="found"/>.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="found">Where to add each run removed.</param>
    /// <param name="decoded">
    /// Whether the text is a value read with its character references (a link's address or title):
    /// then a carriage return is one of them, and what is removed leaves no U+FFFD.
    /// </param>
    public static string CleanText(string text, List<Found> found, bool decoded = false)
    {
        var first = text.AsSpan().IndexOfAny(Suspects);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        var (line, lineStart) = (1 + text.AsSpan(0, first).Count('\n'), text.AsSpan(0, first).LastIndexOf('\n') + 1);

        for (var i = first; i < text.Length;)
        {
            var c = text[i];
            if (c is '\r' or '\n' && !(decoded && c == '\r'))
            {
                builder.Append('\n');
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                (line, lineStart) = (line + 1, i);
                continue;
            }

            var (codePoint, width) = CodePointAt(text, i);
            if (!IsForbidden(codePoint) && codePoint != '\r')
            {
                builder.Append(text, i, width);
                i += width;
                continue;
            }

            var runStart = i;
            var codePoints = new List<int>();
            while (i < text.Length && text[i] != '\n' && (decoded || text[i] != '\r') && CodePointAt(text, i) is var (next, nextWidth) && (IsForbidden(next) || next == '\r'))
            {
                codePoints.Add(next);
                i += nextWidth;
            }

            var replaced = !decoded && JoinsWords(builder, text, i);
            if (replaced)
            {
                builder.Append(Replacement);
            }

            found.Add(new Found(line, runStart - lineStart + 1, [.. codePoints.Select(c => decoded ? "a reference to " + Describe(c) : Describe(c))], replaced));
        }

        return builder.ToString();
    }

    /// <summary>
    /// <paramref name="html"/> without numeric character references to forbidden characters, in
    /// HTML's reading of them: decimal or hexadecimal digits of any length, the semicolon optional.
    /// Each one removed is added to <paramref name="found"/> with its position in <paramref name="html"/>.
    /// </summary>
    public static string CleanReferences(string html, List<(int Offset, string Reference, int CodePoint, bool Replaced)> found)
    {
        var at = html.IndexOf("&#", StringComparison.Ordinal);
        if (at < 0)
        {
            return html;
        }

        StringBuilder? builder = null;
        var copied = 0;
        while (at >= 0)
        {
            var end = ReferenceEnd(html, at, out var codePoint);
            if (end > at && IsForbiddenReference(codePoint))
            {
                builder ??= new StringBuilder(html.Length);
                builder.Append(html, copied, at - copied);
                var replaced = JoinsWords(builder, html, end);
                if (replaced)
                {
                    builder.Append(Replacement);
                }

                found.Add((at, html[at..end], codePoint, replaced));
                copied = end;
            }

            at = html.IndexOf("&#", Math.Max(end, at + 2), StringComparison.Ordinal);
        }

        return builder is null ? html : builder.Append(html, copied, html.Length - copied).ToString();
    }

    /// <summary>The code point a Markdown numeric character reference (<c>&amp;#27;</c>, <c>&amp;#x1B;</c>) names, or null.</summary>
    public static int? ReferencedCodePoint(ReadOnlySpan<char> reference)
    {
        if (reference.Length < 4 || reference[0] != '&' || reference[1] != '#' || reference[^1] != ';')
        {
            return null;
        }

        var digits = reference[2..^1];
        var hex = digits.Length > 0 && digits[0] is 'x' or 'X';
        return int.TryParse(hex ? digits[1..] : digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    /// <summary>A run of forbidden characters removed from a line.</summary>
    /// <param name="Line">The line, from 1.</param>
    /// <param name="Column">The column of its first character, from 1.</param>
    /// <param name="What">What each character was (<see cref="Describe"/>).</param>
    /// <param name="Replaced">Whether U+FFFD took its place.</param>
    public sealed record Found(int Line, int Column, IReadOnlyList<string> What, bool Replaced);

    // The index just past the numeric character reference at 'at' and the code point it names
    // (0x110000 for any number past the last one), or 'at' when there is none: "&#" with no digits.
    private static int ReferenceEnd(string html, int at, out int codePoint)
    {
        var i = at + 2;
        var hex = i < html.Length && html[i] is 'x' or 'X';
        i += hex ? 1 : 0;
        var (start, value) = (i, 0L);
        for (; i < html.Length && (hex ? char.IsAsciiHexDigit(html[i]) : char.IsAsciiDigit(html[i])); i++)
        {
            var digit = char.IsAsciiDigit(html[i]) ? html[i] - '0' : (html[i] | 0x20) - 'a' + 10;
            value = Math.Min(value * (hex ? 16 : 10) + digit, 0x110000);
        }

        codePoint = (int)value;
        if (i == start)
        {
            return at;
        }

        return i < html.Length && html[i] == ';' ? i + 1 : i;
    }

    private static string Kind(int codePoint) => codePoint switch
    {
        >= 0xD800 and <= 0xDFFF => "half of a surrogate pair",
        >= 0xFDD0 and <= 0xFDEF => "a noncharacter",
        _ when (codePoint & 0xFFFE) == 0xFFFE => "a noncharacter",
        '\r' => "a carriage return",
        _ => "a control character",
    };

    private static (int CodePoint, int Width) CodePointAt(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
            ? (char.ConvertToUtf32(text[i], text[i + 1]), 2)
            : (text[i], 1);

    // Whether what was written before a removed run and what follows it are both letters or digits.
    private static bool JoinsWords(StringBuilder before, string text, int after) =>
        before.Length > 0 && char.IsLetterOrDigit(before[^1]) && after < text.Length && char.IsLetterOrDigit(text[after]);
}
