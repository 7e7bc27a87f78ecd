using System.Buffers;
using System.Globalization;
using System.Text;
using Broadside.Diagnostics;
using Broadside.Output;

namespace Broadside.Content;

/// <summary>
/// What an alias (an old URL an article or page keeps working) may be: one path of this site, written
/// as an address shows it. It may leave out the leading <c>/</c>. Percent-escapes stand for the
/// characters they encode (<c>/caf%C3%A9/</c> and <c>/café/</c> are one alias, published at
/// <c>café/index.html</c>), so a space is written <c>%20</c>. Refused: control, invisible and white-space
/// characters, <c>?</c> and <c>#</c> (a query or fragment, which a static host cannot redirect on), a
/// backslash, a <c>%</c> that starts no escape, escapes that are not UTF-8 or that stand for <c>/</c>,
/// characters some file systems cannot hold in a name (<c>* : &lt; &gt; " |</c>), an address on
/// another site (<c>//host/</c>, <c>https://…</c>), the home page, anything
/// <see cref="OutputPath.Problem"/> refuses (<c>.</c> and <c>..</c> segments, hidden names such as
/// <c>.htaccess</c> or <c>.well-known/</c>, names too long) and the names of <see cref="ReservedPaths"/>.
/// </summary>
public static class AliasPath
{
    /// <summary>What an alias may be, for messages.</summary>
    public const string What = "an alias is one old path of this site, as the address bar shows it, such as /2019/old-name/";

    // Characters that reorder or hide text: a path with one looks like another path.
    private static readonly SearchValues<char> Invisible = SearchValues.Create(
        "\u061C\u200B\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2060\u2066\u2067\u2068\u2069\uFEFF");

    // Windows cannot hold these in a name, and Netlify reads '*' and ':' in a rule as patterns.
    private static readonly SearchValues<char> Unnameable = SearchValues.Create("*:<>\"|?\\/");

    // Left as they are in _redirects: unreserved characters, '/', and sub-delimiters other than
    // Netlify's splat '*'. Everything else is percent-encoded, so each path is one token.
    private static readonly SearchValues<byte> Plain = SearchValues.Create(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/!$&'()+,;=@"u8);

    /// <summary>
    /// The alias <paramref name="text"/> as a root-relative path (NFC, one leading <c>/</c>, a trailing
    /// <c>/</c> unless it names a file with an extension), or the code and message of why it cannot be one.
    /// </summary>
    public static (string? Path, string? Code, string? Problem) Read(string text)
    {
        if (LiteralProblem(text) is { } literal)
        {
            return (null, literal.Code, $"the alias '{Shorten(text)}' {literal.Problem}");
        }

        var body = text.StartsWith('/') ? text[1..] : text;
        var folder = body.EndsWith('/');
        var segments = (folder ? body[..^1] : body).Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (Decode(segments[i]) is not { } decoded)
            {
                return (null, DiagnosticCodes.InvalidUrl, $"the alias '{Shorten(text)}' has escapes that are not UTF-8 text: {What}");
            }

            if (DecodedProblem(decoded) is { } problem)
            {
                return (null, problem.Code, $"the alias '{Shorten(text)}' {problem.Problem}");
            }

            segments[i] = decoded.Normalize(NormalizationForm.FormC);
        }

        var path = string.Join('/', segments);
        if (path.Length == 0)
        {
            return (null, DiagnosticCodes.InvalidUrl, $"the alias '{Shorten(text)}' is the home page, which cannot move: {What}");
        }

        folder = folder || !System.IO.Path.HasExtension(segments[^1]);
        var file = folder ? UrlScheme.File(path + "/") : path;
        if (ReservedPaths.Problem(file) is { } reserved)
        {
            return (null, DiagnosticCodes.PathReserved, $"the alias '{Shorten(text)}' {reserved}: {What}");
        }

        if (OutputPath.Problem(file) is { } invalid)
        {
            return (null, DiagnosticCodes.InvalidUrl, $"the alias '{Shorten(text)}' {invalid}: {What}");
        }

        return ("/" + path + (folder ? "/" : string.Empty), null, null);
    }

    /// <summary>The output file of <paramref name="alias"/>, a path <see cref="Read"/> made: <c>/a/</c> is <c>a/index.html</c>.</summary>
    public static string File(string alias)
    {
        var path = alias.TrimStart('/');
        return path.EndsWith('/') ? UrlScheme.File(path) : path;
    }

    /// <summary>
    /// <paramref name="path"/> percent-encoded for a line of Netlify's <c>_redirects</c>: every byte of
    /// its UTF-8 but unreserved characters, <c>/</c> and the sub-delimiters other than <c>*</c>. White
    /// space, control characters, <c>#</c> (a comment), <c>%</c>, <c>*</c>, <c>:</c> (Netlify's patterns)
    /// and every character outside ASCII are encoded, so the path is one token whatever it holds.
    /// </summary>
    public static string Encode(string path)
    {
        var bytes = Encoding.UTF8.GetBytes(path);
        if (!bytes.AsSpan().ContainsAnyExcept(Plain))
        {
            return path;
        }

        var builder = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (Plain.Contains(b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(CultureInfo.InvariantCulture, $"{b:X2}");
            }
        }

        return builder.ToString();
    }

    /// <summary>What is wrong with the alias as written, before its escapes are decoded.</summary>
    private static (string Code, string Problem)? LiteralProblem(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c))
            {
                return (DiagnosticCodes.ControlCharacter, $"has a control character: {What}");
            }

            if (Invisible.Contains(c))
            {
                return (DiagnosticCodes.InvalidUrl, $"has an invisible character: {What}");
            }

            if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[++i])))
            {
                return (DiagnosticCodes.InvalidUrl, $"is not valid text: {What}");
            }
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (text.StartsWith("//", StringComparison.Ordinal) || (colon > 0 && !text.StartsWith('/') && text.IndexOf('/', StringComparison.Ordinal) is var slash && (slash < 0 || colon < slash)))
        {
            return (DiagnosticCodes.InvalidUrl, "is an address on another site: write the old path only, such as /2019/old-name/");
        }

        for (var i = 0; i < text.Length; i++)
        {
            var problem = text[i] switch
            {
                '?' => "has a '?': a query (?id=3) is not part of a path, and a static host cannot redirect on it: write the path only",
                '#' => "has a '#': what follows it never reaches the server: write the path only",
                '\\' => "has a backslash: write '/' between folders",
                '%' when i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]) =>
                    "has a '%' that starts no escape such as %20: write %25 for a percent sign",
                var c when char.IsWhiteSpace(c) => "has a space or another blank: write a space as %20, as addresses do",
                _ => null,
            };
            if (problem is not null)
            {
                return (DiagnosticCodes.InvalidUrl, problem);
            }
        }

        return null;
    }

    /// <summary>What is wrong with one segment once its escapes are decoded.</summary>
    private static (string Code, string Problem)? DecodedProblem(string segment)
    {
        foreach (var c in segment)
        {
            if (char.IsControl(c))
            {
                return (DiagnosticCodes.ControlCharacter, $"has an escaped control character (such as %0A): {What}");
            }

            if (Invisible.Contains(c))
            {
                return (DiagnosticCodes.InvalidUrl, $"has an escaped invisible character: {What}");
            }

            if (Unnameable.Contains(c))
            {
                return (DiagnosticCodes.InvalidUrl, $"has '{c}' in a name, which not every file system can hold (nor * : < > \" | ? \\ /, written or escaped): {What}");
            }
        }

        return null;
    }

    /// <summary><paramref name="segment"/> with its percent-escapes decoded; null when they are not UTF-8.</summary>
    private static string? Decode(string segment)
    {
        if (!segment.Contains('%', StringComparison.Ordinal))
        {
            return segment;
        }

        var bytes = new List<byte>(segment.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < segment.Length; i++)
        {
            if (segment[i] == '%')
            {
                bytes.Add(byte.Parse(segment.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                i += 2;
                continue;
            }

            var length = char.IsHighSurrogate(segment[i]) ? 2 : 1;
            var written = Encoding.UTF8.GetBytes(segment.AsSpan(i, length), utf8);
            bytes.AddRange(utf8[..written]);
            i += length - 1;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString([.. bytes]);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static string Shorten(string text)
    {
        if (text.Length <= 60)
        {
            return text;
        }

        var end = char.IsHighSurrogate(text[56]) ? 56 : 57;
        return text[..end] + "…";
    }
}
