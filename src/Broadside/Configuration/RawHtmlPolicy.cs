using System.Collections.Immutable;

namespace Broadside.Configuration;

/// <summary>
/// What raw HTML in articles and pages may do, from <c>raw_html:</c> in site.yml. Editors are trusted
/// to write HTML, but not to run code in readers' browsers by accident or for someone else.
/// </summary>
public sealed record RawHtmlPolicy
{
    /// <summary>The policy when site.yml says nothing: no scripts, no embedded pages.</summary>
    public static RawHtmlPolicy Default { get; } = new();

    /// <summary>
    /// True lets raw HTML and links run code: <c>script</c>, <c>on…</c> event attributes,
    /// <c>javascript:</c> addresses, plug-ins (<c>object</c>, <c>embed</c>), <c>base</c> and <c>meta http-equiv</c>.
    /// </summary>
    public bool AllowScripts { get; init; }

    /// <summary>Hosts whose pages an <c>iframe</c> may embed (<c>www.youtube-nocookie.com</c>), without regard to case.</summary>
    public ImmutableHashSet<string> IframeHosts { get; init; } = ImmutableHashSet.Create<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The policy as text, for keys of work cached under it.</summary>
    public string Key => $"{AllowScripts}:{string.Join(',', IframeHosts.Select(h => h.ToLowerInvariant()).Order(StringComparer.Ordinal))}";
}
