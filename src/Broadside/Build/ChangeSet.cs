namespace Broadside.Build;

/// <summary>
/// What changed since the state a build starts from: the files a watcher saw written or deleted
/// (<c>serve</c>), or not known, for the build to find by comparing the input with the state (<c>build</c>).
/// </summary>
public sealed record ChangeSet
{
    private ChangeSet(IReadOnlyCollection<string>? paths) => Paths = paths;

    /// <summary>Nothing known: the build compares every input file's size and time with the state's.</summary>
    public static ChangeSet Unknown { get; } = new((IReadOnlyCollection<string>?)null);

    /// <summary>The files written or deleted since, as full paths; null when not known.</summary>
    public IReadOnlyCollection<string>? Paths { get; }

    /// <summary>The files at <paramref name="paths"/> were written or deleted, and nothing else changed.</summary>
    public static ChangeSet Of(IEnumerable<string> paths) => new(paths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToArray());
}
