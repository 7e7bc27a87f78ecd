using Broadside.Output;

namespace Broadside.Tests.Output;

public sealed class OrdinalOrderTests
{
    [Fact]
    public void Merging_into_a_sorted_list_gives_the_list_sorted_from_nothing()
    {
        var random = new Random(42);
        string Path() => string.Join('/', Enumerable.Range(0, random.Next(1, 4)).Select(_ => "abcXY-é/"[random.Next(8)].ToString() + random.Next(20))) + "/index.html";
        var before = Enumerable.Range(0, 500).Select(_ => Path()).Distinct().ToList();
        var sorted = OrdinalOrder.Merge([], before);
        var removed = before.Where(_ => random.Next(5) == 0).ToHashSet(StringComparer.Ordinal);
        var added = Enumerable.Range(0, 60).Select(_ => Path()).Concat(before.Take(7)).ToList();

        var merged = OrdinalOrder.Merge(sorted, added, path => !removed.Contains(path));

        var expected = before.Where(p => !removed.Contains(p)).Concat(added).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(expected, merged);
    }

    [Fact]
    public void Items_are_ordered_by_what_the_key_makes_of_them() =>
        Assert.Equal(["a/index.html", "a/b/index.html", "ab/index.html"], OrdinalOrder.Merge([], ["ab/index.html", "a/b/index.html", "a/index.html"], by: p => p[..^"index.html".Length]));
}
