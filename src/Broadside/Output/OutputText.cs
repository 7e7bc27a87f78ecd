using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Broadside.Output;

/// <summary>
/// What text in a published file may hold: no control character but tab, line feed and carriage return
/// (the rest of C0, DEL, C1), no noncharacter (U+FDD0–U+FDEF, and U+FFFE and U+FFFF of every plane) and no
/// lone surrogate. HTML forbids them, even written as character references; XML 1.0 forbids most; JSON
/// passes them on to the pages that show it. Values editors write are cleaned where they are read, with a
/// warning; the writers of HTML, XML and JSON drop whatever is left, as a last defence.
/// </summary>
public static class OutputText
{
    /// <summary>True when <paramref name="scalar"/> (a code point, or a lone surrogate's value) may not be published.</summary>
    public static bool IsForbidden(int scalar) => scalar switch
    {
        < 0x20 => scalar is not ('\t' or '\n' or '\r'),
        >= 0x7F and <= 0x9F => true,
        >= 0xD800 and <= 0xDFFF => true,
        >= 0xFDD0 and <= 0xFDEF => true,
        _ => (scalar & 0xFFFE) == 0xFFFE,
    };

    /// <summary>Where the first forbidden character of <paramref name="text"/> starts, or -1.</summary>
    public static int IndexOfForbidden(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (true)
        {
            var found = text[i..].IndexOfAny(Suspect);
            if (found < 0)
            {
                return -1;
            }

            i += found;
            var length = ForbiddenLength(text, i);
            if (length > 0)
            {
                return i;
            }

            i += char.IsHighSurrogate(text[i]) ? 2 : 1;
        }
    }

    /// <summary><paramref name="text"/> without its forbidden characters; the same string when it has none.</summary>
    public static string Drop(string text) => Clean(text, space: false);

    /// <summary>
    /// <paramref name="text"/> with each run of forbidden characters taken out, and a space in its place
    /// where it stood between two other characters neither of which is white space, so that words it kept
    /// apart stay apart. The same string when it has none.
    /// </summary>
    public static string Replace(string text) => Clean(text, space: true);

    /// <summary>
    /// For an encoder that wraps <paramref name="encoder"/>: the first character that either it escapes
    /// or that may not be published, or -1.
    /// </summary>
    internal static unsafe int FindFirstToEncode(TextEncoder encoder, char* text, int textLength)
    {
        var escaped = encoder.FindFirstCharacterToEncode(text, textLength);
        var forbidden = IndexOfForbidden(new ReadOnlySpan<char>(text, textLength));
        return forbidden < 0 || (escaped >= 0 && escaped < forbidden) ? escaped : forbidden;
    }

    /// <summary>For an encoder that wraps <paramref name="encoder"/>: nothing for a character that may not be published, else what it writes.</summary>
    internal static unsafe bool TryEncode(TextEncoder encoder, int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        if (IsForbidden(unicodeScalar))
        {
            numberOfCharactersWritten = 0;
            return true;
        }

        return encoder.TryEncodeUnicodeScalar(unicodeScalar, buffer, bufferLength, out numberOfCharactersWritten);
    }

    /// <summary>
    /// <paramref name="html"/> (UTF-8) without its forbidden characters, invalid byte sequences and
    /// numeric character references to forbidden characters (<c>&amp;#x1B;</c>, <c>&amp;#0;</c>); null when it has none.
    /// </summary>
    public static byte[]? CleanHtml(ReadOnlySpan<byte> html)
    {
        var valid = Utf8.IsValid(html);
        var (first, length) = NextForbidden(html, 0, valid);
        if (first < 0)
        {
            return null;
        }

        var kept = new ArrayBufferWriter<byte>(html.Length);
        var from = 0;
        while (first >= 0)
        {
            kept.Write(html[from..first]);
            from = first + length;
            (first, length) = NextForbidden(html, from, valid);
        }

        kept.Write(html[from..]);
        return kept.WrittenSpan.ToArray();
    }

    // The next forbidden character, invalid byte sequence or reference to a forbidden character at or
    // after 'from': where it starts and how many bytes it takes; (-1, 0) when there is none. Valid UTF-8
    // is searched for suspect bytes only; anything else is decoded character by character.
    private static (int Start, int Length) NextForbidden(ReadOnlySpan<byte> html, int from, bool valid)
    {
        var i = from;
        while (i < html.Length)
        {
            var found = valid ? html[i..].IndexOfAny(SuspectUtf8) : 0;
            if (found < 0)
            {
                return (-1, 0);
            }

            i += found;
            if (html[i] == (byte)'&')
            {
                var reference = ReferenceLength(html[i..], out var value);
                if (reference > 0 && (value is 0 or > 0x10FFFF || IsForbidden((int)value)))
                {
                    return (i, reference);
                }

                i++;
                continue;
            }

            var status = Rune.DecodeFromUtf8(html[i..], out var rune, out var consumed);
            if (status != OperationStatus.Done || IsForbidden(rune.Value))
            {
                return (i, consumed);
            }

            i += consumed;
        }

        return (-1, 0);
    }

    // The length of the numeric character reference at the start of 'text' ("&#27;", "&#x1b", with or
    // without its semicolon, as HTML reads it) and the value it names (past 0x10FFFF when it is too
    // large for any); 0 when 'text' does not start with one.
    private static int ReferenceLength(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        if (text.Length < 3 || text[1] != (byte)'#')
        {
            return 0;
        }

        var hex = text[2] is (byte)'x' or (byte)'X';
        var i = hex ? 3 : 2;
        var start = i;
        for (; i < text.Length; i++)
        {
            var digit = DigitValue(text[i], hex);
            if (digit < 0)
            {
                break;
            }

            value = Math.Min((value * (hex ? 16 : 10)) + digit, 0x110000);
        }

        if (i == start)
        {
            return 0;
        }

        return i < text.Length && text[i] == (byte)';' ? i + 1 : i;
    }

    private static int DigitValue(byte b, bool hex) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' when hex => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' when hex => b - 'A' + 10,
        _ => -1,
    };

    private static string Clean(string text, bool space)
    {
        var first = IndexOfForbidden(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        var i = first;
        while (i < text.Length)
        {
            var length = ForbiddenLength(text, i);
            if (length == 0)
            {
                var next = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                builder.Append(text, i, next);
                i += next;
                continue;
            }

            var end = i + length;
            while (end < text.Length && ForbiddenLength(text, end) is > 0 and var more)
            {
                end += more;
            }

            if (space && builder.Length > 0 && !char.IsWhiteSpace(builder[^1]) && end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                builder.Append(' ');
            }

            i = end;
        }

        return builder.ToString();
    }

    // How many chars the forbidden character at text[i] takes (1 or 2), or 0 when it is allowed.
    private static int ForbiddenLength(ReadOnlySpan<char> text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            return IsForbidden(char.ConvertToUtf32(c, text[i + 1])) ? 2 : 0;
        }

        return IsForbidden(c) ? 1 : 0;
    }

    /// <summary>
    /// Chars that are or may start a forbidden character: C0 but tab, line feed and carriage return, DEL,
    /// C1, surrogates (a pair may stand for a noncharacter, and a lone one is forbidden), noncharacters.
    /// </summary>
    private static readonly SearchValues<char> Suspect = SearchValues.Create(
        [
            .. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c),
            .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c),
            .. Enumerable.Range(0xD800, 0x800).Select(c => (char)c),
            .. Enumerable.Range(0xFDD0, 0x20).Select(c => (char)c),
            '\uFFFE', '\uFFFF',
        ]);

    /// <summary>
    /// Bytes of valid UTF-8 that are or may start a forbidden character or a reference to one: C0 but
    /// tab, line feed and carriage return, DEL, the lead byte of C1 (C2), of U+FDD0–U+FFFF (EF) and of the
    /// other planes (F0–F4), and the ampersand.
    /// </summary>
    private static readonly SearchValues<byte> SuspectUtf8 = SearchValues.Create(
        [
            .. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (byte)c),
            0x7F, 0xC2, 0xEF, 0xF0, 0xF1, 0xF2, 0xF3, 0xF4, (byte)'&',
        ]);
}
