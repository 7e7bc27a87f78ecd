using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using System.Text.RegularExpressions;
using Broadside.Output;

namespace Broadside.Pictures;

/// <summary>
/// How the social cards of articles without a picture look: the theme's colours (<c>--bg</c>,
/// <c>--text</c>, <c>--accent</c>, <c>--muted</c> of its stylesheet's first rule) and the fonts it
/// ships in <c>fonts/</c> (<c>headline.ttf</c> for the headline, <c>text.ttf</c> for the rest), so
/// that every machine draws the same card.
/// </summary>
public sealed partial record CardStyle
{
    /// <summary>The background.</summary>
    public required (byte R, byte G, byte B) Background { get; init; }

    /// <summary>The headline's colour.</summary>
    public required (byte R, byte G, byte B) Text { get; init; }

    /// <summary>The section's colour and the bar's.</summary>
    public required (byte R, byte G, byte B) Accent { get; init; }

    /// <summary>The publication's name's colour.</summary>
    public required (byte R, byte G, byte B) Muted { get; init; }

    /// <summary>The headline's font file and the family Pango is asked for (<see cref="CardFont"/>).</summary>
    public required (string File, string Name) HeadlineFont { get; init; }

    /// <summary>The other text's font file and its family.</summary>
    public required (string File, string Name) TextFont { get; init; }

    /// <summary>A hash of everything a card's look depends on: the colours and the fonts' bytes.</summary>
    public required Hash128 Key { get; init; }

    /// <summary>The style of the theme in <paramref name="themeFolder"/>; null when it ships no fonts for cards.</summary>
    public static CardStyle? Of(string themeFolder)
    {
        var headline = Path.Combine(themeFolder, "fonts", "headline.ttf");
        var text = Path.Combine(themeFolder, "fonts", "text.ttf");
        if (!File.Exists(headline) || !File.Exists(text))
        {
            return null;
        }

        try
        {
            var css = Directory.Exists(Path.Combine(themeFolder, "assets", "css"))
                ? string.Join('\n', Directory.EnumerateFiles(Path.Combine(themeFolder, "assets", "css"), "*.css").Order(StringComparer.Ordinal).Select(File.ReadAllText))
                : string.Empty;
            (byte, byte, byte) Colour(string name, (byte, byte, byte) fallback) =>
                Variable(css, name) is { } found ? found : fallback;
            var (headlineBytes, textBytes) = (File.ReadAllBytes(headline), File.ReadAllBytes(text));
            var style = new CardStyle
            {
                Background = Colour("bg", (253, 252, 250)),
                Text = Colour("text", (26, 26, 26)),
                Accent = Colour("accent", (164, 22, 26)),
                Muted = Colour("muted", (90, 90, 90)),
                HeadlineFont = CardFont.Prepare(headlineBytes, headline, "Serif Bold"),
                TextFont = CardFont.Prepare(textBytes, text, "Sans Bold"),
                Key = default,
            };
            var key = new KeyBuilder().Add("card/1").Add(Hash128.Of(headlineBytes)).Add(Hash128.Of(textBytes))
                .Add(style.Background.ToString()).Add(style.Text.ToString()).Add(style.Accent.ToString()).Add(style.Muted.ToString()).Finish();
            return style with { Key = key };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // The first value of a colour variable (--name: #rrggbb or #rgb): the light scheme, which comes first.
    private static (byte, byte, byte)? Variable(string css, string name)
    {
        var match = Regex.Match(css, $@"--{Regex.Escape(name)}\s*:\s*#(?<hex>[0-9a-fA-F]{{6}}|[0-9a-fA-F]{{3}})\b");
        if (!match.Success)
        {
            return null;
        }

        var hex = match.Groups["hex"].Value;
        if (hex.Length == 3)
        {
            hex = string.Concat(hex.Select(c => $"{c}{c}"));
        }

        return (Convert.ToByte(hex[..2], 16), Convert.ToByte(hex[2..4], 16), Convert.ToByte(hex[4..], 16));
    }

    /// <summary>The full name of the font in a TrueType or OpenType file (its name table's family and style), or null.</summary>
    internal static string? FontName(ReadOnlySpan<byte> font)
    {
        if (font.Length < 12)
        {
            return null;
        }

        var tables = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        for (var i = 0; i < tables && 12 + (16 * (i + 1)) <= font.Length; i++)
        {
            var record = font.Slice(12 + (16 * i), 16);
            if (!record[..4].SequenceEqual("name"u8))
            {
                continue;
            }

            var at = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            if (at + 6 > font.Length)
            {
                return null;
            }

            var table = font[at..];
            var count = BinaryPrimitives.ReadUInt16BigEndian(table[2..]);
            var strings = BinaryPrimitives.ReadUInt16BigEndian(table[4..]);
            string? family = null, style = null;
            for (var n = 0; n < count && 6 + (12 * (n + 1)) <= table.Length; n++)
            {
                var entry = table.Slice(6 + (12 * n), 12);
                var (platform, nameId) = (BinaryPrimitives.ReadUInt16BigEndian(entry), BinaryPrimitives.ReadUInt16BigEndian(entry[6..]));
                var (length, offset) = (BinaryPrimitives.ReadUInt16BigEndian(entry[8..]), BinaryPrimitives.ReadUInt16BigEndian(entry[10..]));
                if (platform != 3 || nameId is not (1 or 2) || strings + offset + length > table.Length)
                {
                    continue;
                }

                var value = Encoding.BigEndianUnicode.GetString(table.Slice(strings + offset, length));
                (family, style) = nameId == 1 ? (family ?? value, style) : (family, style ?? value);
            }

            return family is null ? null : style is null or "Regular" or "Book" ? family : $"{family} {style}";
        }

        return null;
    }
}
