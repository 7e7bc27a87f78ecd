using System.Buffers;
using System.Text;
using System.Xml;

namespace Broadside.Feeds;

/// <summary>Keeps text within what XML 1.0 can carry: control characters and lone surrogates are dropped.</summary>
public static class XmlText
{
    /// <summary><paramref name="text"/> without the characters XML 1.0 forbids.</summary>
    public static string Clean(string text)
    {
        var first = FirstInvalid(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (!char.IsSurrogate(c) && XmlConvert.IsXmlChar(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static int FirstInvalid(string text)
    {
        // A vectorised search for anything that might be invalid; only surrogates need a closer look.
        var i = 0;
        while (true)
        {
            var found = text.AsSpan(i).IndexOfAny(Suspect);
            if (found < 0)
            {
                return -1;
            }

            i += found;
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i += 2;
            }
            else if (char.IsSurrogate(c) || !XmlConvert.IsXmlChar(c))
            {
                return i;
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>Characters XML 1.0 forbids, and surrogates, allowed only in pairs.</summary>
    private static readonly SearchValues<char> Suspect = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c), .. Enumerable.Range(0xD800, 0x800).Select(c => (char)c), '\uFFFE', '\uFFFF']);
}
