using Broadside.Diagnostics;
using Broadside.Output;

namespace Broadside.Caching;

/// <summary>
/// What a step made of a file, kept between the builds of one process, so that a rebuild after an
/// edit repeats the step only for the files that changed.
/// </summary>
public interface IStepCache
{
    /// <summary>
    /// What <paramref name="step"/> made of <paramref name="file"/> with the content and site of
    /// <paramref name="hash"/>, from the cache or from <paramref name="make"/>; its diagnostics are
    /// reported to <paramref name="diagnostics"/> either way.
    /// </summary>
    T? Reuse<T>(string step, string file, Hash128 hash, DiagnosticBag diagnostics, Func<DiagnosticBag, T?> make)
        where T : class;
}
