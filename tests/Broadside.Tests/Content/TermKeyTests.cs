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

    [Fact]
    public void Keeps_different_punctuation_apart() => Assert.NotEqual(TermKey.Of("a/b"), TermKey.Of("a-b"));
}
