using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Broadside.Build;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Build;

/// <summary>
/// Publications made at test time from <c>Fixtures/minimal</c> with files written to cost the most a build
/// allows: every list an article may fan out to at its limit, every value other pages repeat at its longest
/// (and made of the characters that escaping lengthens most), the menu full. The site still builds in
/// proportion to what was written. Files past a limit are each a located error, and the build fails fast.
/// </summary>
public sealed class AdversarialInputTests : IDisposable
{
    // Bytes of output one byte of input may make. A short tag, four bytes of input, is a page and a feed of
    // its own; an ordinary publication makes about 20 (the sample) to 150 (one-line articles).
    private const long PerInputByte = 1_000;

    // The output of the minimal publication, and more.
    private const long BaseBytes = 1_000_000;

    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    private readonly TemporaryFolder _folder = new();
    private readonly string _input;
    private readonly string _output;

    public AdversarialInputTests()
    {
        _input = _folder.Combine("input");
        _output = _folder.Combine("output");
        TemporaryFolder.CopyFolder(RepositoryPaths.Fixture("minimal"), _input);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Files_at_every_limit_build_a_site_in_proportion_to_them()
    {
        var limits = SiteLimits.Default;
        Write("site.yml", $"""
            title: {Quoted(Pad("Gazette", TextLengths.Name))}
            description: {Quoted(Pad("News", TextLengths.Tagline))}
            base_url: "https://minimal.example.org/"
            sections: [{string.Join(", ", Enumerable.Range(0, limits.Sections).Select(i => Quoted(Pad($"S{i}", TextLengths.Name))))}]
            """);
        Write("authors.yml", $"- name: {Quoted(Pad("A0", TextLengths.Name))}\n  bio: {Quoted(Pad("Bio", TextLengths.Bio))}\n  link: https://example.org/{new string('x', TextLengths.Address - 20)}\n");
        Write("demands.yml", $"- id: {new string('d', TextLengths.Name)}\n  text: {Quoted(Pad("Canonical", TextLengths.Demand))}\n  topic: {Quoted(Pad("Topic", TextLengths.Name))}\n");
        WriteBytes("media/a.png", PhonePhotos.TransparentPng(1600, 900));
        for (var i = 0; i < limits.Pages; i++)
        {
            Write($"pages/p{i}.md", $"---\ntitle: {Quoted(Pad($"P{i}", TextLengths.Name))}\n---\n");
        }

        // One article at every limit, with a body that every list it is in repeats in its feed.
        Write("articles/widest.md", Article(
            Pad("Widest", TextLengths.Title),
            Pad("S0", TextLengths.Name),
            Enumerable.Range(0, limits.Authors).Select(i => Pad($"A{i}", TextLengths.Name)),
            Enumerable.Range(0, limits.Tags).Select(i => Pad($"T{i}", TextLengths.Name)),
            Enumerable.Range(0, limits.Demands).Select(i => Quoted(Pad($"D{i}", TextLengths.Demand))),
            "2026-01-20",
            $"summary: {Quoted(Pad("Summary", TextLengths.Summary))}\nimage: /media/a.png\nimage_alt: {Quoted(Pad("Alt", TextLengths.Description))}\n",
            string.Concat(Enumerable.Repeat("The strike goes on & on. <b>Solidarity</b> \"forever\".\n\n", 2_000))));

        // Articles with as many short tags of their own as they may have: a page and a feed for each tag.
        for (var i = 0; i < 10; i++)
        {
            Write($"articles/tags-{i}.md", Article($"Tags {i}", Pad("S1", TextLengths.Name), [Pad("A0", TextLengths.Name)], Enumerable.Range(0, limits.Tags).Select(t => $"t{i}x{t}"), [], "2026-01-10", string.Empty, string.Empty));
        }

        // Short articles, each in a year of its own (the footer lists every year), each related to the
        // widest and raising the canonical demand, which each of their pages shows.
        for (var i = 0; i < 60; i++)
        {
            Write($"articles/year-{i}.md", Article($"Year {i}", Pad("S2", TextLengths.Name), [Pad("A0", TextLengths.Name)], [Pad("T0", TextLengths.Name)], ["{id: " + new string('d', TextLengths.Name) + "}"], $"{DateParser.MinYear + (i * 3)}-06-01", string.Empty, "Short."));
        }

        var (result, elapsed) = Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.InternalError);
        var (input, output) = (Bytes(_input), Bytes(_output));
        Assert.True(
            output <= (PerInputByte * input) + BaseBytes,
            string.Create(CultureInfo.InvariantCulture, $"{input:N0} bytes of input made {output:N0} of output, {(double)output / input:F0} a byte"));
        Assert.True(elapsed < Generous, $"the build took {elapsed}");
    }

    [Fact]
    public void Files_past_a_limit_are_each_a_located_error_and_the_build_fails_fast()
    {
        var limits = SiteLimits.Default;
        Write("site.yml", "title: Gazette\nbase_url: https://minimal.example.org/\ntime_zone: Pacific/Kiritimati\nsections:\n" + string.Concat(Enumerable.Range(0, limits.Sections + 5).Select(i => $"  - S{i}\n")));
        Write("authors.yml", $"- name: Ana\n  bio: {new string('b', TextLengths.Bio + 1)}\n");
        Write("demands.yml", $"- id: long\n  text: {new string('d', 1_000_000)}\n- id: short\n  text: Short!\n");
        for (var i = 0; i <= limits.Pages; i++)
        {
            Write($"pages/p{i:D2}.md", $"---\ntitle: P{i}\n---\n");
        }

        Write("articles/many-tags.md", $"---\ntitle: Tags\nauthor: Ana\nsection: News\ndate: 2026-01-02\ntags:\n{string.Concat(Enumerable.Range(0, 5_000).Select(i => $"  - t{i}\n"))}---\n");
        Write("articles/many-authors.md", $"---\ntitle: Authors\nauthor: [{string.Join(", ", Enumerable.Range(0, 2_000).Select(i => $"a{i}"))}]\nsection: News\ndate: 2026-01-02\n---\n");
        Write("articles/many-demands.md", $"---\ntitle: Demands\nauthor: Ana\nsection: News\ndate: 2026-01-02\ndemands:\n{string.Concat(Enumerable.Range(0, 3_000).Select(i => i % 2 == 0 ? $"  - Demand {i}!\n" : "  - id: short\n"))}---\n");
        Write("articles/long-title.md", $"---\ntitle: {new string('t', 5_000_000)}\nauthor: Ana\nsection: News\ndate: 2026-01-02\n---\n");
        Write("articles/long-section.md", $"---\ntitle: Section\nauthor: Ana\nsection: {new string('s', 1_000_000)}\ndate: 2026-01-02\n---\n");
        Write("articles/year-one.md", "---\ntitle: Year one\nauthor: Ana\nsection: News\ndate: 0001-01-01T00:00:00+14:00\n---\n");
        Write("articles/last-moment.md", "---\ntitle: Last\nauthor: Ana\nsection: News\ndate: 2026-01-02\nupdated: 9999-12-31T23:30:00-12:00\n---\n");
        Write("articles/year-ten-thousand.md", "---\ntitle: Far\nauthor: Ana\nsection: News\ndate: 10000-01-01\n---\n");
        Write("articles/offset.md", "---\ntitle: Offset\nauthor: Ana\nsection: News\ndate: 2026-01-02T10:00:00+18:00\n---\n");

        var (result, elapsed) = Build();

        Assert.Equal(
            [
                ("input/articles/last-moment.md(6,10)", DiagnosticCodes.InvalidDate),
                ("input/articles/long-section.md(4,10)", DiagnosticCodes.LimitExceeded),
                ("input/articles/long-title.md(2,8)", DiagnosticCodes.LimitExceeded),
                ("input/articles/many-authors.md(3," + (10 + string.Concat(Enumerable.Range(0, limits.Authors).Select(i => $"a{i}, ")).Length) + ")", DiagnosticCodes.LimitExceeded),
                ($"input/articles/many-demands.md({7 + limits.Demands},5)", DiagnosticCodes.LimitExceeded),
                ($"input/articles/many-tags.md({7 + limits.Tags},5)", DiagnosticCodes.LimitExceeded),
                ("input/articles/offset.md(5,7)", DiagnosticCodes.InvalidDate),
                ("input/articles/year-one.md(5,7)", DiagnosticCodes.InvalidDate),
                ("input/articles/year-ten-thousand.md(5,7)", DiagnosticCodes.InvalidDate),
                ("input/authors.yml(2,8)", DiagnosticCodes.LimitExceeded),
                ("input/demands.yml(2,9)", DiagnosticCodes.LimitExceeded),
                ($"input/pages/p{limits.Pages:D2}.md", DiagnosticCodes.LimitExceeded),
                ($"input/site.yml({5 + limits.Sections},5)", DiagnosticCodes.LimitExceeded),
            ],
            result.Diagnostics.Select(d => (Where(d), d.Code)).Order().ToArray());
        Assert.All(result.Diagnostics, d => Assert.True(d.IsError));
        Assert.All(result.Diagnostics.Where(d => d.Code == DiagnosticCodes.InvalidDate && !d.File!.EndsWith("offset.md", StringComparison.Ordinal)), d => Assert.Contains("is out of range: dates run from 1800-01-01 to 2199-12-31", d.Message, StringComparison.Ordinal));
        Assert.Contains("'tags' has 5,000 items, more than the 50 one article may have", Message(result, "many-tags.md"), StringComparison.Ordinal);
        Assert.Contains("raise 'limits: tags' in site.yml", Message(result, "many-tags.md"), StringComparison.Ordinal);
        Assert.Contains("is 5,000,000 characters long, more than the 300 it may have", Message(result, "long-title.md"), StringComparison.Ordinal);
        Assert.Contains("raise 'limits: pages' in site.yml", Message(result, $"p{limits.Pages:D2}.md"), StringComparison.Ordinal);
        Assert.False(result.Succeeded);
        Assert.Empty(Directory.Exists(_output) ? Directory.EnumerateFileSystemEntries(_output) : []);
        Assert.True(elapsed < Generous, $"the build took {elapsed}");
    }

    [Theory]
    [InlineData("Pacific/Kiritimati")]
    [InlineData("Etc/GMT+12")]
    public void Dates_at_either_end_of_the_range_build_in_every_time_zone(string zone)
    {
        Write("site.yml", $"title: Gazette\nbase_url: https://minimal.example.org/\ntime_zone: {zone}\n");
        string[] dates =
        [
            "1800-01-01", "1800-01-01T00:00:00+14:00", "1800-01-01T00:00:00-14:00", "2199-12-31", "2199-12-31T23:59:59-14:00",
            "2199-12-31T23:59:59.9999999+14:00", "1800-01-01 00:00", "2199-12-31T23:59Z",
        ];
        for (var i = 0; i < dates.Length; i++)
        {
            Write($"articles/edge-{i}.md", $"---\ntitle: Edge {i}\nauthor: Ana\nsection: News\ndate: {dates[i]}\nupdated: {dates[^(i + 1)]}\n---\n");
            Write($"pages/edge-{i}.md", $"---\ntitle: Edge {i}\nupdated: {dates[i]}\n---\n");
        }

        var (result, _) = Build(future: true);

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.Contains("<lastmod>2199-", File.ReadAllText(Path.Combine(_output, "sitemap.xml")), StringComparison.Ordinal);
        Assert.Contains("Dec 2199", File.ReadAllText(Path.Combine(_output, "feed.xml")), StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(_output, "1799")) || Directory.Exists(Path.Combine(_output, "1800")));
    }

    [Fact]
    public void Characters_no_page_may_hold_are_removed_from_every_value_with_a_warning_and_reach_no_published_file()
    {
        const string Bad = "\\x1B[31m\\0\\a\\u0085\\u009B\\uFFFE\\uFDD0\\U0010FFFF\\x7F";
        Write("site.yml", $"title: \"Gazette{Bad}\"\ndescription: \"News{Bad}\"\nbase_url: https://minimal.example.org/\nsections: [\"News{Bad}\"]\nparams:\n  motto: \"Solidarity{Bad}\"\n");
        Write("authors.yml", $"- name: \"Ana{Bad}\"\n  bio: \"Covers{Bad} transit.\"\n");
        Write("demands.yml", $"- id: free-transit\n  text: \"Free transit{Bad}!\"\n  aliases: [\"Fares{Bad} off\"]\n  topic: \"Transit{Bad}\"\n");
        Write("pages/about.md", $"---\ntitle: \"About{Bad}\"\nsummary: \"Who{Bad} we are\"\n---\nAbout us.\n");
        Write("articles/first-issue.md", "---\n" + string.Join('\n',
            $"title: \"Our{Bad} first issue\"",
            $"author: [\"Ana{Bad}\", \"Tomás{Bad}\"]",
            $"section: \"News{Bad}\"",
            "date: 2026-01-15",
            $"tags: [\"strikes{Bad}\", \"transit\"]",
            $"demands: [\"Fares{Bad} off\", \"Hire{Bad} drivers\"]",
            $"summary: \"Why{Bad} it spread.\"",
            "image: /media/a.png",
            $"image_alt: \"Drivers{Bad} on a picket line\"") + "\n---\n\nThe body\u001B, with\u0007 control\u0085 characters\uFFFE &#x1B; &#0;.\n\n<p title=\"&#27;\">Raw &#x85;&#xFFFF;</p>\n");
        WriteBytes("media/a.png", PhonePhotos.TransparentPng(1600, 900));

        var (result, _) = Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        string[] lines =
        [
            "articles/first-issue.md: 2, 3, 3, 4, 6, 7, 7, 8, 10, 13, 15", "authors.yml: 1, 2", "demands.yml: 2, 3, 4", "pages/about.md: 2, 3",
            "site.yml: 1, 2, 4, 6",
        ];
        Assert.Equal(
            lines,
            result.Diagnostics.Where(d => d.Code == DiagnosticCodes.ControlCharacter)
                .GroupBy(d => d.File!["input/".Length..])
                .Select(g => $"{g.Key}: {string.Join(", ", g.Select(d => d.Line).Order())}")
                .Order(StringComparer.Ordinal));
        Assert.All(result.Diagnostics, d => Assert.False(d.IsError));
        // Every text the site publishes (the pictures made of the input's are pixels, not text).
        foreach (var file in Directory.EnumerateFiles(_output, "*", SearchOption.AllDirectories).Where(f => Path.GetExtension(f) is not (".png" or ".jpg" or ".webp" or ".avif")))
        {
            Assert.True(!ForbiddenText.In(File.ReadAllBytes(file)).Any(), $"{file}: {string.Join(", ", ForbiddenText.In(File.ReadAllBytes(file)).Take(5))}");
        }

        Assert.Contains(">Our [31m first issue<", File.ReadAllText(Path.Combine(_output, "index.html")), StringComparison.Ordinal);
    }

    private static string Where(Diagnostic d) => d.Line == 0 ? d.File! : $"{d.File}({d.Line},{d.Column})";

    private static string Message(BuildResult result, string file) =>
        Assert.Single(result.Diagnostics, d => d.File!.EndsWith("/" + file, StringComparison.Ordinal)).Message;

    // An article; 'demands' are YAML, the rest text.
    private static string Article(string title, string section, IEnumerable<string> authors, IEnumerable<string> tags, IEnumerable<string> demands, string date, string more, string body) =>
        $"""
        ---
        title: {Quoted(title)}
        author: [{string.Join(", ", authors.Select(Quoted))}]
        section: {Quoted(section)}
        date: {date}
        tags: [{string.Join(", ", tags.Select(Quoted))}]
        demands: [{string.Join(", ", demands)}]
        {more}---

        {body}
        """;

    // Text of exactly 'length' characters that starts with 'name' and goes on with the characters escaping
    // lengthens most; slugs leave them out, so the value's address stays short.
    private static string Pad(string name, int length) =>
        (name + " " + string.Concat(Enumerable.Repeat("&\"<", length)))[..length];

    private static string Quoted(string text) => JsonSerializer.Serialize(text, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static long Bytes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    private void WriteBytes(string relative, byte[] bytes)
    {
        var path = Path.Combine(_input, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_input, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(text));
    }

    private (BuildResult Result, TimeSpan Elapsed) Build(bool future = false)
    {
        var clock = Stopwatch.StartNew();
        var result = Builder.Build(new BuildOptions
        {
            InputFolder = _input,
            ThemeFolder = RepositoryPaths.Theme,
            OutputFolder = _output,
            Now = SampleSiteFixture.Now,
            IncludeFuture = future,
            DisplayRoot = _folder.Path,
        });
        return (result, clock.Elapsed);
    }
}
