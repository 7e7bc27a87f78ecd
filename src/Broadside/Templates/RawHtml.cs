namespace Broadside.Templates;

/// <summary>
/// HTML that Broadside made itself (a rendered body, a rendered page) and that templates print as it
/// is. Everything else a template prints is escaped.
/// </summary>
/// <param name="Value">The HTML.</param>
public sealed record RawHtml(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
