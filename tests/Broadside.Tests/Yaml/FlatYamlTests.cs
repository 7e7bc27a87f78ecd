using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Tests.TestSupport;
using Broadside.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Broadside.Tests.Yaml;

/// <summary>
/// The flat reader must give exactly YamlDotNet's events and positions for what it reads, and decline
/// what it cannot: every case here is checked against YamlDotNet's own parser.
/// </summary>
public sealed class FlatYamlTests
{
    [Theory]
    [InlineData("title: Bus drivers walk out\nsection: Labor")]
    [InlineData("title: \"Bus drivers: walk out\"\nauthor: 'Ana''s friend'")]
    [InlineData("title: \"Say \\\"no\\\" to \\\\ cuts\"")]
    [InlineData("tags: [transit, strikes, \"a, b\", 'c']\ndate: 2026-03-14")]
    [InlineData("tags: []\nauthors: [ Ana Ruiz ,Tomás Berg ]")]
    [InlineData("tags:\n  - transit\n  - \"strikes\"\n  - 'rent'\ntitle: x")]
    [InlineData("tags:\n- transit\n- strikes\ntitle: x")]
    [InlineData("tags:\n  # a comment\n  - transit\n\n  - strikes")]
    [InlineData("date: 2026-03-14  # or a time\ntitle: C# for unions # comment")]
    [InlineData("title: https://example.org/a?b=c#frag\nslug: a-b")]
    [InlineData("# a comment first\n\ntitle: x\n")]
    [InlineData("draft: true\nweight: 3\nsummary: ~\nimage: null")]
    [InlineData("title: Забастовка 漢字 🏳️‍🌈\nsection: Мир")]
    [InlineData("title: Workers' rights, \"now\"\nsection: Labor")]
    [InlineData("title:   spaced out   \nsection: x   ")]
    [InlineData("image_alt: People at a picket\ncanonical: https://example.org/a/")]
    [InlineData("tags: [a]  # the only one\nx: y")]
    [InlineData("title: x\ntitle: y")]
    public void It_reads_flat_front_matter_as_YamlDotNet_does(string yaml)
    {
        var flat = FlatYaml.TryRead(yaml);

        Assert.NotNull(flat);
        AssertSameEvents(yaml, flat);
    }

    [Theory]
    [InlineData("title: x\n  continued")]
    [InlineData("summary: >\n  folded text")]
    [InlineData("summary: |\n  literal text")]
    [InlineData("title: \"two\n  lines\"")]
    [InlineData("title: \"tab\\tescape\"")]
    [InlineData("title:\tx")]
    [InlineData("title: x\r\nsection: y")]
    [InlineData("demands:\n  - id: free-transit\n  - \"Hire drivers!\"")]
    [InlineData("demands:\n  - \"Hire drivers!\"\n  - id: free-transit")]
    [InlineData("author: {name: Ana}")]
    [InlineData("title: &t x\nsummary: *t")]
    [InlineData("title: !!str 3")]
    [InlineData("title: a: b")]
    [InlineData("title: a:")]
    [InlineData("title: [a, [b]]")]
    [InlineData("title: [a, b")]
    [InlineData("title: [a, , b]")]
    [InlineData("title: [a: b]")]
    [InlineData("title: \"x\" y")]
    [InlineData("title: 'x' y")]
    [InlineData("title: \"unclosed")]
    [InlineData("tags:\n  - a\n    - b")]
    [InlineData("tags:\n  - a\n   - b")]
    [InlineData("tags:\ntitle: x")]
    [InlineData("tags:")]
    [InlineData("- a\n- b")]
    [InlineData("title: x\n- a")]
    [InlineData("---\ntitle: x")]
    [InlineData("%YAML 1.2\n---\ntitle: x")]
    [InlineData("\"quoted key\": x")]
    [InlineData("title: -x")]
    [InlineData("title: x\n  nested: y")]
    [InlineData("a:\n  b: c")]
    [InlineData("")]
    [InlineData("# only a comment")]
    [InlineData("title: x\u0085y")]
    [InlineData("title: \uFEFFx")]
    public void It_leaves_everything_else_to_YamlDotNet(string yaml)
    {
        var flat = FlatYaml.TryRead(yaml);

        Assert.Null(flat);
    }

    [Fact]
    public void The_sample_publication_and_every_fixture_read_the_same_either_way()
    {
        var files = Directory.EnumerateFiles(RepositoryPaths.Input, "*.md", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.md", SearchOption.AllDirectories))
            .ToList();
        var read = 0;
        foreach (var file in files)
        {
            var split = FrontMatterSplitter.Split(File.ReadAllText(file), file, new DiagnosticBag());
            if (split is not null && FlatYaml.TryRead(split.Yaml) is { } flat)
            {
                AssertSameEvents(split.Yaml, flat, file);
                read++;
            }
        }

        // The sample's articles are of the flat form, save those that name a demand of demands.yml by id.
        Assert.True(read > files.Count / 2, $"only {read} of {files.Count} files were read by the flat reader");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Fuzzed_front_matter_is_read_the_same_or_declined(int seed)
    {
        var fuzzer = new ArticleFuzzer(seed);
        var read = 0;
        for (var i = 0; i < 2000; i++)
        {
            var text = fuzzer.Next();
            var split = FrontMatterSplitter.Split(text, "a.md", new DiagnosticBag());
            if (split is not null && FlatYaml.TryRead(split.Yaml) is { } flat)
            {
                AssertSameEvents(split.Yaml, flat, $"seed {seed}, case {i}");
                read++;
            }
        }

        // Mutations that keep the text flat (a letter dropped, a word added) are read, not all declined.
        Assert.InRange(read, 100, 2000);
    }

    private static void AssertSameEvents(string yaml, List<ParsingEvent> flat, string? what = null)
    {
        var expected = new List<ParsingEvent>();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            while (parser.MoveNext())
            {
                expected.Add(parser.Current!);
            }
        }
        catch (YamlException ex)
        {
            Assert.Fail($"{what}: the flat reader read what YamlDotNet refuses ({ex.Message}):\n{yaml}");
        }

        Assert.Equal(Describe(expected), Describe(flat));
    }

    // What the document model and the diagnostics take from each event: its kind, style, value and
    // where it starts (line and column; the end and the stream's own events carry nothing used).
    private static string[] Describe(List<ParsingEvent> events) =>
    [
        .. events.Select(e => e switch
        {
            Scalar s => $"scalar {s.Style} {s.IsPlainImplicit} {s.IsQuotedImplicit} [{s.Value}] at {s.Start.Line}:{s.Start.Column}",
            SequenceStart s => $"sequence {s.Style} at {s.Start.Line}:{s.Start.Column}",
            MappingStart m => $"mapping {m.Style} at {m.Start.Line}:{m.Start.Column}",
            _ => e.GetType().Name,
        }),
    ];
}
