using System.Globalization;

namespace Broadside.Content;

/// <summary>The language tags an article's <c>lang:</c> may hold, read one way wherever they are written.</summary>
public static class LanguageTag
{
    /// <summary>
    /// The name of the predefined culture <paramref name="tag"/> names, as the build keeps it
    /// (<c>es-mx</c> is <c>es-MX</c>); null when no culture has that name.
    /// </summary>
    public static string? Name(string tag)
    {
        try
        {
            return CultureInfo.GetCultureInfo(tag, predefinedOnly: true).Name;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
