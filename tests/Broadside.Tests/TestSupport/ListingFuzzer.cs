using System.Globalization;
using System.Text;
using Broadside.Build;
using Broadside.Outputs;
using static Broadside.Tests.TestSupport.SameBuild;

namespace Broadside.Tests.TestSupport;

/// <summary>
/// Random edits to a publication built as <c>serve</c> builds it (<see cref="ServedSite"/>), drawn over the
/// lists every listing of the last build declared: a listing is picked, then one of its lists, then one of
/// the list's articles, which is edited, written anew or deleted. Every listing, a new one too, is drawn
/// alike, without the fuzzer knowing which exist. After each edit the site and the problems reported must
/// be those of a build from nothing.
/// </summary>
public sealed class ListingFuzzer(ServedSite site, Random random)
{
    private static readonly string[] Tags = ["strikes", "Strikes", "rent", "Rent", "buses", "wildcat", "Wildcat", "solidarity", "ports", "night shift", "Night Shift"];
    private static readonly string[] Demands = ["Hire 500 drivers now!", "hire 500 drivers now", "Free buses now", "Tax the rich!", "tax the rich", "Open the books!", "Rent control now!", "A four-day week"];
    private static readonly string[] Sections = ["Labor", "Housing", "Climate", "Theory", "Culture"];
    private static readonly string[] Authors = ["Keisha Dunbar", "Theo Lindqvist", "Marisol Vega", "A Guest Writer"];

    private readonly List<Generated> _articles = [];

    /// <summary>The listings drawn from so far, by type name, with how often.</summary>
    public Dictionary<string, int> Drawn { get; } = [];

    private string Folder => site.Work.Combine("input", "articles", "2024");

    /// <summary>Writes 30 articles of 2024, with short pages and feeds, so that every edit moves articles across pages and in and out of feeds.</summary>
    public void Seed()
    {
        site.Change("site.yml", "page_size: 10", "page_size: 2");
        site.Change("site.yml", "feed_size: 20", "feed_size: 3");
        Directory.CreateDirectory(Folder);
        for (var i = 1; i <= 30; i++)
        {
            var article = new Generated(i, random);
            _articles.Add(article);
            File.WriteAllText(Path.Combine(Folder, article.File), article.Text());
        }
    }

    /// <summary>
    /// Makes <paramref name="steps"/> edits, each followed by the build <c>serve</c> makes and a build from
    /// nothing, which must agree; returns how many were made from the last build's state.
    /// </summary>
    public int Run(Func<BuildOptions, BuildOptions> options, int steps)
    {
        var edits = 0;
        for (var step = 0; step < steps; step++)
        {
            var (file, change) = Edit(step, Plan());
            var rebuilt = Builder.Rebuild(options(site.Options()), [file]);
            edits += rebuilt.Edited ? 1 : 0;
            var what = $"step {step} ({change}), {(rebuilt.Edited ? "made from the last state" : $"a full build: {rebuilt.Full}")}";
            Assert.True(rebuilt.Succeeded, $"{what}: {string.Join('\n', rebuilt.Diagnostics)}");

            if (Directory.Exists(site.Work.Combine("fresh")))
            {
                Directory.Delete(site.Work.Combine("fresh"), recursive: true);
            }

            var fresh = Builder.Build(options(site.Options("fresh", serve: false)));
            Assert.True(fresh.Succeeded, $"{what}: {string.Join('\n', fresh.Diagnostics)}");
            Assert.Equal(Lines(fresh), Lines(rebuilt));
            try
            {
                AssertSameFiles(new SiteOutput(site.Work.Combine("fresh")).Snapshot(), new SiteOutput(site.Work.Combine("out")).Snapshot());
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"{what}: {ex.Message}");
            }
        }

        return edits;
    }

    private OutputPlan Plan() => site.Options().Cache!.State.Load(out _)?.Warm?.Plan ?? throw new InvalidOperationException("no build to start from");

    // Draws a listing, a list of it and an article of the list (any of the generated ones when it holds
    // none of them), and edits, deletes or adds one.
    private (string File, string Change) Edit(int step, OutputPlan plan)
    {
        var listings = plan.Declarations.Where(d => !d.Value.IsEmpty).OrderBy(d => d.Key.GetType().Name, StringComparer.Ordinal).ToList();
        var (listing, lists) = listings[random.Next(listings.Count)];
        var name = listing.GetType().Name;
        Drawn[name] = Drawn.GetValueOrDefault(name) + 1;
        var list = lists[random.Next(lists.Length)];
        var held = _articles.Where(a => list.Articles.Any(x => x.Source!.EndsWith("/" + a.File, StringComparison.Ordinal))).ToList();
        var article = held.Count > 0 ? held[random.Next(held.Count)] : _articles[random.Next(_articles.Count)];
        string change;
        switch (random.Next(10))
        {
            case 0:
                _articles.Remove(article);
                File.Delete(Path.Combine(Folder, article.File));
                change = $"{article.File} deleted";
                break;
            case 1:
                article = new Generated(100 + step, random);
                _articles.Add(article);
                File.WriteAllText(Path.Combine(Folder, article.File), article.Text());
                change = $"{article.File} added";
                break;
            default:
                change = article.Change(random);
                File.WriteAllText(Path.Combine(Folder, article.File), article.Text());
                break;
        }

        return (Path.Combine(Folder, article.File), $"{change}, drawn from {name} '{list.Id}'");
    }

    /// <summary>An article of 2024 whose front matter the fuzzer changes at random, its URL (month and slug) kept.</summary>
    private sealed class Generated
    {
        private readonly int _number;
        private readonly int _month;
        private string _title;
        private string[] _tags;
        private string[] _demands;
        private string _section;
        private string[] _authors;
        private int _day;
        private int _hour;
        private int _paragraphs = 1;

        public Generated(int number, Random random)
        {
            _number = number;
            _month = 1 + (number % 6);
            _title = $"Report {number} from the organizing drive";
            _tags = number % 2 == 0 ? [.. Pick(random, Tags, 3), $"only-{number}"] : Pick(random, Tags, 3);
            _demands = number % 3 == 0 ? [.. Pick(random, Demands, 2), $"Fund project {number}!"] : Pick(random, Demands, 2);
            _section = Sections[random.Next(Sections.Length)];
            _authors = Pick(random, Authors, 2, atLeast: 1);
            _day = 2 + random.Next(26);
            _hour = random.Next(24);
        }

        public string File => $"2024-{_month:D2}-report-{_number}.md";

        public string Change(Random random)
        {
            switch (random.Next(10))
            {
                case 0: _tags = Pick(random, Tags, 3); return $"tags of {_number}";
                case 1: _demands = Pick(random, Demands, 2); return $"demands of {_number}";
                case 2: _section = Sections[random.Next(Sections.Length)]; return $"section of {_number}";
                case 3: _authors = Pick(random, Authors, 2, atLeast: 1); return $"authors of {_number}";
                case 4: (_day, _hour) = (2 + random.Next(26), random.Next(24)); return $"date of {_number}";
                case 5: _title = $"Report {_number}, edited {random.Next(1000)}"; return $"title of {_number}";
                case 6: _paragraphs = 1 + random.Next(4); return $"body of {_number}";

                // A tag or demand of this article alone, which comes and goes with it, all else kept.
                case 7: _tags = Toggle(_tags, $"only-{_number}"); return $"own tag of {_number}";
                case 8: _demands = Toggle(_demands, $"Fund project {_number}!"); return $"own demand of {_number}";
                default:
                    (_tags, _demands) = (Pick(random, Tags, 3), Pick(random, Demands, 2));
                    return $"tags and demands of {_number}";
            }
        }

        public string Text()
        {
            var text = new StringBuilder();
            text.Append("---\n")
                .Append(CultureInfo.InvariantCulture, $"title: \"{_title}\"\n")
                .Append(CultureInfo.InvariantCulture, $"author: [{string.Join(", ", _authors)}]\n")
                .Append(CultureInfo.InvariantCulture, $"section: {_section}\n")
                .Append(CultureInfo.InvariantCulture, $"date: 2024-{_month:D2}-{_day:D2}T{_hour:D2}:00:00+00:00\n")
                .Append(CultureInfo.InvariantCulture, $"slug: report-{_number}\n")
                .Append(CultureInfo.InvariantCulture, $"tags: [{string.Join(", ", _tags)}]\n");
            if (_demands.Length > 0)
            {
                text.Append("demands:\n");
                foreach (var demand in _demands)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  - \"{demand}\"\n");
                }
            }

            text.Append("---\n");
            for (var i = 0; i < _paragraphs; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"\nThe meeting of the {_number}th began late and ran past midnight ({i}).\n");
            }

            return text.ToString();
        }

        private static string[] Toggle(string[] list, string item) =>
            list.Contains(item) ? [.. list.Where(i => i != item)] : [.. list, item];

        private static string[] Pick(Random random, string[] from, int most, int atLeast = 0)
        {
            var picked = from.OrderBy(_ => random.Next()).Take(random.Next(atLeast, most + 1)).ToArray();

            // One article names a term once, however it spells it.
            return [.. picked.DistinctBy(p => p.ToLowerInvariant())];
        }
    }
}
