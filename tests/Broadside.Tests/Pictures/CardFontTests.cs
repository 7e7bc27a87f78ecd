using Broadside.Pictures;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Pictures;

/// <summary>
/// A theme's fonts are drawn from a copy named by their bytes under a family of their own: a card comes out
/// the same whichever copy of the theme a build reads, and after the folder of another copy was deleted.
/// </summary>
public sealed class CardFontTests
{
    [Fact]
    public void A_card_drawn_after_another_copy_of_the_theme_was_deleted_is_byte_for_byte_the_same()
    {
        // A family no machine has installed: only the theme's copies can draw it.
        var font = CardFont.Renamed(File.ReadAllBytes(Path.Combine(RepositoryPaths.Theme, "fonts", "headline.ttf")), "Cardtest" + Guid.NewGuid().ToString("N")[..8].Replace('0', 'z'))!;
        static byte[] Draw(TemporaryFolder theme) => CardImaging.Render(CardStyle.Of(theme.Path)!, "Labor", "Grocery workers vote on strike authorization", "The Commons Dispatch", 80);

        byte[] first;
        using (var one = Theme(font))
        {
            first = Draw(one);
        }

        using var two = Theme(font);
        var second = Draw(two);

        Assert.True(first.AsSpan().SequenceEqual(second), "the card came out otherwise once the first copy of the theme was deleted");
    }

    [Fact]
    public void A_font_is_drawn_from_a_file_outside_the_theme_under_a_family_of_its_own()
    {
        using var theme = Theme(File.ReadAllBytes(Path.Combine(RepositoryPaths.Theme, "fonts", "headline.ttf")));
        var style = CardStyle.Of(theme.Path)!;

        Assert.False(style.HeadlineFont.File.StartsWith(theme.Path, StringComparison.Ordinal));
        Assert.Matches("^Broadside[a-p]{16}$", style.HeadlineFont.Name);
        Assert.Equal(style.HeadlineFont.Name, CardStyle.FontName(File.ReadAllBytes(style.HeadlineFont.File)));
        Assert.NotEqual(style.HeadlineFont.Name, style.TextFont.Name);
    }

    [Fact]
    public void A_renamed_font_keeps_every_other_table_and_a_file_that_is_no_font_is_not_renamed()
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryPaths.Theme, "fonts", "text.ttf"));
        var renamed = CardFont.Renamed(bytes, "Broadsidetest")!;

        Assert.Equal("Broadsidetest", CardStyle.FontName(renamed));
        Assert.Equal("DejaVu Sans Bold", CardStyle.FontName(bytes));
        Assert.True(renamed.AsSpan(0, 12).SequenceEqual(bytes.AsSpan(0, 12)));
        Assert.Null(CardFont.Renamed("not a font at all"u8.ToArray(), "Broadsidetest"));
        Assert.Null(CardFont.Renamed([0, 1, 0, 0, 0, 200], "Broadsidetest"));
    }

    // A copy of the theme whose headline font is the bytes given.
    private static TemporaryFolder Theme(byte[] headline)
    {
        var folder = new TemporaryFolder();
        TemporaryFolder.CopyFolder(Path.Combine(RepositoryPaths.Theme, "fonts"), folder.Combine("fonts"));
        TemporaryFolder.CopyFolder(Path.Combine(RepositoryPaths.Theme, "assets", "css"), folder.Combine("assets", "css"));
        File.WriteAllBytes(folder.Combine("fonts", "headline.ttf"), headline);
        return folder;
    }
}
