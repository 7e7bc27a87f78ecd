using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Broadside.Output;

namespace Broadside.Tests.TestSupport;

/// <summary>
/// Every character a published file may not hold, and a search of written output for any of them, raw or
/// written as an HTML character reference or a JSON escape.
/// </summary>
public static partial class ForbiddenText
{
    /// <summary>C0 but tab, line feed and carriage return; DEL; C1; the noncharacters of every plane; every lone surrogate.</summary>
    public static IEnumerable<string> All =>
        Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r'))
            .Concat(Enumerable.Range(0x7F, 0x21))
            .Concat(Enumerable.Range(0xFDD0, 0x20))
            .Concat(Enumerable.Range(0, 17).SelectMany(plane => new[] { (plane << 16) | 0xFFFE, (plane << 16) | 0xFFFF }))
            .Select(char.ConvertFromUtf32)
            .Concat(Enumerable.Range(0xD800, 0x800).Select(c => ((char)c).ToString()));

    /// <summary>The forbidden characters and references to them in <paramref name="output"/>, described; empty when there are none.</summary>
    public static IEnumerable<string> In(string output)
    {
        for (var i = 0; i < output.Length; i++)
        {
            var pair = char.IsHighSurrogate(output[i]) && i + 1 < output.Length && char.IsLowSurrogate(output[i + 1]);
            var scalar = pair ? char.ConvertToUtf32(output[i], output[i + 1]) : output[i];
            if (OutputText.IsForbidden(scalar))
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"U+{scalar:X4} at {i}");
            }

            i += pair ? 1 : 0;
        }

        foreach (Match reference in Reference().Matches(output))
        {
            var hex = reference.Groups["hex"].Success;
            var digits = hex ? reference.Groups["hex"].Value : reference.Groups["dec"].Value;
            var ok = long.TryParse(digits, hex ? NumberStyles.HexNumber : NumberStyles.None, CultureInfo.InvariantCulture, out var value);
            if (!ok || value is 0 or > 0x10FFFF || OutputText.IsForbidden((int)value))
            {
                yield return $"{reference.Value} at {reference.Index}";
            }
        }

        var escapes = JsonEscape().Matches(output).Where(m => m.Groups[1].Success).ToList();
        for (var i = 0; i < escapes.Count; i++)
        {
            var scalar = int.Parse(escapes[i].Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (char.IsHighSurrogate((char)scalar) && i + 1 < escapes.Count && escapes[i + 1].Index == escapes[i].Index + 6
                && int.Parse(escapes[i + 1].Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture) is var low && char.IsLowSurrogate((char)low))
            {
                scalar = char.ConvertToUtf32((char)scalar, (char)low);
                i++;
            }

            if (OutputText.IsForbidden(scalar))
            {
                yield return $"{escapes[i].Value} at {escapes[i].Index}";
            }
        }
    }

    /// <summary><see cref="In(string)"/> for UTF-8, which must be valid.</summary>
    public static IEnumerable<string> In(byte[] utf8) =>
        System.Text.Unicode.Utf8.IsValid(utf8) ? In(Encoding.UTF8.GetString(utf8)) : ["invalid UTF-8"];

    // A reference, or one escaped once more (in an Atom feed's HTML content, which XML escapes).
    [GeneratedRegex(@"&(?:amp;)?#(?:[xX](?<hex>[0-9a-fA-F]+)|(?<dec>[0-9]+))")]
    private static partial Regex Reference();

    // An escaped backslash, or a \u escape (group 1), read from the left so that "\\u0000" is no escape.
    [GeneratedRegex(@"\\(?:\\|u([0-9a-fA-F]{4}))")]
    private static partial Regex JsonEscape();
}
