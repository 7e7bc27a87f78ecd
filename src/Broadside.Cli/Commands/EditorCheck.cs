using Broadside.Build;
using Broadside.Configuration;
using Broadside.Diagnostics;
using Broadside.Editor;

namespace Broadside.Cli.Commands;

/// <summary>Finds Decap CMS for the web editor, and says when site.yml asks for the editor and it is missing.</summary>
internal static class EditorCheck
{
    /// <summary>Decap CMS in <c>node_modules/</c> of the working folder, of <paramref name="inputFolder"/> or of a folder above either; null when it is not installed.</summary>
    public static DecapBundle? Locate(string inputFolder) =>
        DecapBundle.TryLocate([Environment.CurrentDirectory, inputFolder], out var bundle, out _) ? bundle : null;

    /// <summary>True when the site.yml of <paramref name="inputFolder"/> has an <c>editor:</c> block that reads.</summary>
    public static bool Wanted(string inputFolder)
    {
        var siteFile = Path.Combine(inputFolder, "site.yml");
        return File.Exists(siteFile) && SiteConfigLoader.Load(siteFile, siteFile, new DiagnosticBag()).Editor is not null;
    }

    /// <summary>The line that says the web editor is off and how to turn it on, when site.yml asks for it and Decap CMS is missing; else null.</summary>
    public static string? Off(BuildOptions options) =>
        options.Editor is null && Wanted(options.InputFolder)
            ? $"The web editor is off: site.yml has an editor block, but Decap CMS is not installed ({DecapBundle.HowToInstall}); the site is built without /admin/."
            : null;
}
