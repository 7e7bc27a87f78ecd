using Broadside.Content;

namespace Broadside.Tests.Content;

public sealed class TermKeyTests
{
    [Theory]
    [InlineData("Strikes", "strikes")]
    [InlineData("strikes ", "strikes")]
    [InlineData("  General   Strike ", "general strike")]
    [InlineData("Grève", "grève")]
    public void Folds_case_and_spacing(string name, string expected) => Assert.Equal(expected, TermKey.Of(name));

    [Theory]
    [InlineData("strikes")]
    [InlineData("general strike")]
    [InlineData("rent-control")]
    [InlineData("1968")]
    public void A_name_written_as_its_key_is_its_own_key(string name) => Assert.Same(name, TermKey.Of(name));

    [Theory]
    [InlineData("general  strike", "general strike")]
    [InlineData("general\tstrike", "general strike")]
    [InlineData(" strikes", "strikes")]
    [InlineData("strikes\n", "strikes")]
    [InlineData("strikeS", "strikes")]
    [InlineData("gre\u0300ve", "gr\u00E8ve")]
    public void A_name_almost_written_as_a_key_is_still_folded(string name, string expected) => Assert.Equal(expected, TermKey.Of(name));

    [Fact]
    public void Keeps_different_punctuation_apart() => Assert.NotEqual(TermKey.Of("a/b"), TermKey.Of("a-b"));
}
