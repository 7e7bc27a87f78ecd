using Broadside.Content;

namespace Broadside.Tests.Content;

/// <summary>A demand's headline is its first sentence; abbreviations and amounts end none.</summary>
public sealed class DemandHeadlineTests
{
    [Theory]
    [InlineData("Abolish ICE!", "Abolish ICE!", "")]
    [InlineData(
        "ICE out of Minnesota and everywhere! We need bigger, stronger, and deeper strike action to shut down Trump and ICE!",
        "ICE out of Minnesota and everywhere!",
        "We need bigger, stronger, and deeper strike action to shut down Trump and ICE!")]
    [InlineData(
        "Get the U.S. out of the Middle East now! No more money for war.",
        "Get the U.S. out of the Middle East now!",
        "No more money for war.")]
    [InlineData(
        "Abolish ICE and put the deportation machine's $170 BILLION. Toward housing and schools instead.",
        "Abolish ICE and put the deportation machine's $170 BILLION. Toward housing and schools instead.",
        "")]
    [InlineData("Eviction moratoriums in all cities invaded by ICE/CBP! No one should lose a home to a raid.", "Eviction moratoriums in all cities invaded by ICE/CBP!", "No one should lose a home to a raid.")]
    [InlineData("Free Dr. King's heirs from debt? No: cancel all student debt. Now.", "Free Dr. King's heirs from debt?", "No: cancel all student debt. Now.")]
    [InlineData("¡Abajo la migra! Exigimos papeles para todos.", "¡Abajo la migra!", "Exigimos papeles para todos.")]
    [InlineData("\"Hands off our unions!\" The bosses will not divide us.", "\"Hands off our unions!\"", "The bosses will not divide us.")]
    [InlineData("Rent control now!!! Landlords have had their way for too long.", "Rent control now!!!", "Landlords have had their way for too long.")]
    [InlineData("Raise wages to $25 an hour. that is what the union asks", "Raise wages to $25 an hour. that is what the union asks", "")]
    [InlineData("取消所有医疗债务。我们要免费医疗。", "取消所有医疗债务。", "我们要免费医疗。")]
    public void The_headline_is_the_first_sentence(string text, string headline, string explanation) =>
        Assert.Equal((headline, explanation), DemandHeadline.Split(text));

    [Fact]
    public void A_long_first_sentence_is_cut_at_its_first_clause_or_kept_whole()
    {
        var clause = "Public ownership of the grid; every line worker, meter technician and plant operator rehired at union rates, with back pay for every day of the lockout and no retaliation against anyone who struck.";
        var whole = new string('a', 60) + " " + new string('b', 60) + " " + new string('c', 60) + " and more words without a break at all.";

        Assert.Equal(("Public ownership of the grid", clause["Public ownership of the grid; ".Length..]), DemandHeadline.Split(clause));
        Assert.Equal((whole, string.Empty), DemandHeadline.Split(whole));
    }
}
