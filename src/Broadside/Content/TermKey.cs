using System.Text;

namespace Broadside.Content;

/// <summary>
/// The key that makes case and spacing variants of a name one term: <c>Strikes</c>, <c>strikes </c>
/// and <c>STRIKES</c> are one tag. Different names with one slug (<c>a/b</c>, <c>a-b</c>) are not
/// merged: they are reported.
/// </summary>
public static class TermKey
{
    /// <summary>The key of <paramref name="name"/>: lower case, white space folded.</summary>
    public static string Of(string name)
    {
        if (IsKey(name))
        {
            return name;
        }

        var builder = new StringBuilder(name.Length);
        var space = false;
        foreach (var c in name.Normalize(NormalizationForm.FormC).Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    // Most names are written as their keys already (strikes, rent-control, new york): lower-case ASCII,
    // single spaces within. Those are their own keys, with nothing to allocate.
    private static bool IsKey(string name)
    {
        if (name.Length == 0 || name[0] == ' ' || name[^1] == ' ')
        {
            return false;
        }

        var space = false;
        foreach (var c in name)
        {
            if (c > 0x7F || c < ' ' || char.IsAsciiLetterUpper(c) || (c == ' ' && space))
            {
                return false;
            }

            space = c == ' ';
        }

        return true;
    }
}
