using System.Collections.Immutable;
using Broadside.Markdown;
using Broadside.Templates;
using Broadside.Templates.Views;

namespace Broadside.Tests.Templates;

/// <summary>The table of contents a long article gets (<see cref="ViewFactory.Contents"/>).</summary>
public sealed class ContentsTests
{
    private static readonly ImmutableArray<Heading> Four =
        [new(2, "a", "A"), new(3, "a1", "A one"), new(3, "a2", "A two"), new(2, "b", "B")];

    [Fact]
    public void Lists_each_level_two_heading_with_the_level_three_headings_under_it()
    {
        var contents = ViewFactory.Contents(Four, toc: null);

        Assert.Equal(["#a", "#b"], contents.Select(e => e.Url));
        Assert.Equal([("A one", "#a1"), ("A two", "#a2")], contents[0].Children.Select(c => (c.Text, c.Url)));
        Assert.Empty(contents[1].Children);
    }

    [Fact]
    public void A_level_three_heading_before_any_level_two_stands_on_its_own()
    {
        ImmutableArray<Heading> headings = [new(3, "x", "X"), new(2, "a", "A"), new(2, "b", "B"), new(2, "c", "C")];

        Assert.Equal(["#x", "#a", "#b", "#c"], ViewFactory.Contents(headings, toc: null).Select(e => e.Url));
    }

    [Fact]
    public void A_short_article_has_none_unless_its_front_matter_asks_for_one()
    {
        var three = Four[..3];

        Assert.Equal(ViewFactory.ContentsHeadings, Four.Length);
        Assert.Empty(ViewFactory.Contents(three, toc: null));
        Assert.Single(ViewFactory.Contents(three, toc: true));
        Assert.Empty(ViewFactory.Contents(Four[..1], toc: true));
    }

    [Fact]
    public void Toc_false_turns_it_off_however_long_the_article() =>
        Assert.Empty(ViewFactory.Contents([.. Four, .. Four], toc: false));
}
