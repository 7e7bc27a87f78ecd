using System.Text.Encodings.Web;

namespace Broadside.Output;

/// <summary>
/// Escapes JSON strings as <see cref="JavaScriptEncoder"/> does, but drops every character that may not be
/// published (<see cref="OutputText"/>) rather than writing it as <c>\u001B</c>: a feed reader or a page
/// that shows the value would get the character itself.
/// </summary>
public sealed class JsonTextEncoder : JavaScriptEncoder
{
    private readonly JavaScriptEncoder _inner;

    private JsonTextEncoder(JavaScriptEncoder inner) => _inner = inner;

    /// <summary>For JSON inside HTML: escapes <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and quotes too (<see cref="JavaScriptEncoder.Default"/>).</summary>
    public static JsonTextEncoder ForHtml { get; } = new(JavaScriptEncoder.Default);

    /// <summary>For JSON files, never inlined in HTML: letters of every script stay readable (<see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>).</summary>
    public static JsonTextEncoder ForFiles { get; } = new(UnsafeRelaxedJsonEscaping);

    /// <inheritdoc />
    public override int MaxOutputCharactersPerInputCharacter => _inner.MaxOutputCharactersPerInputCharacter;

    /// <inheritdoc />
    public override bool WillEncode(int unicodeScalar) => OutputText.IsForbidden(unicodeScalar) || _inner.WillEncode(unicodeScalar);

    /// <inheritdoc />
    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength) => OutputText.FindFirstToEncode(_inner, text, textLength);

    /// <inheritdoc />
    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten) =>
        OutputText.TryEncode(_inner, unicodeScalar, buffer, bufferLength, out numberOfCharactersWritten);
}
