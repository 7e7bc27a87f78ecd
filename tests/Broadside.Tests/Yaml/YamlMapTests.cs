using System.Collections.Immutable;
using Broadside.Diagnostics;
using Broadside.Yaml;

namespace Broadside.Tests.Yaml;

public sealed class YamlMapTests
{
    private const string File = "input/articles/a.md";

    [Theory]
    [InlineData("title: [a, b]", "title", "String", "'title' must be text, not a list", 2, 8)]
    [InlineData("title:\n  first: a", "title", "String", "'title' must be text, not a mapping of keys", 3, 3)]
    [InlineData("author: {name: x}", "author", "StringOrList", "'author' must be a list such as [a, b], not a mapping of keys", 2, 9)]
    [InlineData("tags:\n  nested: x", "tags", "StringList", "'tags' must be a list such as [a, b], not a mapping of keys", 3, 3)]
    [InlineData("draft: maybe", "draft", "Bool", "'draft' must be true or false", 2, 8)]
    [InlineData("draft: \"true\"", "draft", "Bool", "'draft' must be true or false", 2, 8)]
    [InlineData("draft: [true]", "draft", "Bool", "'draft' must be true or false", 2, 8)]
    [InlineData("page_size: ten", "page_size", "Int", "'page_size' must be a whole number from 1 to 100", 2, 12)]
    [InlineData("page_size: 2.5", "page_size", "Int", "'page_size' must be a whole number from 1 to 100", 2, 12)]
    [InlineData("page_size: 0", "page_size", "Int", "'page_size' must be a whole number from 1 to 100", 2, 12)]
    [InlineData("page_size: 101", "page_size", "Int", "'page_size' must be a whole number from 1 to 100", 2, 12)]
    [InlineData("summary: x\npage_size: {a: 1}", "page_size", "Int", "'page_size' must be a whole number from 1 to 100", 3, 12)]
    public void Reports_a_value_of_the_wrong_type_at_its_line_and_column(string yaml, string key, string reader, string message, int line, int column)
    {
        var (map, diagnostics) = Parse(yaml);

        var usable = reader switch
        {
            "String" => map.String(key) is not null,
            "StringOrList" => !map.StringOrList(key).IsEmpty,
            "StringList" => !map.StringList(key).IsEmpty,
            "Bool" => map.Bool(key) is not null,
            "Int" => map.Int(key, 1, 100) is not null,
            _ => throw new ArgumentOutOfRangeException(nameof(reader)),
        };

        Assert.False(usable);
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.WrongType, message, File, line, column), diagnostic);
    }

    [Fact]
    public void A_list_item_of_the_wrong_type_is_reported_and_the_others_kept()
    {
        var (map, diagnostics) = Parse("tags:\n  - transit\n  - [a, b]\n  - {c: d}\n  - strikes");

        Assert.Equal(["transit", "strikes"], map.StringList("tags").ToArray());
        Assert.Equal(
            [
                new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.WrongType, "each item of 'tags' must be text, not a list", File, 4, 5),
                new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.WrongType, "each item of 'tags' must be text, not a mapping of keys", File, 5, 5),
            ],
            diagnostics.ToImmutableSorted().ToArray());
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(10, 11)]
    public void Adds_the_line_offset_to_every_line(int lineOffset, int line)
    {
        var (map, diagnostics) = Parse("title: [a]", lineOffset);

        map.String("title");

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal(line, diagnostic.Line);
        Assert.Equal(8, diagnostic.Column);
        Assert.Equal(line, map.LineOf("title"));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("yes", true)]
    [InlineData("on", true)]
    [InlineData("false", false)]
    [InlineData("no", false)]
    [InlineData("OFF", false)]
    public void Reads_booleans(string text, bool expected)
    {
        var (map, diagnostics) = Parse($"draft: {text}");

        Assert.Equal(expected, map.Bool("draft"));
        Assert.Empty(diagnostics.ToImmutableSorted());
    }

    [Fact]
    public void Reads_text_trimmed_and_whole_numbers()
    {
        var (map, diagnostics) = Parse("title: '  Bus drivers walk out  '\npage_size: 25");

        Assert.Equal("Bus drivers walk out", map.String("title"));
        Assert.Equal(25, map.Int("page_size", 1, 100));
        Assert.Empty(diagnostics.ToImmutableSorted());
    }

    [Theory]
    [InlineData("author: Ana Ruiz", "Ana Ruiz")]
    [InlineData("author: [Ana Ruiz, Tomás Berg]", "Ana Ruiz|Tomás Berg")]
    [InlineData("author:\n  - Ana Ruiz\n  - ' Tomás Berg '", "Ana Ruiz|Tomás Berg")]
    [InlineData("author: [Ana Ruiz, '', Tomás Berg]", "Ana Ruiz|Tomás Berg")]
    public void Reads_one_text_or_a_list_of_texts(string yaml, string expected)
    {
        var (map, diagnostics) = Parse(yaml);

        Assert.Equal(expected.Split('|'), map.StringOrList("author", required: true));
        Assert.Equal(expected.Split('|'), map.StringList("author"));
        Assert.Empty(diagnostics.ToImmutableSorted());
    }

    [Theory]
    [InlineData("summary:")]
    [InlineData("summary: ~")]
    [InlineData("summary: null")]
    [InlineData("title: x")]
    public void A_null_or_missing_value_is_absent_without_a_report(string yaml)
    {
        var (map, diagnostics) = Parse(yaml);

        Assert.False(map.Has("summary"));
        Assert.Null(map.Node("summary"));
        Assert.Null(map.String("summary"));
        Assert.Empty(map.StringList("summary"));
        Assert.Null(map.Bool("summary"));
        Assert.Null(map.Int("summary", 0, 10));
        Assert.Empty(diagnostics.ToImmutableSorted());
    }

    [Fact]
    public void A_missing_required_key_is_reported_at_the_start_of_the_mapping()
    {
        var (map, diagnostics) = Parse("\nsummary: x\ndate: 2026-03-14");

        Assert.Null(map.String("title", required: true, hint: "add the headline"));

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal(
            new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.RequiredKeyMissing, "the required key 'title' is missing: add the headline", File, 3, 1),
            diagnostic);
    }

    [Theory]
    [InlineData("title: ''", 8)]
    [InlineData("title: '   '", 8)]
    [InlineData("title: []", 8)]
    public void An_empty_required_value_is_BS0110(string yaml, int column)
    {
        var (map, diagnostics) = Parse(yaml);

        Assert.Empty(map.StringOrList("title", required: true));

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal(DiagnosticCodes.EmptyValue, diagnostic.Code);
        Assert.Equal("'title' is empty: give it a value", diagnostic.Message);
        Assert.Equal((2, column), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void A_duplicate_key_is_BS0109_at_the_second_key()
    {
        var (map, diagnostics) = TryParse("title: a\nsummary: b\ntitle: c\n");

        Assert.Null(map);
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal(
            new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.DuplicateKey, "the key 'title' is written twice: keep one", File, 4, 1),
            diagnostic);
    }

    [Theory]
    [InlineData("summary: x\ntitle: \"unclosed\n", 3, 8, "quoted scalar")]
    [InlineData("title: a: b\n", 2, 9, "found invalid mapping")]
    [InlineData("title: a\n\tsummary: b\n", 2, 8, "tab character")]
    [InlineData("tags: [a, b]]\n", 2, 13, "did not find expected key")]
    public void A_syntax_error_is_BS0103_at_its_location(string yaml, int line, int column, string cause)
    {
        var (map, diagnostics) = TryParse(yaml);

        Assert.Null(map);
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal(DiagnosticCodes.YamlSyntax, diagnostic.Code);
        Assert.True(diagnostic.IsError);
        Assert.Equal((File, line, column), (diagnostic.File, diagnostic.Line, diagnostic.Column));
        Assert.StartsWith("this is not valid YAML (", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains(cause, diagnostic.Message, StringComparison.Ordinal);
        Assert.EndsWith("); check quotes, colons and indentation", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tags: [a, b\nsummary: x\n")]
    [InlineData("tags: {a: b\nsummary: x\n")]
    public void An_unclosed_flow_collection_is_a_syntax_error(string yaml)
    {
        var (map, diagnostics) = TryParse(yaml);

        Assert.Null(map);
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.YamlSyntax, File), (diagnostic.Code, diagnostic.File));
        Assert.InRange(diagnostic.Line, 2, 3);
    }

    [Fact]
    public void Unknown_keys_are_warnings_naming_the_nearest_known_key()
    {
        var (map, diagnostics) = Parse("titel: a\ncolour: red\nzzzzzz: 1\nhero: x\ntitle: b");

        map.WarnUnknownKeys(["title", "color", "summary"], ImmutableHashSet.Create("hero"), " (list it under 'extra_keys')");

        Assert.Equal(
            [
                new Diagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.UnknownKey, "unknown key 'titel': did you mean 'title'?", File, 2, 1),
                new Diagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.UnknownKey, "unknown key 'colour': did you mean 'color'?", File, 3, 1),
                new Diagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.UnknownKey, "unknown key 'zzzzzz' is ignored (list it under 'extra_keys')", File, 4, 1),
            ],
            diagnostics.ToImmutableSorted().ToArray());
        Assert.False(diagnostics.HasErrors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# only a comment\n")]
    [InlineData("~")]
    public void An_empty_document_is_an_empty_map(string yaml)
    {
        var (map, diagnostics) = TryParse(yaml);

        Assert.NotNull(map);
        Assert.Empty(map.Keys);
        Assert.False(map.Has("title"));
        Assert.Empty(diagnostics.ToImmutableSorted());
    }

    [Theory]
    [InlineData("- title: a\n- title: b\n", "a list")]
    [InlineData("just a sentence", "text")]
    public void A_document_that_is_not_a_mapping_is_BS0104(string yaml, string kind)
    {
        var (map, diagnostics) = TryParse(yaml);

        Assert.Null(map);
        Assert.Equal(
            new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.FrontMatterNotMapping, $"the front matter must be a set of 'key: value' lines, not {kind}", File, 2, 1),
            Assert.Single(diagnostics.ToImmutableSorted()));
    }

    [Fact]
    public void Keys_are_listed_in_the_order_written()
    {
        var (map, _) = Parse("title: a\ndate: 2026-03-14\nauthor: b");

        Assert.Equal(["title", "date", "author"], map.Keys);
    }

    [Fact]
    public void A_key_that_is_not_a_name_is_reported()
    {
        var (_, diagnostics) = TryParse("title: a\n[x, y]: b\n");

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal(DiagnosticCodes.WrongType, diagnostic.Code);
        Assert.Equal("a key must be a plain name such as 'title'", diagnostic.Message);
        Assert.Equal((3, 1), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Plain_values_keep_text_lists_and_mappings()
    {
        var (map, _) = Parse("hero: banner.jpg\ncredits: [Ana, ~]\nbox: {color: red}\nunused: 1");

        var values = map.PlainValues(["hero", "credits", "box", "absent"]);

        Assert.Equal(["box", "credits", "hero"], values.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("banner.jpg", values["hero"]);
        Assert.Equal(["Ana", null], Assert.IsType<ImmutableArray<object?>>(values["credits"]).ToArray());
        var box = Assert.IsType<ImmutableDictionary<string, object?>>(values["box"]);
        Assert.Equal("red", box["color"]);
    }

    [Theory]
    [InlineData("title: \"Rent\\x1Bcontrol\"", "Rent control", "U+001B")]
    [InlineData("title: \"\\0Rent control\\e\"", "Rent control", "U+0000, U+001B")]
    [InlineData("title: \"Rent\\u0085\\u009F\\uFFFEcontrol \\x7F\"", "Rent control", "U+0085, U+009F, U+FFFE, U+007F")]
    [InlineData("title: \"Rent\\U0010FFFFcontrol\"", "Rent control", "U+10FFFF")]
    [InlineData("title: 'Rent\u0007control'", "Rent control", "U+0007")]
    [InlineData("title: Rent\u0001control", "Rent control", "U+0001")]
    public void Characters_no_page_may_hold_are_removed_with_one_BS0116_warning_at_the_value(string yaml, string expected, string characters)
    {
        var (map, diagnostics) = Parse(yaml);

        Assert.Equal(expected, map.String("title"));
        var warning = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticSeverity.Warning, DiagnosticCodes.ControlCharacter, 2, 8), (warning.Severity, warning.Code, warning.Line, warning.Column));
        Assert.Contains($"({characters})", warning.Message, StringComparison.Ordinal);
        Assert.Contains("removed", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_item_and_nested_value_with_such_characters_is_reported_at_its_own_line()
    {
        var (map, diagnostics) = Parse("tags:\n  - \"a\\x1Bb\"\n  - fine\n  - \"\\x00\"\nhero:\n  caption: [\"x\\x1By\"]\n");

        Assert.Equal(["a b", "fine"], map.StringList("tags").ToArray());
        Assert.Equal("x y", ((ImmutableArray<object?>)((ImmutableDictionary<string, object?>)map.PlainValues(["hero"])["hero"]!)["caption"]!)[0]);
        Assert.Equal(
            [(3, DiagnosticCodes.ControlCharacter), (5, DiagnosticCodes.ControlCharacter), (7, DiagnosticCodes.ControlCharacter)],
            diagnostics.ToImmutableSorted().Select(d => (d.Line, d.Code)));
    }

    [Fact]
    public void A_required_value_of_nothing_but_such_characters_is_empty()
    {
        var (map, diagnostics) = Parse("title: \"\\x1B\\x00\"");

        Assert.Null(map.String("title", required: true));
        Assert.Equal([DiagnosticCodes.EmptyValue, DiagnosticCodes.ControlCharacter], diagnostics.ToImmutableSorted().Select(d => d.Code).Order());
    }

    [Theory]
    [InlineData("title: 12345", 5, "12345")]
    [InlineData("title: 123456", 5, "12345")]
    [InlineData("title: \"1234\\x1B\"", 4, "1234")]
    public void Text_longer_than_its_limit_is_BS0115_and_cut_to_it(string yaml, int maxLength, string expected)
    {
        var (map, diagnostics) = Parse(yaml);

        Assert.Equal(expected, map.String("title", maxLength: maxLength));
        var errors = diagnostics.ToImmutableSorted().Where(d => d.IsError).ToList();
        if (yaml.Contains("123456", StringComparison.Ordinal))
        {
            var error = Assert.Single(errors);
            Assert.Equal((DiagnosticCodes.LimitExceeded, 2, 8, "'title' ('123456') is 6 characters long, more than the 5 it may have: shorten it"), (error.Code, error.Line, error.Column, error.Message));
        }
        else
        {
            Assert.Empty(errors);
        }
    }

    [Fact]
    public void A_list_item_longer_than_its_limit_is_reported_and_cut()
    {
        var (map, diagnostics) = Parse("tags: [short, a very long tag indeed, also short]");

        Assert.Equal(["short", "a very lon", "also short"], map.StringList("tags", maxLength: 10).ToArray());
        var error = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.LimitExceeded, 2, 15), (error.Code, error.Line, error.Column));
        Assert.Equal("the item 'a very long tag indeed' of 'tags' is 22 characters long, more than the 10 it may have: shorten it", error.Message);
    }

    [Fact]
    public void Items_past_the_limit_of_a_list_are_BS0115_at_the_first_of_them_and_left_out()
    {
        var (map, diagnostics) = Parse("tags:\n  - a\n  -\n  - b\n  - c\n  - d\n");

        Assert.Equal(["a", "b"], map.StringList("tags", limit: new ListLimit(2, "one article", "limits: tags")).ToArray());
        var error = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.LimitExceeded, 6, 5), (error.Code, error.Line, error.Column));
        Assert.Equal("'tags' has 5 items, more than the 2 one article may have; this is the first past the limit: keep the 2 that matter most, or raise 'limits: tags' in site.yml", error.Message);
    }

    [Fact]
    public void A_list_within_its_limit_is_read_whole()
    {
        var (map, diagnostics) = Parse("author: [a, b]");

        Assert.Equal(["a", "b"], map.StringOrList("author", limit: new ListLimit(2, "one article", "limits: authors")).ToArray());
        Assert.Empty(diagnostics.ToImmutableSorted());
    }

    private static (YamlMap Map, DiagnosticBag Diagnostics) Parse(string yaml, int lineOffset = 1)
    {
        var (map, diagnostics) = TryParse(yaml, lineOffset);
        Assert.NotNull(map);
        return (map, diagnostics);
    }

    private static (YamlMap? Map, DiagnosticBag Diagnostics) TryParse(string yaml, int lineOffset = 1)
    {
        var diagnostics = new DiagnosticBag();
        return (YamlMap.Parse(yaml, File, lineOffset, diagnostics, "front matter"), diagnostics);
    }
}
