using System.Text;
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

    /// <summary>
    /// <paramref name="html"/>, a body a feed carries, without what <see cref="Clean"/> drops and without
    /// references to such characters (<c>&amp;#x1B;</c>), which the reader's HTML parser would turn back into them.
    /// </summary>
    public static string CleanHtml(string html) =>
        (html.Contains("&#", StringComparison.Ordinal) || OutputText.IndexOfForbidden(html) >= 0)
        && OutputText.CleanHtml(Encoding.UTF8.GetBytes(html)) is { } cleaned
            ? Encoding.UTF8.GetString(cleaned)
            : html;
}
