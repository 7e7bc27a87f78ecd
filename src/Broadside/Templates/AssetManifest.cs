using System.Collections.Frozen;
using System.Security.Cryptography;
using Broadside.Content;
using Broadside.Diagnostics;

namespace Broadside.Templates;

/// <summary>
/// The theme's assets under fingerprinted names (<c>css/site.css</c> is published as
/// <c>css/site.3f2a9c1b.css</c>), so hosts can cache them for a year: a changed file gets a new name.
/// </summary>
public sealed class AssetManifest
{
    private readonly FrozenDictionary<string, string> _names;

    private AssetManifest(FrozenDictionary<string, string> names, FrozenDictionary<string, string> files)
    {
        _names = names;
        Files = files;
    }

    /// <summary>No assets: every name stays as it is.</summary>
    public static AssetManifest Empty { get; } = new(FrozenDictionary<string, string>.Empty, FrozenDictionary<string, string>.Empty);

    /// <summary>Each asset's full path on disk, by its fingerprinted path below <c>assets/</c>.</summary>
    public FrozenDictionary<string, string> Files { get; }

    /// <summary>
    /// Hashes every file of <paramref name="folder"/>; a missing folder has no assets. What cannot be
    /// listed or read is reported (shown under <paramref name="displayFolder"/>) and left out.
    /// </summary>
    public static AssetManifest Build(string folder, string displayFolder, DiagnosticBag diagnostics)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in ContentFiles.Enumerate(folder, "*", root: null, displayFolder, diagnostics))
        {
            var logical = Path.GetRelativePath(folder, path).Replace('\\', '/');
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                TextFile.ReportUnreadable(displayFolder + "/" + logical, ex, diagnostics, folder: false);
                continue;
            }

            var published = Fingerprint(logical, bytes);
            names[logical] = published;
            files[published] = path;
        }

        return new AssetManifest(names.ToFrozenDictionary(StringComparer.Ordinal), files.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The published path of the asset <paramref name="logical"/> (<c>css/site.css</c>); an unknown name stays as it is.</summary>
    public string PathOf(string logical)
    {
        var key = logical.TrimStart('/');
        return _names.TryGetValue(key, out var published) ? published : key;
    }

    /// <summary><c>css/site.css</c> with content <paramref name="bytes"/> becomes <c>css/site.&lt;8 hex digits&gt;.css</c>.</summary>
    public static string Fingerprint(string logical, ReadOnlySpan<byte> bytes)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..8];
        var slash = logical.LastIndexOf('/') + 1;
        var dot = logical.LastIndexOf('.');
        return dot > slash ? $"{logical[..dot]}.{hash}{logical[dot..]}" : $"{logical}.{hash}";
    }
}
