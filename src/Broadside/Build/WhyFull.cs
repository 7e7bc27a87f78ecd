namespace Broadside.Build;

/// <summary>Why a build made every file again rather than only what changed.</summary>
public enum FullReason
{
    /// <summary>There was no state to start from: the first build, a build after one that failed, or the state could not be read.</summary>
    NoState,

    /// <summary>Asked to: <c>build --no-cache</c>.</summary>
    Asked,

    /// <summary>Something every page depends on changed: an option, <c>site.yml</c>, a data file, the theme, or Broadside itself.</summary>
    Changed,

    /// <summary>The published site is not the one the state describes: its manifest was changed, or another build wrote it.</summary>
    Output,

    /// <summary>What every page shows of the site changed: the menu of sections and pages, or the year in the footer.</summary>
    Site,
}

/// <summary>Why a build was full, and what caused it: the file, setting or part named in <paramref name="Detail"/>.</summary>
public sealed record WhyFull(FullReason Reason, string Detail = "")
{
    /// <summary>The reason as <c>build -v</c> and <c>serve</c> print it.</summary>
    public override string ToString() => Reason switch
    {
        FullReason.NoState => Detail.Length > 0 ? $"no state to start from ({Detail})" : "no state to start from",
        FullReason.Asked => "--no-cache",
        FullReason.Changed => $"{Detail} changed",
        FullReason.Output => $"the output folder is not as the last build left it ({Detail})",
        FullReason.Site => $"what every page shows of the site changed ({Detail})",
        _ => Reason.ToString(),
    };
}
