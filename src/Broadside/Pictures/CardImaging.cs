using System.Globalization;
using System.Security;
using System.Text;
using NetVips;

namespace Broadside.Pictures;

/// <summary>
/// Draws the social card of an article without a picture: 1200 by 630, in the theme's colours and
/// fonts (<see cref="CardStyle"/>), with a bar of the accent colour, the section, the headline and the
/// publication's name; and the publication's own card, with its name and description.
/// </summary>
public static class CardImaging
{
    private const int Width = Broadside.Configuration.PictureSettings.CardWidth;
    private const int Height = Broadside.Configuration.PictureSettings.CardHeight;
    private const int Margin = 80;

    // Fonts are registered and text laid out by fontconfig and Pango, which two threads starting at once
    // can see differently: text is drawn one piece at a time, so every card comes out the same.
    private static readonly Lock Fonts = new();

    /// <summary>The card's JPEG bytes.</summary>
    /// <param name="style">The theme's colours and fonts.</param>
    /// <param name="kicker">The line above the headline (the section), or empty.</param>
    /// <param name="headline">The headline (the article's title, or the publication's name).</param>
    /// <param name="footer">The line at the foot (the publication's name, or its description), or empty.</param>
    /// <param name="quality">The JPEG quality.</param>
    /// <param name="language">
    /// The text's language tag (<c>en</c>, <c>tr</c>): Pango shapes text by its language, and would
    /// otherwise take the machine's locale, so that one card came out otherwise on another machine.
    /// </param>
    public static byte[] Render(CardStyle style, string kicker, string headline, string footer, int quality, string language = "en")
    {
        if (PictureImaging.WhyUnavailable is { } why)
        {
            throw new InvalidOperationException(why);
        }

        // A card in a language written right to left is laid out from the right.
        var rtl = RightToLeft(language);
        using var background = Image.Black(Width, Height, bands: 3).NewFromImage(Colour(style.Background)).Copy(interpretation: Enums.Interpretation.Srgb).CopyMemory();
        var card = background.Copy();
        try
        {
            Paint(ref card, Image.Black(Width, 14).NewFromImage(255.0), 0, 0, style.Accent);
            if (kicker.Length > 0)
            {
                PaintLine(ref card, Text(kicker.ToUpperInvariant(), language, style.TextFont, 26, Width - (2 * Margin), 60), rtl, 70, style.Accent);
            }

            var size = headline.Length switch
            {
                <= 50 => 66,
                <= 90 => 56,
                <= 140 => 46,
                _ => 38,
            };
            PaintLine(ref card, Text(headline, language, style.HeadlineFont, size, Width - (2 * Margin), 360), rtl, 130, style.Text);
            Paint(ref card, Image.Black(Width - (2 * Margin), 2).NewFromImage(255.0), Margin, 522, style.Muted);
            if (footer.Length > 0)
            {
                PaintLine(ref card, Text(footer, language, style.TextFont, footer.Length > 60 ? 20 : 26, Width - (2 * Margin), 75), rtl, 542, style.Muted);
            }

            return card.JpegsaveBuffer(q: quality, optimizeCoding: true, interlace: true, keep: Enums.ForeignKeep.None);
        }
        finally
        {
            card.Dispose();
        }
    }

    // Text drawn in white on black, clipped to a box: the mask its colour is painted through. Characters
    // no font draws (controls, noncharacters, lone surrogates) are left out; text Pango still refuses is
    // left off the card rather than stopping the build.
    // Pango sets a paragraph of a right-to-left script from the right (it mirrors the alignment): the
    // mask is placed at the right margin (PaintLine).
    private static Image Text(string text, string language, (string File, string Name) font, int size, int width, int height)
    {
        var shown = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned))
            {
                shown.Append(rune.ToString());
            }
        }

        if (shown.ToString().Trim().Length == 0)
        {
            return Image.Black(1, 1);
        }

        try
        {
            lock (Fonts)
            {
                var markup = $"<span lang=\"{SecurityElement.Escape(language)}\">{SecurityElement.Escape(shown.ToString())}</span>";
                using var drawn = Image.Text(markup, font: $"{font.Name} {size}", width: width, fontfile: font.File, wrap: Enums.TextWrap.WordChar, spacing: size / 5);
                using var clipped = drawn.Height > height ? drawn.Crop(0, 0, drawn.Width, height) : drawn.Copy();
                return clipped.CopyMemory();
            }
        }
        catch (VipsException)
        {
            return Image.Black(1, 1);
        }
    }

    // Paints a line of text at the margin its language starts from: the left, or the right for a language written right to left.
    private static void PaintLine(ref Image card, Image mask, bool rtl, int y, (byte R, byte G, byte B) colour) =>
        Paint(ref card, mask, rtl ? Math.Max(Margin, Width - Margin - mask.Width) : Margin, y, colour);

    private static bool RightToLeft(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(language).TextInfo.IsRightToLeft;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    // Paints the colour through the mask (0 to 255) at x, y: only the part of the card under the mask is made again.
    private static void Paint(ref Image card, Image mask, int x, int y, (byte R, byte G, byte B) colour)
    {
        using (mask)
        {
            var (width, height) = (Math.Min(mask.Width, Width - x), Math.Min(mask.Height, Height - y));
            if (width <= 0 || height <= 0)
            {
                return;
            }

            using var under = card.Crop(x, y, width, height);
            using var fitted = mask.Width == width && mask.Height == height ? mask.Copy() : mask.Crop(0, 0, width, height);
            using var painted = fitted.Ifthenelse(Colour(colour), under, blend: true);
            var whole = card.Insert(painted, x, y).CopyMemory();
            card.Dispose();
            card = whole;
        }
    }

    private static double[] Colour((byte R, byte G, byte B) colour) => [colour.R, colour.G, colour.B];
}
