using System.Text;

namespace Broadside.Tests.TestSupport;

/// <summary>
/// Makes names and paths for fuzz tests of slugs and aliases: words of every script, control, white
/// space, invisible and direction characters, combining marks, emoji, lone surrogates, the characters
/// URLs and <c>_redirects</c> give a meaning to, percent-escapes good and bad, and long runs of any of
/// them (up to a few thousand characters); paths also get lone surrogates. Seeded, so a failing case can be made again.
/// </summary>
/// <param name="seed">The seed of every choice.</param>
public sealed class NameFuzzer(int seed)
{
    private static readonly string[] Words =
    [
        "strike", "Grève", "générale", "Забастовка", "Απεργία", "إضراب", "שביתה", "罢工", "ストライキ", "파업",
        "हड़ताल", "วันแรงงาน", "Huelga", "İşçi", "straße", "ǅ", "DŽ", "ﬁ", "2026", "٣٤", "C#", "C++", "women's",
        "🔥", "🏳️‍🌈", "👩🏽‍🔧", "🇵🇸", "a\u0301", "e\u0301\u0327", "ZALGO\u0336\u0337\u0338", "x\u20DD",
    ];

    private static readonly string[] Specials =
    [
        "/", "//", "\\", ".", "..", "./", "../", "/.", "~", "-", "_", "%", "%%", "%2F", "%2f", "%5C", "%0A", "%0D%0A", "%00",
        "%1B", "%20", "%09", "%C3%A9", "%E2%80%AE", "%FF", "%C3", "%ZZ", "%2E%2E", "%2E", "#", "?", "?a=1", "#top", "&", "=",
        "*", ":", ":id", "!", "301!", "'", "\"", "<", ">", "|", "@", "+", ",", ";", "(", ")", "[", "]", "{", "}", "$", "^",
        "`", "https://evil.example/", "//evil.example", "javascript:", "mailto:a@b", ".htaccess", ".well-known", ".git",
        "_redirects", "_headers", "robots.txt", "sitemap.xml", "sitemap-7.xml", "feed.xml", "atom.xml", "feed.json",
        "demands.json", "404.html", "index.html", "assets", "media", "pagefind", "search", "__broadside", ".broadside-manifest",
        ".html", ".php", ".xml",
    ];

    private static readonly string[] Invisibles =
    [
        "\u0000", "\u0007", "\u0008", "\t", "\n", "\r", "\u000B", "\u000C", "\u001B", "\u001B[31m", "\u007F", "\u0085",
        "\u009B", " ", "  ", "\u00A0", "\u1680", "\u2000", "\u2028", "\u2029", "\u3000", "\u200B", "\u200C", "\u200D",
        "\u200E", "\u200F", "\u202A", "\u202E", "\u2066", "\u2069", "\u061C", "\u2060", "\uFEFF", "\u00AD", "\uFFFD",
        "\uDBFF\uDFFF",
    ];

    // YAML refuses lone surrogates, so only paths, which are checked before any YAML is involved in tests, get them.
    private static readonly string[] Surrogates = ["\uD800", "\uDC00", "\uDFFF\uD800"];

    private readonly Random _random = new(seed);

    /// <summary>A name: a tag, an author, a demand, a <c>slug:</c> value.</summary>
    public string Next()
    {
        var text = new StringBuilder();
        var parts = _random.Next(10) == 0 ? _random.Next(50, 400) : _random.Next(1, 12);
        for (var i = 0; i < parts; i++)
        {
            text.Append(Part());
            if (_random.Next(3) == 0)
            {
                text.Append(' ');
            }
        }

        return text.ToString();
    }

    /// <summary>A path, as an alias might be written: names and specials between slashes.</summary>
    public string NextPath()
    {
        var text = new StringBuilder(_random.Next(4) == 0 ? string.Empty : "/");
        var segments = _random.Next(1, 6);
        for (var i = 0; i < segments; i++)
        {
            var parts = _random.Next(12) == 0 ? _random.Next(30, 300) : _random.Next(1, 4);
            for (var j = 0; j < parts; j++)
            {
                text.Append(_random.Next(3) == 0 ? Part() : _random.Next(40) == 0 ? Surrogates[_random.Next(Surrogates.Length)] : Plain());
            }

            if (i < segments - 1 || _random.Next(2) == 0)
            {
                text.Append('/');
            }
        }

        return text.ToString();
    }

    private string Part() => _random.Next(8) switch
    {
        0 or 1 => Words[_random.Next(Words.Length)],
        2 => Specials[_random.Next(Specials.Length)],
        3 => Invisibles[_random.Next(Invisibles.Length)],
        4 => char.ConvertFromUtf32(Scalar()),
        5 => Plain(),
        6 => string.Concat(Enumerable.Repeat(Words[_random.Next(Words.Length)], _random.Next(2, 40))),
        _ => Words[_random.Next(Words.Length)] + Specials[_random.Next(Specials.Length)],
    };

    private string Plain() => _random.Next(4) switch
    {
        0 => "old-name",
        1 => "2019",
        2 => Words[_random.Next(Words.Length)],
        _ => "page" + _random.Next(100),
    };

    // A Unicode scalar of any plane but the surrogates.
    private int Scalar()
    {
        var value = _random.Next(4) == 0 ? _random.Next(0x110000) : _random.Next(0x3000);
        return value is >= 0xD800 and <= 0xDFFF ? value - 0x800 : value;
    }
}
