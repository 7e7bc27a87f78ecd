using Broadside.Content;

namespace Broadside.Tests.Content;

public sealed class NodeModulesTests
{
    [Fact]
    public void Folders_AreEachStartFolderAndTheFoldersAboveIt_NearestFirst_EachOnce()
    {
        var root = Path.Combine(Path.GetTempPath(), "broadside-node-modules-" + Guid.NewGuid().ToString("N"));
        var input = Path.Combine(root, "site", "input");
        var work = Path.Combine(root, "site");

        var folders = NodeModules.Folders([input, work]).ToList();

        var expected = new List<string> { Path.Combine(input, "node_modules"), Path.Combine(work, "node_modules"), Path.Combine(root, "node_modules") };
        Assert.Equal(expected, folders.Take(3));

        // The second start folder adds nothing the first did not: every folder above it was walked already.
        Assert.Equal(folders.Count, folders.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Path.Combine(Path.GetPathRoot(input)!, "node_modules"), folders[^1]);
    }

    [Fact]
    public void Folders_OfARelativeStart_AreFullPaths()
    {
        var folders = NodeModules.Folders(["."]).ToList();

        Assert.Equal(Path.Combine(Path.GetFullPath("."), "node_modules"), folders[0]);
        Assert.All(folders, folder => Assert.True(Path.IsPathFullyQualified(folder), folder));
    }
}
