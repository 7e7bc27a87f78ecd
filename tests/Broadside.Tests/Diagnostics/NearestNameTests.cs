using Broadside.Diagnostics;

namespace Broadside.Tests.Diagnostics;

public sealed class NearestNameTests
{
    private static readonly string[] Keys =
    [
        "title", "author", "section", "date", "tags", "demands", "summary", "slug", "draft",
        "updated", "image", "image_alt", "canonical", "lang", "aliases",
    ];

    [Theory]
    [InlineData("titel", "title")]
    [InlineData("Titel", "title")]
    [InlineData(" TITLE ", "title")]
    [InlineData("athor", "author")]
    [InlineData("authors", "author")]
    [InlineData("sectoin", "section")]
    [InlineData("imagealt", "image_alt")]
    [InlineData("image-alt", "image_alt")]
    [InlineData("updatd", "updated")]
    public void Finds_the_key_a_misspelling_meant(string name, string expected)
    {
        Assert.Equal(expected, NearestName.Find(name, Keys));
    }

    [Theory]
    [InlineData("colour")]
    [InlineData("hero")]
    [InlineData("x")]
    [InlineData("publication_date")]
    public void Finds_nothing_when_no_key_is_close(string name)
    {
        Assert.Null(NearestName.Find(name, Keys));
    }

    [Fact]
    public void Finds_nothing_among_no_candidates()
    {
        Assert.Null(NearestName.Find("title", []));
    }

    [Fact]
    public void Keeps_the_first_of_equally_near_candidates_as_written()
    {
        Assert.Equal("bat", NearestName.Find("cat", ["bat", "hat"]));
        Assert.Equal("hat", NearestName.Find("cat", ["hat", "bat"]));
    }

    [Fact]
    public void Returns_the_candidate_as_written_whatever_the_case_of_the_name()
    {
        Assert.Equal("America/Chicago", NearestName.Find("america/chicgo", ["Europe/Berlin", "America/Chicago"]));
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("title", "title", 0)]
    [InlineData("titel", "title", 1)]
    [InlineData("ab", "ba", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ca", "abc", 3)]
    [InlineData("Title", "title", 1)]
    public void Measures_the_optimal_string_alignment_distance(string a, string b, int expected)
    {
        Assert.Equal(expected, NearestName.Distance(a, b));
        Assert.Equal(expected, NearestName.Distance(b, a));
    }
}
