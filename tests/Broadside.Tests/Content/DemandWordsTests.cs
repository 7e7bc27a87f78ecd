using Broadside.Content;

namespace Broadside.Tests.Content;

public sealed class DemandWordsTests
{
    [Theory]
    [InlineData("Abolish ICE and put the deportation machine's $170 BILLION budget toward housing!", "Abolish ICE!", 2)]
    [InlineData("Eviction moratoriums in all cities invaded by ICE/CBP!", "Eviction moratoriums in all cities!", 2)]
    [InlineData("Cap rents in every city!", "Rent caps in all cities now!", 1)]
    [InlineData("Fare-free transit for all!", "Make all transit fare-free!", 1)]
    [InlineData("Abolish ICE!", "Abolish ICE and CBP!", 0)]
    [InlineData("Unions must refuse all cooperation with ICE!", "Abolish ICE!", 0)]
    [InlineData("Redirect ICE's budget to housing, schools and hospitals!", "Housing for all!", 0)]
    [InlineData("Free buses now!", "Free nurses now!", 0)]
    [InlineData("Tax the rich to fund schools, hospitals and transit!", "Fund public transit!", 0)]
    [InlineData("Hire 500 drivers now!", "Hire 500 nurses now!", 0)]
    public void A_demand_relates_to_another_it_contains_or_shares_most_words_with_not_one_it_shares_a_word_or_two_with(string demand, string other, int expected) =>
        Assert.Equal(expected, DemandWords.Relation(DemandWords.Of(DemandText.Normalize(demand)), DemandWords.Of(DemandText.Normalize(other))));

    [Fact]
    public void Words_that_carry_no_demand_and_plurals_do_not_count()
    {
        var words = DemandWords.Of(DemandText.Normalize("Rent caps in all the cities now!"));

        Assert.Equal(["rent", "caps", "in", "all", "the", "cities", "now"], words.All);
        Assert.Equal(new HashSet<string> { "rent", "cap", "city" }, words.Meaning);
    }
}
