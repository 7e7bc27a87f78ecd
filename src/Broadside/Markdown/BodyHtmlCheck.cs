using AngleSharp.Dom;
using Broadside.Diagnostics;

namespace Broadside.Markdown;

/// <summary>
/// Checks the raw HTML of a rendered body as a whole, as browsers read the page it goes into: that it
/// nests no deeper than a page can hold (BS0505), leaves nothing open that changes how the page after
/// it is read (BS0506), and does nothing the site's policy forbids (BS0503, BS0504) nor loads what its
/// content security policy blocks (BS0604, BS0510, warnings). Each problem is
/// reported at the line and column of the Markdown that wrote it.
/// </summary>
/// <param name="policy">The site's raw HTML policy.</param>
/// <param name="file">The file, for diagnostics.</param>
/// <param name="lineOffset">Lines of the file before the body.</param>
/// <param name="diagnostics">Where to report.</param>
internal sealed class BodyHtmlCheck(RawHtmlCheck policy, string file, int lineOffset, DiagnosticBag diagnostics)
{
    /// <summary>
    /// The deepest the elements of a body with raw HTML may nest: four times the levels Markdown may
    /// nest, which take two elements each for lists and one for emphasis.
    /// </summary>
    public const int MaxElementDepth = 4 * NestingScan.MaxDepth;

    /// <summary>Whether <paramref name="html"/> may be published as written (problems of policy aside).</summary>
    /// <param name="html">The rendered body.</param>
    /// <param name="pieces">Its raw HTML, each piece where it was written.</param>
    public bool Check(string html, IReadOnlyList<RawHtmlPiece> pieces)
    {
        var (page, tooDeep) = UnclosedHtmlCheck.Read(html, MaxElementDepth);
        if (page is null)
        {
            Error(
                DiagnosticCodes.MarkdownTooDeep,
                $"raw HTML here nests elements more than {MaxElementDepth} deep, counting the lists and quotes around it, or leaves open elements that what follows then nests in: more than a page can hold; close what it opens, and nest less",
                pieces,
                tooDeep);
            return false;
        }

        var unclosed = UnclosedHtmlCheck.Find(page, offset => RawHtmlPiece.At(pieces, offset) is not null);
        foreach (var (offset, message) in unclosed)
        {
            Error(DiagnosticCodes.RawHtmlUnclosed, message, pieces, offset);
        }

        // The sanitizer rewrites an iframe's srcdoc as it reads it: what it was is kept to find the iframe by.
        var frames = page.Root.QuerySelectorAll("iframe[srcdoc]").Select(f => (Frame: f, Document: f.GetAttribute("srcdoc")!)).ToList();
        var reported = new HashSet<(string, int, string)>();
        foreach (var (problem, element) in policy.Find(page))
        {
            var (offset, own) = Offset(page, element, frames);
            var piece = RawHtmlPiece.At(pieces, offset);
            if (offset < 0 || (own && piece is null))
            {
                // Markup Markdig wrote: its links were checked as they were read.
                continue;
            }

            var message = problem.Message;
            if (piece is not null && UnclosedHtmlCheck.TagEnd(html, offset) > piece.End)
            {
                // The tag runs on past its piece, into what follows: that is where the problem came from.
                if (unclosed.Count > 0)
                {
                    continue;
                }

                message = $"raw HTML from here on leaves a tag or a quote open, and the page ends up with {problem.What}: close every tag and quote";
            }

            if (reported.Add((problem.Code, offset, message)))
            {
                Report(problem.Code, message, pieces, offset, problem.Warning);
            }
        }

        return unclosed.Count == 0;
    }

    // Where in the body the element's tag starts (-1 for an element the parser made itself, such as
    // a formatting element opened again), and whether that is its own tag. An element that keeps no
    // position (in SVG) stands at its nearest ancestor that does; one in the document of an iframe's
    // srcdoc, at that iframe.
    private static (int Offset, bool Own) Offset(BodyPage page, IElement element, List<(IElement Frame, string Document)> frames)
    {
        if (element.Owner != page.Document)
        {
            var frame = frames.FirstOrDefault(f => f.Document.Contains("<" + element.LocalName, StringComparison.OrdinalIgnoreCase)).Frame;
            return frame is null ? (-1, true) : Offset(page, frame, frames);
        }

        for (var at = element; at is not null && at != page.Root; at = at.ParentElement)
        {
            if (at.SourceReference is { Position.Line: > 0 } reference)
            {
                return (UnclosedHtmlCheck.Offset(reference.Position.Position), at == element);
            }

            if (at.NamespaceUri == NamespaceNames.HtmlUri)
            {
                return (-1, true);
            }
        }

        return (-1, true);
    }

    private void Error(string code, string message, IReadOnlyList<RawHtmlPiece> pieces, int offset) => Report(code, message, pieces, offset, warning: false);

    private void Report(string code, string message, IReadOnlyList<RawHtmlPiece> pieces, int offset, bool warning)
    {
        var (line, column) = RawHtmlPiece.Locate(pieces, offset) ?? (1, 1);
        if (warning)
        {
            diagnostics.Warning(code, message, file, lineOffset + line, column);
        }
        else
        {
            diagnostics.Error(code, message, file, lineOffset + line, column);
        }
    }
}
