namespace Broadside.Tests.TestSupport;

/// <summary>Where the repository's sample publication, theme and the test fixtures are.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootFolder = new(FindRoot);

    /// <summary>The repository root: the nearest folder above the test binaries that holds Site.sln.</summary>
    public static string Root => RootFolder.Value;

    /// <summary>The sample publication, <c>input/</c>.</summary>
    public static string Input => Path.Combine(Root, "input");

    /// <summary>The default theme, <c>theme/</c>.</summary>
    public static string Theme => Path.Combine(Root, "theme");

    /// <summary>A fixture folder, as copied next to the test binaries from <c>Fixtures/</c>.</summary>
    public static string Fixture(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
        return Directory.Exists(folder)
            ? folder
            : throw new DirectoryNotFoundException($"The fixture '{name}' is not in {Path.GetDirectoryName(folder)}: is it under tests/Broadside.Tests/Fixtures/?");
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Site.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} holds Site.sln.");
    }
}
