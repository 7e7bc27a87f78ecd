using AngleSharp.Dom;
using AngleSharp.Text;

namespace Broadside.Markdown;

/// <summary>
/// Stops a parser as soon as an element it made sits deeper than a limit: each element is measured
/// when the next one is made, by then in its place, and no walk goes further up than the limit.
/// </summary>
/// <param name="limit">The deepest an element may sit, the page's own elements around the body counted.</param>
internal sealed class DepthGuard(int limit)
{
    private IElement? _last;
    private int _lastPosition;

    /// <summary>Measures the element made before this one.</summary>
    public void Created(IElement? element, TextPosition position)
    {
        if (_last is { } last)
        {
            var depth = 0;
            for (var parent = last.ParentElement; parent is not null && depth <= limit; parent = parent.ParentElement)
            {
                depth++;
            }

            if (depth > limit)
            {
                throw new TooDeepException(_lastPosition);
            }
        }

        (_last, _lastPosition) = (element, position.Position);
    }

    /// <summary>Thrown out of the parser where an element sits too deep.</summary>
    /// <param name="position">Where the element's tag is in the page read.</param>
    public sealed class TooDeepException(int position) : Exception
    {
        /// <summary>Where the element's tag is in the page read.</summary>
        public int Position { get; } = position;
    }
}
