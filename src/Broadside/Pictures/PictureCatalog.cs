using System.Collections.Frozen;
using Broadside.Configuration;
using Broadside.Output;

namespace Broadside.Pictures;

/// <summary>
/// The pictures of <c>media/</c> that the build publishes, by their path in the site, and those it
/// could not read, with why.
/// </summary>
public sealed class PictureCatalog
{
    private readonly FrozenDictionary<string, SourcePicture> _pictures;
    private readonly FrozenDictionary<string, string> _problems;

    /// <summary>A catalog of <paramref name="pictures"/>, and of the files that could not be read with why.</summary>
    public PictureCatalog(IEnumerable<SourcePicture> pictures, IEnumerable<KeyValuePair<string, string>> problems, PictureSettings settings)
    {
        _pictures = pictures.ToFrozenDictionary(p => p.Path, StringComparer.Ordinal);
        _problems = problems.ToFrozenDictionary(StringComparer.Ordinal);
        Settings = settings;
        var key = new KeyBuilder().Add(settings.Key);
        foreach (var picture in _pictures.Values.OrderBy(p => p.Path, StringComparer.Ordinal))
        {
            key.Add(picture.Path).Add(picture.Key);
        }

        Key = key.Finish();
    }

    /// <summary>A catalog with no pictures.</summary>
    public static PictureCatalog Empty { get; } = new([], [], PictureSettings.Default);

    /// <summary>How the pictures are published.</summary>
    public PictureSettings Settings { get; }

    /// <summary>The pictures, by path.</summary>
    public IEnumerable<SourcePicture> Pictures => _pictures.Values;

    /// <summary>A hash of every picture and the settings.</summary>
    public Hash128 Key { get; }

    /// <summary>How many pictures there are.</summary>
    public int Count => _pictures.Count;

    /// <summary>The picture at <paramref name="path"/> in the site (<c>media/2026/x.jpg</c>), or null.</summary>
    public SourcePicture? Find(string path) => _pictures.GetValueOrDefault(path);

    /// <summary>Why the file at <paramref name="path"/> in the site is not published, when it is a picture that could not be read.</summary>
    public string? Problem(string path) => _problems.GetValueOrDefault(path);

    /// <summary>
    /// The pictures of this catalog that <paramref name="links"/> show (the pictures of a body, each once),
    /// and a key of them: two builds that give a body the same key show its pictures alike.
    /// </summary>
    public (List<SourcePicture> Pictures, Hash128 Key) Shown(IEnumerable<Markdown.WrittenLink> links)
    {
        List<SourcePicture>? shown = null;
        foreach (var link in links)
        {
            if (link.Image && link.Url.StartsWith('/') && SitePath(link.Url, "/") is { } path && Find(path) is { } picture)
            {
                shown ??= [];
                if (!shown.Contains(picture))
                {
                    shown.Add(picture);
                }
            }
        }

        if (shown is null)
        {
            return ([], default);
        }

        var key = new KeyBuilder().Add(Settings.BodySizes);
        foreach (var picture in shown)
        {
            key.Add(picture.Key).Add(picture.Width).Add(picture.Height);
        }

        return (shown, key.Finish());
    }

    /// <summary>The lead picture an article's <c>image:</c> names, when it is one of this catalog.</summary>
    public SourcePicture? Lead(string? image) => image is null ? null : SitePath(image, "/") is { } path ? Find(path) : null;

    /// <summary>
    /// The path in the site an address written in an article names (<c>/media/x.jpg</c>, or under the
    /// site's <paramref name="rootPath"/>), or null for an address of another site.
    /// </summary>
    public static string? SitePath(string address, string rootPath)
    {
        if (address.Length == 0 || address.Contains("://", StringComparison.Ordinal) || address.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }

        var path = address.Split('#', 2)[0].Split('?', 2)[0];
        if (path.StartsWith(rootPath, StringComparison.Ordinal))
        {
            path = path[rootPath.Length..];
        }

        try
        {
            return Uri.UnescapeDataString(path.TrimStart('/'));
        }
        catch (UriFormatException)
        {
            return null;
        }
    }
}
