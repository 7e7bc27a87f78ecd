using Broadside.Content;
using Broadside.Engine;
using Broadside.Markdown;

namespace Broadside.Modules;

/// <summary>Renders the Markdown body of each article and page to HTML.</summary>
public sealed class RenderMarkdown(MarkdownRenderer renderer) : ParallelModule<ContentDocument>
{
    /// <inheritdoc />
    protected override Document? Transform(ContentDocument input, PipelineContext context)
    {
        var rendered = renderer.Render(input.Markdown, input.Source!, input.BodyLineOffset, context.Diagnostics);
        return input with
        {
            Html = rendered.Html,
            FirstParagraph = rendered.FirstParagraph,
            WordCount = rendered.WordCount,
        };
    }
}
