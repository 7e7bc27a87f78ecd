namespace Broadside.Content;

/// <summary>
/// Addresses as browsers read them, to refuse those that run code when followed or loaded:
/// <c>javascript:</c>, <c>vbscript:</c>, and <c>data:</c> other than an image. A browser ignores
/// spaces and control characters before an address and tabs and line breaks anywhere in it, so
/// <c>" java&#9;script:alert(1)"</c> is read as <c>javascript:</c> here too.
/// </summary>
public static class LinkSafety
{
    /// <summary>The scheme of <paramref name="url"/> in lower case (<c>https</c>, <c>javascript</c>), or null for a relative address.</summary>
    public static string? Scheme(string url)
    {
        var start = 0;
        while (start < url.Length && url[start] <= ' ')
        {
            start++;
        }

        Span<char> scheme = stackalloc char[32];
        var length = 0;
        for (var i = start; i < url.Length; i++)
        {
            var c = url[i];
            if (c is '\t' or '\n' or '\r')
            {
                continue;
            }

            if (c == ':')
            {
                return length == 0 ? null : new string(scheme[..length]);
            }

            var valid = char.IsAsciiLetter(c) || (length > 0 && (char.IsAsciiDigit(c) || c is '+' or '-' or '.'));
            if (!valid || length == scheme.Length)
            {
                return null;
            }

            scheme[length++] = char.ToLowerInvariant(c);
        }

        return null;
    }

    /// <summary>
    /// True when following or loading <paramref name="url"/> runs code. A <c>data:image/…</c> address is
    /// safe where <paramref name="image"/> says it is loaded as an image (<c>img src</c>).
    /// </summary>
    public static bool RunsCode(string url, bool image = false) => Scheme(url) switch
    {
        "javascript" or "vbscript" => true,
        "data" => !image || !IsImageData(url),
        _ => false,
    };

    /// <summary>
    /// Why <paramref name="text"/> cannot be a picture's address (front matter's <c>image</c>, a
    /// profile's <c>picture</c>), or null when it can: a path on the site, or an http(s) address.
    /// </summary>
    public static string? ImageProblem(string text)
    {
        var scheme = Scheme(text);
        if (scheme is "javascript" or "vbscript" or "data")
        {
            return $"'{text}' would run a script or carry a file inside the address: save the picture under media/ and write its path, such as /media/2026/photo.jpg";
        }

        if (scheme is not null && scheme is not ("http" or "https"))
        {
            return $"'{text}' is not an image address: use a path such as /media/2026/photo.jpg or an https:// address";
        }

        return scheme is null && text.Split('/', '\\').Any(part => part == "..")
            ? $"'{text}' climbs out of the site with '..': use a path from the site root such as /media/2026/photo.jpg"
            : null;
    }

    private static bool IsImageData(string url)
    {
        var compact = string.Concat(url.Where(c => c is not ('\t' or '\n' or '\r'))).TrimStart();
        return compact.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase);
    }
}
