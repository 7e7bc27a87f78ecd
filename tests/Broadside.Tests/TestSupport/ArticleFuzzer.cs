using System.Text;

namespace Broadside.Tests.TestSupport;

/// <summary>
/// Makes article files for fuzz tests: valid articles, each mutated a few times the ways an editor's
/// slip or a hostile contributor would (characters deleted, fences, colons, quotes, tabs, control
/// characters and unusual letters inserted, lines repeated or cut, the file truncated). Seeded, so a
/// failing case can be made again from its seed and number.
/// </summary>
/// <param name="seed">The seed of every choice.</param>
public sealed class ArticleFuzzer(int seed)
{
    private static readonly string[] Valid =
    [
        "---\ntitle: \"Bus drivers walk out\"\nauthor: [Ana Ruiz, Tomás Berg]\nsection: Labor\ndate: 2026-03-14\ntags: [transit, strikes]\nsummary: \"Why the walkout spread.\"\ndemands:\n  - \"Hire 500 drivers now!\"\n  - id: free-transit\n---\n\nThe body, with a [link](/2026/03/other/) and a footnote.[^1]\n\n## What next\n\n| depot | drivers |\n| --- | ---: |\n| North | 120 |\n\n[^1]: A note.\n",
        "\uFEFF---\r\ntitle: Grève générale\r\nauthor: Léa\r\nsection: Labor\r\ndate: 2026-03-14T18:30:00-05:00\r\nupdated: 2026-03-15\r\nslug: greve\r\nlang: fr\r\n---\r\n\r\nTexte.\r\n",
        "---\ntitle: Забастовка\nauthor: Ана\nsection: Мир\ndate: 2026-01-01\nimage: /media/a.jpg\nimage_alt: Люди\ncanonical: https://example.org/a/\naliases: [/2019/old/]\ndraft: false\n---\n\n> A quote\n\n- a list\n- of items\n\n<figure><img src=\"/media/a.jpg\" alt=\"x\"><figcaption>Raw HTML</figcaption></figure>\n",
        "---\ntitle: Only front matter\nauthor: Ana Ruiz\nsection: Labor\ndate: 2025-12-31\n---\n",
        "---\ntitle: \"Quotes: 'single' and \\\"double\\\"\"\nauthor:\n  - Ana Ruiz\nsection: Housing\ndate: 2026-02-28\ntags:\n  - rent\n  - \"C#\"\n---\nBody with `code` and **bold** and <span class=\"x\">inline HTML</span>.\n",
    ];

    private static readonly string[] Fragments =
    [
        "---", "...", ":", ": ", "\"", "'", "\t", "\r", "\n", "\r\n", "- ", "[", "]", "{", "}", ",", "#", "|", ">", "? ",
        "&a ", "*a", "<<: *a", "!!binary ", "!tag ", "%YAML 1.2\n", "~", "null", "true", "0x1F", "1e309", "-",
        "2026-02-30", "9999-12-31T23:59:59+14:00", "0001-01-01", "2026-13-01",
        "\u0000", "\u0007", "\u001B[31m", "\u007F", "\u0085", "\u2028", "\u200B", "\u202E", "\uFEFF", "\uFFFD", "\uD83D\uDD25",
        "e\u0301", "ǅ", "İı", "ß", "漢字", "العربية", "🏳️‍🌈",
        "<script>alert(1)</script>", "<div title='", "' onmouseover='alert(1)'>", "<iframe src=\"https://evil.example/\">",
        "[x](javascript:alert(1))", "<javascript:alert(1)>", "](", "[^1]", "```", "    ", "*", "_", "\\",
        "slug: ../../etc", "aliases: [\"/../../x\"]", "title: [a, b]", "date:", "author: {a: b}", "demands: x",
    ];

    private readonly Random _random = new(seed);

    /// <summary>The seed, for messages.</summary>
    public int Seed { get; } = seed;

    /// <summary>The next article: a valid one, mutated one to eight times.</summary>
    public string Next()
    {
        var text = new StringBuilder(Valid[_random.Next(Valid.Length)]);
        var mutations = _random.Next(1, 9);
        for (var i = 0; i < mutations; i++)
        {
            Mutate(text);
        }

        return text.ToString();
    }

    private void Mutate(StringBuilder text)
    {
        var at = text.Length == 0 ? 0 : _random.Next(text.Length);
        switch (_random.Next(9))
        {
            case 0 when text.Length > 0:
                text.Remove(at, Math.Min(_random.Next(1, 12), text.Length - at));
                break;
            case 1 or 2:
                text.Insert(at, Fragments[_random.Next(Fragments.Length)]);
                break;
            case 3:
                text.Insert(at, (char)_random.Next(0x20));
                break;
            case 4:
                text.Insert(at, char.ConvertFromUtf32(RandomScalar()));
                break;
            case 5 when text.Length > 0:
                text.Length = at;
                break;
            case 6:
                RepeatLine(text, at);
                break;
            case 7:
                text.Insert(at, "[", _random.Next(1, 200));
                break;
            default:
                text.Insert(at, Fragments[_random.Next(Fragments.Length)] + Fragments[_random.Next(Fragments.Length)]);
                break;
        }
    }

    private void RepeatLine(StringBuilder text, int at)
    {
        var whole = text.ToString();
        var start = whole.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        var end = whole.IndexOf('\n', at);
        var line = whole[start..(end < 0 ? whole.Length : end)] + "\n";
        text.Insert(start, string.Concat(Enumerable.Repeat(line, _random.Next(1, 50))));
    }

    private int RandomScalar()
    {
        while (true)
        {
            var value = _random.Next(0x30000);
            if (value is < 0xD800 or > 0xDFFF)
            {
                return value;
            }
        }
    }
}
