using Microsoft.AspNetCore.StaticFiles;

namespace Broadside.Cli.Serve;

/// <summary>Maps request paths to files of the built site, and files to content types.</summary>
internal static class SiteFiles
{
    private static readonly FileExtensionContentTypeProvider Types = CreateTypes();

    /// <summary>
    /// The file or folder a request path names below <paramref name="root"/> (<c>/a/</c> is
    /// <c>a/index.html</c>), or null when the path is refused: a <c>..</c> segment, a hidden name
    /// (starting with <c>.</c>, such as the build's manifest) or anything that would leave the root.
    /// </summary>
    public static string? Locate(string root, string requestPath)
    {
        if (requestPath.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var segments = requestPath.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(segment => segment.StartsWith('.')))
        {
            return null;
        }

        var top = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var full = Path.GetFullPath(Path.Combine([top, .. segments]));
        if (full != top && !full.StartsWith(top + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return null;
        }

        return segments.Length == 0 || requestPath.EndsWith('/') ? Path.Combine(full, "index.html") : full;
    }

    /// <summary>The <c>Content-Type</c> of a site file, with <c>charset=utf-8</c> for text.</summary>
    public static string ContentType(string path)
    {
        var name = Path.GetFileName(path);
        var type = name switch
        {
            "feed.xml" => "application/rss+xml",
            "atom.xml" => "application/atom+xml",
            "feed.json" => "application/feed+json",
            _ when !Path.HasExtension(name) => "text/plain",
            _ => Types.TryGetContentType(name, out var known) ? known : "application/octet-stream",
        };
        var text = type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("json", StringComparison.Ordinal) || type.EndsWith("xml", StringComparison.Ordinal);
        return text ? type + "; charset=utf-8" : type;
    }

    private static FileExtensionContentTypeProvider CreateTypes()
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".xml"] = "application/xml";
        types.Mappings[".js"] = "text/javascript";
        types.Mappings[".mjs"] = "text/javascript";
        types.Mappings[".json"] = "application/json";
        types.Mappings[".webmanifest"] = "application/manifest+json";
        types.Mappings[".svg"] = "image/svg+xml";
        types.Mappings[".avif"] = "image/avif";
        types.Mappings[".webp"] = "image/webp";
        types.Mappings[".woff"] = "font/woff";
        types.Mappings[".woff2"] = "font/woff2";
        types.Mappings[".ttf"] = "font/ttf";
        types.Mappings[".otf"] = "font/otf";

        // The audio and video an article plays with the browser's own player, under their registered types.
        types.Mappings[".mp4"] = "video/mp4";
        types.Mappings[".m4v"] = "video/mp4";
        types.Mappings[".webm"] = "video/webm";
        types.Mappings[".ogv"] = "video/ogg";
        types.Mappings[".mov"] = "video/quicktime";
        types.Mappings[".mp3"] = "audio/mpeg";
        types.Mappings[".ogg"] = "audio/ogg";
        types.Mappings[".oga"] = "audio/ogg";
        types.Mappings[".opus"] = "audio/ogg";
        types.Mappings[".m4a"] = "audio/mp4";
        types.Mappings[".wav"] = "audio/wav";
        types.Mappings[".flac"] = "audio/flac";
        return types;
    }
}
