namespace Broadside.Engine;

/// <summary>
/// Reports on the thread that reports, at once; unlike <see cref="Progress{T}"/> it posts nothing to
/// a synchronisation context, so a console display sees every step before the build returns.
/// </summary>
public sealed class SynchronousProgress<T>(Action<T> handler) : IProgress<T>
{
    /// <inheritdoc />
    public void Report(T value) => handler(value);
}
