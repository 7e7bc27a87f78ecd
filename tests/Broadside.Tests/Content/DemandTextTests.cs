using Broadside.Content;

namespace Broadside.Tests.Content;

public sealed class DemandTextTests
{
    [Theory]
    [InlineData("Rent control now!", "rent control now")]
    [InlineData("rent control now", "rent control now")]
    [InlineData("Rent Control Now.", "rent control now")]
    [InlineData("  Rent   control\tnow  ", "rent control now")]
    [InlineData("Don't cut bus service!", "dont cut bus service")]
    [InlineData("Don\u2019t cut bus service", "dont cut bus service")]
    [InlineData("Fare\u2013free transit for all!", "fare-free transit for all")]
    [InlineData("Fare-free transit for all", "fare-free transit for all")]
    [InlineData("\u00A1Abolir ICE!", "abolir ice")]
    [InlineData("\u201CTax the rich\u201D?!", "tax the rich")]
    [InlineData("A 32\u2014hour week.", "a 32-hour week")]
    public void Folds_case_space_quotes_dashes_and_closing_punctuation(string text, string expected) =>
        Assert.Equal(expected, DemandText.Normalize(text));

    [Fact]
    public void Keeps_words_that_differ()
    {
        Assert.NotEqual(DemandText.Normalize("Rent control now!"), DemandText.Normalize("Rent control later!"));
        Assert.NotEqual(DemandText.Normalize("Abolish ICE"), DemandText.Normalize("Abolish ICE and CBP"));
    }

    [Fact]
    public void Punctuation_alone_normalises_to_nothing() => Assert.Equal(string.Empty, DemandText.Normalize(" !!! "));

    [Fact]
    public void A_long_wording_folds_as_a_short_one()
    {
        var words = string.Join(' ', Enumerable.Range(1, 80).Select(i => $"Word{i}"));

        Assert.Equal(words.ToLowerInvariant(), DemandText.Normalize($"\u201C{words.Replace(" ", "   ", StringComparison.Ordinal)}!\u201D"));
    }

    [Fact]
    public void Letters_that_compose_fold_as_the_composed_letter() =>
        Assert.Equal(DemandText.Normalize("Gr\u00E8ve g\u00E9n\u00E9rale!"), DemandText.Normalize("Gre\u0300ve ge\u0301ne\u0301rale"));
}
