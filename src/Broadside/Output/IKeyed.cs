namespace Broadside.Output;

/// <summary>
/// A value that knows a key for itself, which <see cref="KeyBuilder.AddView"/> adds instead of walking
/// the value's properties: HTML made from a known source, an article's view.
/// </summary>
public interface IKeyed
{
    /// <summary>
    /// Adds the value's key to <paramref name="builder"/>; false, adding nothing, when the value has
    /// none and its properties are to be added as any record's are.
    /// </summary>
    bool AddKey(KeyBuilder builder);
}
