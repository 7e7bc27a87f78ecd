using System.Collections.Immutable;
using Broadside.Output;
using Broadside.Templates;
using Broadside.Templates.Views;

namespace Broadside.Tests.Output;

public sealed class KeyBuilderTests
{
    [Fact]
    public void Equal_views_give_equal_keys_and_any_changed_property_another()
    {
        var link = new LinkView("Labor", "labor", "/sections/labor/");

        Assert.Equal(KeyBuilder.Of(link), KeyBuilder.Of(new LinkView("Labor", "labor", "/sections/labor/")));
        Assert.NotEqual(KeyBuilder.Of(link), KeyBuilder.Of(link with { Url = "/sections/work/" }));
        Assert.NotEqual(KeyBuilder.Of(link), KeyBuilder.Of(link with { Name = "labor" }));
    }

    [Fact]
    public void Neighbouring_values_cannot_run_into_each_other()
    {
        Assert.NotEqual(KeyBuilder.Of("ab", "c"), KeyBuilder.Of("a", "bc"));
        Assert.NotEqual(KeyBuilder.Of(ImmutableArray.Create("a"), "b"), KeyBuilder.Of(ImmutableArray.Create("a", "b")));
        Assert.NotEqual(KeyBuilder.Of((string?)null), KeyBuilder.Of(string.Empty));
    }

    [Fact]
    public void A_dictionary_is_hashed_in_key_order_whatever_order_it_was_built_in()
    {
        var forward = ImmutableDictionary<string, object?>.Empty.Add("a", 1).Add("b", "two");
        var backward = ImmutableDictionary<string, object?>.Empty.Add("b", "two").Add("a", 1);

        Assert.Equal(KeyBuilder.Of(forward), KeyBuilder.Of(backward));
        Assert.NotEqual(KeyBuilder.Of(forward), KeyBuilder.Of(forward.SetItem("a", 2)));
    }

    [Fact]
    public void Html_with_a_key_is_hashed_by_its_key_without_being_made()
    {
        var made = 0;
        var html = new RawHtml(() => $"<p>{++made}</p>", key: 42);

        Assert.Equal(KeyBuilder.Of(new RawHtml(() => "other", key: 42)), KeyBuilder.Of(html));
        Assert.NotEqual(KeyBuilder.Of(new RawHtml(() => "other", key: 43)), KeyBuilder.Of(html));
        Assert.Equal(0, made);
        Assert.NotEqual(KeyBuilder.Of(new RawHtml("<p>a</p>")), KeyBuilder.Of(new RawHtml("<p>b</p>")));
    }
}
