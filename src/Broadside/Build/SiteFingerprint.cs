using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Modules;
using Broadside.Output;

namespace Broadside.Build;

/// <summary>
/// A hash of what every page depends on besides its own views: Broadside and the libraries that
/// render, the options of the build, <c>site.yml</c>, the data files and every file of the theme. A
/// change to any of them makes every page's key change, so every page is made again.
/// </summary>
public static class SiteFingerprint
{
    private static readonly Type[] Renderers =
    [
        typeof(SiteFingerprint), typeof(Fluid.FluidParser), typeof(Markdig.Markdown), typeof(YamlDotNet.Core.Parser),
        typeof(System.ServiceModel.Syndication.SyndicationFeed), typeof(AngleSharp.Html.Parser.HtmlParser), typeof(Ganss.Xss.HtmlSanitizer),
    ];

    /// <summary>The fingerprint of a build with <paramref name="options"/>.</summary>
    public static Hash128 Of(BuildOptions options) => Of(Parts(options));

    /// <summary>The fingerprint made of <paramref name="parts"/> (<see cref="Parts"/>).</summary>
    public static Hash128 Of(ImmutableArray<(string Part, Hash128 Hash)> parts)
    {
        var key = new KeyBuilder();
        foreach (var (part, hash) in parts)
        {
            key.Add(part).Add(hash);
        }

        return key.Finish();
    }

    /// <summary>
    /// The fingerprint of a build with <paramref name="options"/> part by part, each named as a message
    /// names it: Broadside and site.yml (<see cref="OfConfiguration"/>), the options, each data file and
    /// the theme. A build that starts from another's state says which part changed when one did.
    /// </summary>
    public static ImmutableArray<(string Part, Hash128 Hash)> Parts(BuildOptions options)
    {
        var settings = new KeyBuilder().Add(options.IncludeDrafts ? 1 : 0).Add(options.IncludeFuture ? 1 : 0).Add(options.NoIndex ? 1 : 0)
            .Add(options.Search ? 1 : 0).Add(Path.GetFullPath(options.InputFolder)).Add(Path.GetFullPath(options.ThemeFolder))
            .Add(Path.GetFullPath(options.OutputFolder)).Add(options.DisplayRoot).Finish();
        var parts = ImmutableArray.CreateBuilder<(string, Hash128)>();
        parts.Add(("Broadside, site.yml or --base-url", OfConfiguration(options)));
        parts.Add(("the options", settings));
        foreach (var name in new[] { "authors.yml", "demands.yml" })
        {
            var file = new KeyBuilder();
            AddFile(file, Path.Combine(options.InputFolder, name), name);
            parts.Add((name, file.Finish()));
        }

        // What cannot be listed or read is reported where the theme is read.
        var theme = new KeyBuilder();
        foreach (var file in ContentFiles.Enumerate(options.ThemeFolder, "*", root: null, "theme", new DiagnosticBag(), hidden: true))
        {
            AddFile(theme, file, Path.GetRelativePath(options.ThemeFolder, file));
        }

        parts.Add(("the theme", theme.Finish()));
        return parts.ToImmutable();
    }

    /// <summary>
    /// The part of the fingerprint that parsing and rendering an article's own file depend on:
    /// Broadside and its libraries, <c>site.yml</c> and the base URL, but not the theme or data files.
    /// </summary>
    public static Hash128 OfConfiguration(BuildOptions options)
    {
        var key = new KeyBuilder();
        foreach (var type in Renderers)
        {
            key.Add(type.Assembly.ManifestModule.ModuleVersionId.ToString());
        }

        key.Add(options.BaseUrl?.AbsoluteUri);
        AddFile(key, Path.Combine(options.InputFolder, "site.yml"), "site.yml");
        return key.Finish();
    }

    private static void AddFile(KeyBuilder key, string path, string name)
    {
        key.Add(name);
        try
        {
            // Only a regular file is opened: a pipe or a device in its place is reported where it is read.
            var status = FileProbe.Of(path, followLinks: true);
            key.Add(status.Kind switch
            {
                FileKind.Missing => [],
                FileKind.File => File.ReadAllBytes(path),
                _ => Guid.NewGuid().ToByteArray(),
            });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Unreadable now: reported where the file is read; the build then writes nothing.
            key.Add(Guid.NewGuid().ToString());
        }
    }
}
