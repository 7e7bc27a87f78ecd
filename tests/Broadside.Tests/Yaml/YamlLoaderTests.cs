using System.Diagnostics;
using Broadside.Diagnostics;
using Broadside.Yaml;
using YamlDotNet.RepresentationModel;

namespace Broadside.Tests.Yaml;

public sealed class YamlLoaderTests
{
    private const string File = "input/articles/a.md";

    // Nine levels of nine aliases each: expanded, a billion copies of "lol".
    private static readonly string BillionLaughs = string.Join(
        "\n",
        new[] { "title: x", "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]" }
            .Concat(Enumerable.Range(1, 8).Select(i =>
            {
                var previous = (char)('a' + i - 1);
                return $"{(char)('a' + i)}: &{(char)('a' + i)} [{string.Join(", ", Enumerable.Repeat("*" + previous, 9))}]";
            }))
            .Append("tags: *i"));

    [Theory]
    [InlineData("title: &t Bus drivers\nsummary: *t", 3, 10, "*t")]
    [InlineData("a: &a [1, *a]", 2, 11, "*a")]
    [InlineData("base: &base {title: x}\nother:\n  <<: *base", 4, 7, "*base")]
    public void An_alias_is_BS0114_at_its_line_and_column(string yaml, int line, int column, string alias)
    {
        var diagnostics = new DiagnosticBag();

        var node = YamlLoader.Load(yaml, File, 1, diagnostics);

        Assert.Null(node);
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.YamlAlias, File, line, column), (diagnostic.Code, diagnostic.File, diagnostic.Line, diagnostic.Column));
        Assert.StartsWith($"the alias '{alias}' repeats a value", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_billion_laughs_is_refused_at_the_first_alias_at_once()
    {
        var diagnostics = new DiagnosticBag();
        var clock = Stopwatch.StartNew();

        var map = YamlMap.Parse(BillionLaughs, File, 1, diagnostics, "front matter");

        Assert.Null(map);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"Took {clock.Elapsed}.");
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.YamlAlias, 4, 8), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void An_anchor_without_an_alias_is_read()
    {
        var diagnostics = new DiagnosticBag();

        var node = YamlLoader.Load("title: &t Bus drivers", File, 0, diagnostics);

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.Equal("Bus drivers", ((YamlScalarNode)((YamlMappingNode)node!).Children[new YamlScalarNode("title")]).Value);
    }

    [Theory]
    [InlineData("author:\n  - : Ana Ruiz\n", 3)]
    [InlineData("title: x\ntags:\n  - : a\n  - b\n", 4)]
    public void A_key_the_document_model_refuses_is_a_located_syntax_error(string yaml, int line)
    {
        var diagnostics = new DiagnosticBag();

        var node = YamlLoader.Load(yaml, File, 1, diagnostics);

        Assert.Null(node);
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.YamlSyntax, line), (diagnostic.Code, diagnostic.Line));
        Assert.StartsWith("this is not valid YAML", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(YamlLoader.MaxDepth, true)]
    [InlineData(YamlLoader.MaxDepth + 1, false)]
    [InlineData(100_000, false)]
    public void Nesting_deeper_than_the_limit_is_refused_where_it_goes_too_deep(int depth, bool accepted)
    {
        var diagnostics = new DiagnosticBag();
        var yaml = "title: x\ntags: " + new string('[', depth - 1) + string.Concat(Enumerable.Repeat("]", depth - 1));

        var node = YamlLoader.Load(yaml, File, 1, diagnostics);

        Assert.Equal(accepted, node is not null);
        if (!accepted)
        {
            var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
            Assert.Equal((DiagnosticCodes.YamlSyntax, 3, 7 + YamlLoader.MaxDepth - 1), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
            Assert.Contains($"nested more than {YamlLoader.MaxDepth} deep", diagnostic.Message, StringComparison.Ordinal);
        }
    }
}
