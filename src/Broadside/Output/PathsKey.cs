using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Broadside.Output;

/// <summary>
/// A key of a collection of paths that does not depend on their order: the sum of each path's hash.
/// Two collections of the same paths, each as many times, have the same key, so what depends on the
/// paths alone (the links that lead to none of them) is known again by the key.
/// </summary>
public static class PathsKey
{
    /// <summary>The key of <paramref name="paths"/>.</summary>
    public static Hash128 Of(IEnumerable<string> paths)
    {
        var hash = new XxHash128();
        Hash128 sum = default;
        var count = 0L;
        foreach (var path in paths)
        {
            hash.Reset();
            hash.Append(MemoryMarshal.AsBytes(path.AsSpan()));
            sum += Hash128.Of(hash);
            count++;
        }

        hash.Reset();
        hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<long>(ref count)));
        return sum ^ Hash128.Of(hash);
    }
}
