using System.Text;
using Broadside.Build;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Build;

/// <summary>
/// Whole builds in which every key of articles, pages, site.yml, authors.yml and demands.yml is given every
/// value of <see cref="YamlValues"/>: whatever is written, the build reports it at its file and never
/// reports an internal error (BS0099) or lets an exception out.
/// </summary>
public sealed class FuzzedValuesTests : IDisposable
{
    private const string Article = "title: Bus drivers walk out\nauthor: Ana Ruiz\nsection: Labor\ndate: 2026-03-14\ntags: [transit]\ndemands: [{id: free-transit}]\n";

    // The keys inside site.yml's keys.
    private static readonly Dictionary<string, string[]> Inner = new(StringComparer.Ordinal)
    {
        ["limits"] = ["tags", "demands", "authors", "sections", "pages", "aliases", "media_mb"],
        ["raw_html"] = ["allow_scripts", "iframe_hosts"],
        ["sections"] = ["name", "description"],
        ["params"] = ["motto", "links"],
    };

    private static readonly string[] AuthorKeys = ["name", "bio", "link", "picture"];

    private static readonly string[] DemandKeys = ["id", "text", "aliases", "topic"];

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Every_value_of_every_key_of_articles_and_pages_is_published_or_reported()
    {
        var input = _folder.Combine("input");
        WriteSite(input, "title: Fuzzed\nbase_url: https://fuzzed.example.org/\nextra_keys: [hero]\nlimits: {pages: 1000}\n", "- name: Ana Ruiz\n", "- id: free-transit\n  text: Fare-free transit!\n");
        for (var v = 0; v < YamlValues.All.Count; v++)
        {
            foreach (var key in FrontMatterParser.ArticleKeys.Append("hero"))
            {
                Write(input, $"articles/{key}-{v}.md", "---\n" + With(Article, key, YamlValues.All[v]) + "---\n\nBody.\n");
            }

            foreach (var key in FrontMatterParser.PageKeys.Append("hero"))
            {
                Write(input, $"pages/{key}-{v}.md", "---\n" + With("title: About\n", key, YamlValues.All[v]) + "---\n\nAbout.\n");
            }
        }

        AssertReported(Build(input), "articles and pages");
    }

    [Fact]
    public void Every_value_of_every_key_of_site_yml_and_the_data_files_is_reported_or_used()
    {
        // Round r gives the k-th key the readable value r + 7k, so that every key meets every such value
        // once, each round with other keys' values. A key with keys inside it (limits, raw_html, sections,
        // params) is given a value itself in odd rounds. Then each value that makes its file unreadable
        // has a round of its own, in the last key of each file.
        var rounds = YamlValues.Readable.Count;
        for (var round = 0; round < rounds + YamlValues.Unreadable.Count; round++)
        {
            var broken = round < rounds ? null : YamlValues.Unreadable[round - rounds];
            var (r, k) = (round, 0);
            string Value() => YamlValues.ReadableAt(r + (7 * k++));
            var site = new StringBuilder("title: Fuzzed\nbase_url: https://fuzzed.example.org/\n");
            foreach (var key in SiteConfigLoader.KnownKeys.Where(key => key is not ("title" or "base_url")))
            {
                if (round % 2 == 0 && Inner.TryGetValue(key, out var inner))
                {
                    var indent = key == "sections" ? "    " : "  ";
                    var fields = inner.Select(field => indent + field + ":" + Value().Replace("\n", "\n" + indent, StringComparison.Ordinal));
                    site.Append(key).Append(":\n").Append(key == "sections" ? "  - " + string.Join('\n', fields).TrimStart() : string.Join('\n', fields)).Append('\n');
                }
                else
                {
                    site.Append(key).Append(':').Append(Value()).Append('\n');
                }
            }

            site.Append(broken is null ? string.Empty : "extra:" + broken + "\n");
            k = 0;
            var authors = string.Concat(AuthorKeys.Select((key, i) => Entry([("name", $" Author {i}"), ("bio", " Covers transit.")], key, broken ?? Value())));
            k = 0;
            var demands = string.Concat(DemandKeys.Select((key, i) => Entry([("id", $" d{i}"), ("text", $" Demand {i}!")], key, broken ?? Value())));
            var input = _folder.Combine($"round-{round}", "input");
            WriteSite(input, site.ToString(), authors, demands);
            Write(input, "articles/a.md", "---\n" + Article.Replace("free-transit", "d1", StringComparison.Ordinal) + "---\n\nBody.\n");
            Write(input, "pages/about.md", "---\ntitle: About\n---\n\nAbout.\n");

            AssertReported(Build(input), $"round {round}");
        }
    }

    private static void AssertReported(BuildResult result, string what)
    {
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.InternalError);
        Assert.All(result.Diagnostics.Where(d => d.IsError), d => Assert.True(d.File is not null, $"{what}: an error without a file: {d}"));
    }

    // The key's line replaced by (or, when absent, added as) 'key:' with 'value' after it.
    private static string With(string yaml, string key, string value)
    {
        var lines = yaml.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith(key + ":", StringComparison.Ordinal));
        return string.Concat(lines.Select(l => l + "\n")) + key + ":" + value + "\n";
    }

    // An entry of a data file's list: 'fields', with 'key' given 'value'.
    private static string Entry(IEnumerable<(string Key, string Value)> fields, string key, string value) =>
        "- " + string.Join("\n  ", fields.Where(f => f.Key != key).Append((Key: key, Value: value)).Select(f => f.Key + ":" + f.Value.Replace("\n", "\n  ", StringComparison.Ordinal))) + "\n";

    private static void WriteSite(string input, string site, string authors, string demands)
    {
        Write(input, "site.yml", site);
        Write(input, "authors.yml", authors);
        Write(input, "demands.yml", demands);
    }

    private static void Write(string input, string relative, string text)
    {
        var path = Path.Combine(input, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(text));
    }

    private BuildResult Build(string input) => Builder.Build(new BuildOptions
    {
        InputFolder = input,
        ThemeFolder = RepositoryPaths.Theme,
        OutputFolder = Path.Combine(Path.GetDirectoryName(input)!, "output"),
        Now = SampleSiteFixture.Now,
        IncludeDrafts = true,
        IncludeFuture = true,
        DisplayRoot = _folder.Path,
    });
}
