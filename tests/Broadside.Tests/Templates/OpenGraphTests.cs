using Broadside.Templates.Views;

namespace Broadside.Tests.Templates;

public sealed class OpenGraphTests
{
    [Theory]
    [InlineData("en", "en_US")]
    [InlineData("es", "es_ES")]
    [InlineData("ar", "ar_SA")]
    [InlineData("fr", "fr_FR")]
    [InlineData("pt-BR", "pt_BR")]
    [InlineData("es-MX", "es_MX")]
    [InlineData("en-GB", "en_GB")]
    public void A_language_tag_becomes_a_locale_with_its_territory(string lang, string locale) =>
        Assert.Equal(locale, OpenGraph.Locale(lang));

    [Fact]
    public void A_tag_no_culture_knows_is_kept_with_an_underscore() =>
        Assert.Equal("qq_zz_x", OpenGraph.Locale("qq-zz-x"));
}
