using System.Text.RegularExpressions;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Architecture;

/// <summary>
/// The published command is precompiled (ReadyToRun), and .NET 10's compiler leaves out every method that
/// touches a <see cref="UInt128"/> or an object with one among its fields: an article, a view, a list's
/// declaration. The runtime then compiles each of them while a build runs. Keys and hashes are
/// <see cref="Broadside.Output.Hash128"/> instead, and no code of the library or the command names
/// <see cref="UInt128"/>.
/// </summary>
public sealed partial class PrecompiledCodeTests
{
    [Fact]
    public void No_code_of_the_library_or_the_command_uses_UInt128()
    {
        var uses = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                // Documentation may name it; code may not.
                if (!lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal) && Number().IsMatch(lines[i]))
                {
                    uses.Add($"{relative}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.Empty(uses);
    }

    [Fact]
    public void The_check_sees_the_number_however_it_is_written()
    {
        Assert.Matches(Number(), "    private readonly UInt128 _key;");
        Assert.Matches(Number(), "var key = XxHash128.HashToUInt128(bytes);");
        Assert.Matches(Number(), "sum += hash.GetCurrentHashAsUInt128();");
        Assert.Matches(Number(), "Dictionary<string, System.UInt128> keys = [];");
        Assert.DoesNotMatch(Number(), "var key = Hash128.Of(bytes);");
    }

    [GeneratedRegex(@"UInt128")]
    private static partial Regex Number();
}
