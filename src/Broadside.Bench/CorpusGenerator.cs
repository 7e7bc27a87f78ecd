using System.Globalization;
using System.Text;

namespace Broadside.Bench;

/// <summary>
/// Writes a synthetic corpus of articles that follow the content contract, in the shape of the shared
/// benchmark's corpus: 12 sections, about 200 authors, 500 tags, 300 demands, dates over 16 years,
/// bodies of 3 to 8 sections with paragraphs, lists, quotes, links and emphasis. The same count and
/// seed always give the same files.
/// </summary>
public static class CorpusGenerator
{
    private static readonly string[] Words =
        ("the workers strike union movement city rally march police agents federal state local neighbors immigrants " +
         "rights housing rent wages schools teachers nurses drivers janitors organize solidarity action committee " +
         "assembly vote demand power profits bosses billionaires campaign protest occupation response network " +
         "community labor leaders members rank file democrats republicans party congress governor mayor budget " +
         "funding deportation detention court judge law justice freedom socialism capitalism crisis war climate " +
         "transit airport warehouse factory hospital shift contract bargaining picket line walkout general national " +
         "international working class victory struggle pressure escalate").Split(' ');

    private static readonly string[] Sections =
    [
        "United States", "Labor", "Immigration", "Climate", "International", "Housing",
        "Women's Liberation", "Racism", "Youth", "Theory", "History", "Elections",
    ];

    private static readonly string[] FirstNames = "Anna Jesada Maria Kshama Ty Eljeer Ramy Bryan Sarah Kai Luis Amara Tom Nina Omar Dana".Split(' ');
    private static readonly string[] LastNames = "Barnett Smith Garcia Nguyen Okafor Kim Patel Rossi Cohen Ali Baker Lopez Chen Jensen".Split(' ');

    /// <summary>Writes <paramref name="count"/> articles into <paramref name="folder"/> as <c>NNNNN-slug.md</c>.</summary>
    public static void Write(int count, string folder, int seed = 258)
    {
        var random = new Random(seed);
        var authors = Enumerable.Range(0, 200).Select(_ => $"{Pick(random, FirstNames)} {Pick(random, LastNames)}").Distinct().Order(StringComparer.Ordinal).ToArray();
        var tags = Enumerable.Range(0, 500).Select(_ => $"{Pick(random, Words)}-{Pick(random, Words)}").Distinct().Order(StringComparer.Ordinal).ToArray();
        var demands = Enumerable.Range(0, 300).Select(_ => Sentence(random, random.Next(4, 13)).TrimEnd('.', '?', '!') + "!").Distinct().Order(StringComparer.Ordinal).ToArray();
        var start = new DateOnly(2010, 1, 1);
        Directory.CreateDirectory(folder);

        for (var i = 0; i < count; i++)
        {
            var title = Sentence(random, random.Next(5, 13)).TrimEnd('.', '!', '?').Replace("\"", "'", StringComparison.Ordinal).Replace("*", string.Empty, StringComparison.Ordinal);
            var slug = string.Join('-', title.ToLowerInvariant().Split(' ').Take(6).Where(w => w.All(char.IsLetter)));
            var date = start.AddDays(random.Next(16 * 365));
            var byline = Sample(random, authors, random.Next(4) == 0 ? 2 : 1);
            var text = new StringBuilder("---\n");
            text.Append("title: \"").Append(title).Append("\"\n");
            text.Append(byline.Length == 1 ? $"author: \"{byline[0]}\"\n" : "author:\n" + string.Concat(byline.Select(a => $"  - \"{a}\"\n")));
            text.Append("section: \"").Append(Pick(random, Sections)).Append("\"\n");
            text.Append("date: ").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
            text.Append("tags:\n").Append(string.Concat(Sample(random, tags, random.Next(2, 6)).Select(t => $"  - {t}\n")));
            var raised = Sample(random, demands, new[] { 0, 0, 2, 3, 4, 5, 6, 8 }[random.Next(8)]);
            if (raised.Length > 0)
            {
                text.Append("demands:\n").Append(string.Concat(raised.Select(d => $"  - \"{d}\"\n")));
            }

            text.Append("summary: \"").Append(Sentence(random, 20).Replace("*", string.Empty, StringComparison.Ordinal).Replace("\"", "'", StringComparison.Ordinal)).Append("\"\n---\n\n");
            Body(random, text);
            var name = string.Create(CultureInfo.InvariantCulture, $"{i:D5}-{(slug.Length > 0 ? slug : "article")}.md");
            File.WriteAllText(Path.Combine(folder, name), text.ToString());
        }
    }

    private static void Body(Random random, StringBuilder text)
    {
        var parts = new List<string>();
        var sections = random.Next(3, 9);
        for (var s = 0; s < sections; s++)
        {
            if (s > 0)
            {
                parts.Add("## " + Sentence(random, random.Next(3, 8)).TrimEnd('.', '!', '?'));
            }

            for (var p = random.Next(2, 7); p > 0; p--)
            {
                parts.Add(string.Join(' ', Enumerable.Range(0, random.Next(3, 9)).Select(_ => Sentence(random))));
            }

            if (random.NextDouble() < 0.3)
            {
                parts.Add(string.Join('\n', Enumerable.Range(0, random.Next(3, 7)).Select(_ => "- " + Sentence(random, random.Next(5, 13)))));
            }

            if (random.NextDouble() < 0.1)
            {
                parts.Add("> " + Sentence(random));
            }
        }

        text.Append(string.Join("\n\n", parts)).Append('\n');
    }

    private static string Sentence(Random random, int? length = null)
    {
        var n = length ?? random.Next(8, 29);
        var words = Enumerable.Range(0, n).Select(_ => Pick(random, Words)).ToArray();
        if (random.NextDouble() < 0.15)
        {
            words[random.Next(n)] = "**" + Pick(random, Words) + "**";
        }

        if (random.NextDouble() < 0.10)
        {
            words[random.Next(n)] = "*" + Pick(random, Words) + "*";
        }

        if (random.NextDouble() < 0.08)
        {
            words[random.Next(n)] = $"[{Pick(random, Words)}](https://example.org/{Pick(random, Words)})";
        }

        var sentence = string.Join(' ', words);
        return char.ToUpperInvariant(sentence[0]) + sentence[1..] + Pick(random, [".", ".", ".", "!", "?"]);
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static T[] Sample<T>(Random random, T[] items, int count) =>
        [.. items.OrderBy(_ => random.Next()).Take(Math.Min(count, items.Length))];
}
