using Broadside.Build;

namespace Broadside.Tests.TestSupport;

/// <summary>Compares a build that started from an earlier one with a build from nothing.</summary>
public static class SameBuild
{
    /// <summary>What <paramref name="result"/> reported, one line per problem, as printed.</summary>
    public static string[] Lines(BuildResult result) => [.. result.Diagnostics.Select(d => d.ToString())];

    /// <summary>Asserts that two snapshots (<see cref="SiteOutput.Snapshot"/>) hold the same files, byte for byte.</summary>
    public static void AssertSameFiles(IReadOnlyDictionary<string, byte[]> expected, IReadOnlyDictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, file => Assert.True(file.Value.AsSpan().SequenceEqual(actual[file.Key]), $"{file.Key} differs from a build from nothing."));
    }
}
