using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Broadside.Content;

namespace Broadside.Editor;

/// <summary>
/// Decap CMS as its npm package ships it ready to run (<c>node_modules/decap-cms/dist/</c>): the script
/// <c>decap-cms.js</c>, the parts it loads when it needs them (<c>1077.decap-cms.js</c>) and their
/// WebAssembly. <c>npm ci</c> installs it at the version <c>package-lock.json</c> pins; the build copies
/// these files into <c>admin/</c>, so the editor loads nothing from another site.
/// </summary>
public sealed record DecapBundle
{
    /// <summary>The script <c>admin/index.html</c> loads.</summary>
    public const string Script = "decap-cms.js";

    /// <summary>The package's folder below <c>node_modules</c>.</summary>
    public const string Package = "decap-cms";

    /// <summary>What to say when the package is missing: how to install it.</summary>
    public const string HowToInstall = "run `npm ci` in the repository to install Decap CMS from package.json";

    /// <summary>The folder the files are copied from.</summary>
    public required string Folder { get; init; }

    /// <summary>The package's version (<c>3.16.3</c>), from its <c>package.json</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The files the editor needs at run time, by name, in order: the script, its parts, their WebAssembly and the licence notice. No source maps.</summary>
    public required ImmutableArray<string> Files { get; init; }

    /// <summary>
    /// Finds the package in <c>node_modules/decap-cms</c> of each of <paramref name="startFolders"/> and of
    /// the folders above them, as Pagefind is found; when it is not there, <paramref name="reason"/> says so.
    /// </summary>
    public static bool TryLocate(IEnumerable<string> startFolders, [NotNullWhen(true)] out DecapBundle? bundle, out string reason)
    {
        foreach (var modules in NodeModules.Folders(startFolders))
        {
            var package = Path.Combine(modules, Package);
            if (File.Exists(Path.Combine(package, "dist", Script)))
            {
                bundle = From(package);
                reason = string.Empty;
                return true;
            }
        }

        bundle = null;
        reason = $"Decap CMS is not installed ({HowToInstall})";
        return false;
    }

    /// <summary>The bundle of the package installed at <paramref name="packageFolder"/> (<c>node_modules/decap-cms</c>).</summary>
    public static DecapBundle From(string packageFolder)
    {
        var dist = Path.Combine(packageFolder, "dist");
        var names = Directory.EnumerateFiles(dist).Select(Path.GetFileName).OfType<string>()
            .Where(name => name == Script || name == Script + ".LICENSE.txt" || name.EndsWith("." + Script, StringComparison.Ordinal) || name.EndsWith(".wasm", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        return new DecapBundle
        {
            Folder = dist,
            Version = VersionOf(Path.Combine(packageFolder, "package.json")),
            Files = [Script, .. names.Where(name => name != Script)],
        };
    }

    private static string VersionOf(string packageJson)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(packageJson));
            return document.RootElement.TryGetProperty("version", out var version) ? version.GetString() ?? "?" : "?";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return "?";
        }
    }
}
