using Broadside.Output;

namespace Broadside.Feeds;

/// <summary>
/// Keeps text within what XML 1.0 can carry: control characters and lone surrogates are dropped, and so is
/// everything else that may not be published (<see cref="OutputText"/>).
/// </summary>
public static class XmlText
{
    /// <summary><paramref name="text"/> without the characters XML 1.0 forbids and the others that may not be published.</summary>
    public static string Clean(string text) => OutputText.Drop(text);
}
