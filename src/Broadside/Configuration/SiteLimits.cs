namespace Broadside.Configuration;

/// <summary>
/// How much one file may ask of a build, from <c>limits:</c> in site.yml. Each limit keeps the cost of a
/// build, and the size of the site it writes, in proportion to what editors wrote: an article with
/// thousands of tags would otherwise be repeated in thousands of feeds, and a thousand pages would each
/// list the thousand in their menu. Past a limit the build stops
/// with an error at the line that goes over it.
/// </summary>
public sealed record SiteLimits
{
    /// <summary>The limits when site.yml says nothing.</summary>
    public static SiteLimits Default { get; } = new();

    /// <summary>Tags one article may have (<c>limits: tags</c>).</summary>
    public int Tags { get; init; } = 50;

    /// <summary>Demands one article may raise (<c>limits: demands</c>).</summary>
    public int Demands { get; init; } = 50;

    /// <summary>Authors one article may name (<c>limits: authors</c>).</summary>
    public int Authors { get; init; } = 20;

    /// <summary>Sections site.yml may list, each in every page's menu (<c>limits: sections</c>).</summary>
    public int Sections { get; init; } = 30;

    /// <summary>Standalone pages the site may publish, each in every page's menu (<c>limits: pages</c>).</summary>
    public int Pages { get; init; } = 30;

    /// <summary>Old paths one article or page may keep working (<c>limits: aliases</c>).</summary>
    public int Aliases { get; init; } = 50;

    /// <summary>The largest file of <c>media/</c>, in megabytes (<c>limits: media_mb</c>).</summary>
    public int MediaMegabytes { get; init; } = 100;

    /// <summary>The largest file of <c>media/</c>, in bytes.</summary>
    public long MediaBytes => MediaMegabytes * 1024L * 1024L;

    /// <summary>The limits as text, for keys of work cached under them.</summary>
    public string Key => $"{Tags}:{Demands}:{Authors}:{Sections}:{Pages}:{Aliases}:{MediaMegabytes}";
}
