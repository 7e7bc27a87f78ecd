using System.Text.Encodings.Web;
using System.Text.Unicode;
using Broadside.Output;

namespace Broadside.Templates;

/// <summary>
/// Escapes what templates print: what HTML needs escaped, with the letters of every script left as they
/// are. A character that may not be published (<see cref="OutputText"/>) is dropped, never written as a
/// character reference, which HTML forbids as much as the character itself; a carriage return is written
/// as the line feed HTML reads it as.
/// </summary>
public sealed class HtmlTextEncoder : TextEncoder
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private HtmlTextEncoder()
    {
    }

    /// <summary>The one instance; it holds no state.</summary>
    public static HtmlTextEncoder Instance { get; } = new();

    /// <inheritdoc />
    public override int MaxOutputCharactersPerInputCharacter => Html.MaxOutputCharactersPerInputCharacter;

    /// <inheritdoc />
    public override string Encode(string value) => Html.Encode(Clean(value));

    /// <inheritdoc />
    public override void Encode(TextWriter output, string value, int startIndex, int characterCount)
    {
        var part = value.AsSpan(startIndex, characterCount);
        if (OutputText.IndexOfForbidden(part) < 0 && !part.Contains('\r'))
        {
            Html.Encode(output, value, startIndex, characterCount);
        }
        else
        {
            Html.Encode(output, Clean(part.ToString()));
        }
    }

    /// <inheritdoc />
    public override void Encode(TextWriter output, char[] value, int startIndex, int characterCount) =>
        Encode(output, new string(value, startIndex, characterCount), 0, characterCount);

    /// <inheritdoc />
    public override bool WillEncode(int unicodeScalar) => OutputText.IsForbidden(unicodeScalar) || Html.WillEncode(unicodeScalar);

    /// <inheritdoc />
    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength) => OutputText.FindFirstToEncode(Html, text, textLength);

    /// <inheritdoc />
    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten) =>
        OutputText.TryEncode(Html, unicodeScalar == '\r' ? '\n' : unicodeScalar, buffer, bufferLength, out numberOfCharactersWritten);

    private static string Clean(string value)
    {
        var kept = OutputText.Drop(value);
        return kept.Contains('\r') ? kept.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : kept;
    }
}
