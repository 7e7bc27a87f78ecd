using System.Text.RegularExpressions;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Architecture;

/// <summary>
/// The library's folders are layers, each using only the ones above it in <see cref="Layers"/>
/// (README, "How the build is put together"): the engine knows nothing of content, content nothing
/// of listings, and nothing but the build knows how a build is made.
/// </summary>
public sealed partial class LayersTests
{
    // Lower layers first; folders on one line are one layer and may use each other.
    private static readonly string[][] Layers =
    [
        ["Diagnostics"],
        ["Engine"],
        ["Output"],
        ["Yaml"],
        ["Configuration", "Content"],
        ["Markdown"],
        ["Caching"],
        ["Pictures"],
        ["Taxonomy"],
        ["Templates"],
        ["Feeds"],
        ["Search"],
        ["Outputs"],
        ["Modules"],
        ["Editor"],
        ["Build"],
    ];

    private static string Library => Path.Combine(RepositoryPaths.Root, "src", "Broadside");

    [Fact]
    public void Every_folder_of_the_library_has_a_layer()
    {
        var folders = Directory.GetDirectories(Library)
            .Select(Path.GetFileName)
            .Where(f => f is not ("bin" or "obj"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(Layers.SelectMany(l => l).Order(StringComparer.Ordinal), folders);
    }

    [Fact]
    public void No_folder_uses_a_folder_below_it_in_the_layers()
    {
        var layer = Layers.SelectMany((folders, i) => folders.Select(f => (f, i))).ToDictionary(p => p.f, p => p.i);
        var upward = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Library, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Library, file).Replace('\\', '/');
            var folder = relative.Split('/')[0];
            if (!layer.TryGetValue(folder, out var own))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match match in Reference().Matches(lines[i]))
                {
                    var used = match.Groups["folder"].Value;
                    if (layer.TryGetValue(used, out var theirs) && theirs > own)
                    {
                        upward.Add($"{relative}:{i + 1} uses {used}");
                    }
                }
            }
        }

        Assert.Empty(upward);
    }

    [Fact]
    public void The_check_sees_a_use_written_any_way()
    {
        var found = new[] { "using Broadside.Build;", "var x = Broadside.Modules.ContentFiles.Enumerate();", "/// <see cref=\"Build.BuildPlan\"/>" }
            .Select(line => Reference().Match(line).Groups["folder"].Value);

        Assert.Equal(["Build", "Modules", "Build"], found);
    }

    // "using Broadside.X", "Broadside.X.Type", and cref="X.Type" in a comment.
    [GeneratedRegex(@"\bBroadside\.(?<folder>[A-Z][A-Za-z]*)\b|cref=""(?:Broadside\.)?(?<folder>[A-Z][A-Za-z]*)\.")]
    private static partial Regex Reference();
}
