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

    public static TheoryData<object> Views => new()
    {
        new PaginationView
        {
            Number = 2, Count = 3, Total = 25, PrevUrl = "/a/", NextUrl = "/a/page/3/",
            Pages = [new PageNumberView(1, "/a/", false), new PageNumberView(0, string.Empty, false, Gap: true), new PageNumberView(2, "/a/page/2/", true)],
        },
        new TermsView("tag", "Topics", [new TermSummaryView("Strikes", "/tags/strikes/", 12, string.Empty)]),
        new DemandOrderView("Most raised", "/demands/most-raised/", true),
        new TopicView("Housing", []),
    };

    [Theory]
    [MemberData(nameof(Views))]
    public void A_view_read_through_its_getters_is_keyed_as_read_through_reflection(object view)
    {
        // A record's key read through reflection: its type, then each public property in name order,
        // numbers and truth values as 64-bit numbers, lists bracketed.
        static void Reflected(KeyBuilder key, object? value)
        {
            switch (value)
            {
                case null: key.Add(-1L); return;
                case string text: key.Add(text); return;
                case int number: key.Add(number); return;
                case bool flag: key.Add(flag ? 1 : 0); return;
                case System.Collections.IEnumerable items:
                    key.Add(-2L);
                    foreach (var item in items)
                    {
                        Reflected(key, item);
                    }

                    key.Add(-3L);
                    return;
            }

            key.Add(value.GetType().FullName);
            foreach (var property in value.GetType().GetProperties().Where(p => p.Name != "EqualityContract").OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                Reflected(key, property.GetValue(value));
            }
        }

        var expected = new KeyBuilder();
        Reflected(expected, view);

        Assert.Equal(expected.Finish(), KeyBuilder.Of(view));
    }
}
