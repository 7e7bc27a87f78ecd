using Broadside.Content;

namespace Broadside.Tests.Content;

public sealed class LanguageTagTests
{
    [Theory]
    [InlineData("es", "es")]
    [InlineData("ES", "es")]
    [InlineData("es-mx", "es-MX")]
    [InlineData("pt-BR", "pt-BR")]
    [InlineData("ar", "ar")]
    public void A_tag_is_named_as_its_culture_names_itself(string tag, string name) =>
        Assert.Equal(name, LanguageTag.Name(tag));

    [Theory]
    [InlineData("es-")]
    [InlineData("xx-nowhere")]
    [InlineData("not a tag")]
    public void A_tag_no_culture_has_has_no_name(string tag) =>
        Assert.Null(LanguageTag.Name(tag));
}
