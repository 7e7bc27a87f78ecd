namespace Broadside.Content;

/// <summary>
/// Where npm packages a build uses (Pagefind, Decap CMS) may be installed: the <c>node_modules</c>
/// folder of each start folder and of every folder above it, as Node.js itself looks them up.
/// </summary>
public static class NodeModules
{
    /// <summary>
    /// The <c>node_modules</c> folders of <paramref name="startFolders"/> and the folders above each,
    /// nearest first, each once; whether they exist is for the caller to ask.
    /// </summary>
    public static IEnumerable<string> Folders(IEnumerable<string> startFolders)
    {
        var seen = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (var start in startFolders)
        {
            for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
            {
                var modules = Path.Combine(folder.FullName, "node_modules");
                if (seen.Add(modules))
                {
                    yield return modules;
                }
            }
        }
    }
}
