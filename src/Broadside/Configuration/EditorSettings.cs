namespace Broadside.Configuration;

/// <summary>
/// The web editor at <c>/admin/</c> (Decap CMS), from the <c>editor:</c> block of site.yml: the GitHub
/// repository it saves to and the branch it starts pull requests from. Editors log in with GitHub,
/// through Netlify's OAuth provider (<see cref="AuthBaseUrl"/>). No block, no editor.
/// </summary>
/// <param name="Repo">The repository on GitHub, <c>owner/name</c>.</param>
/// <param name="Branch">The branch the site is published from, which every change goes to through a pull request.</param>
public sealed record EditorSettings(string Repo, string Branch)
{
    /// <summary>The branch when the block names none.</summary>
    public const string DefaultBranch = "main";

    /// <summary>Where Decap CMS asks for a GitHub login: Netlify's OAuth provider, set up in the site's Netlify settings.</summary>
    public const string AuthBaseUrl = "https://api.netlify.com";

    /// <summary>True for a GitHub repository's <c>owner/name</c>: letters, digits and hyphens, a slash, then letters, digits, <c>.</c>, <c>-</c> and <c>_</c>.</summary>
    public static bool IsRepository(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash > 39 || text.Length - slash - 1 is < 1 or > 100)
        {
            return false;
        }

        var (owner, name) = (text[..slash], text[(slash + 1)..]);
        return owner.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && !owner.StartsWith('-') && !owner.EndsWith('-')
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_') && name is not ("." or "..");
    }

    /// <summary>
    /// True for a branch name git accepts and that needs no quoting anywhere: letters, digits, <c>. _ - /</c>,
    /// no <c>..</c> or <c>//</c>, not starting with <c>-</c>, <c>.</c> or <c>/</c>, not ending with <c>/</c>, <c>.</c> or <c>.lock</c>.
    /// </summary>
    public static bool IsBranch(string text) =>
        text.Length is > 0 and <= 200
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/')
        && !text.Contains("..", StringComparison.Ordinal) && !text.Contains("//", StringComparison.Ordinal)
        && text[0] is not ('-' or '.' or '/') && text[^1] is not ('/' or '.')
        && !text.EndsWith(".lock", StringComparison.Ordinal) && !text.Contains("/.", StringComparison.Ordinal);
}
