using System.Collections.Concurrent;
using System.Collections.Immutable;
using Broadside.Configuration;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Outputs;
using Broadside.Pictures;
using Broadside.Templates;

namespace Broadside.Modules;

/// <summary>
/// Draws the social cards of articles without a picture (<see cref="CardImaging"/>): one list for each
/// of the newest <see cref="PictureSettings.HeadlineCards"/> such articles, whose file is its card beside
/// its page, made again when its headline, its section or the look changes; and the publication's own
/// card, which every other page shows. Cards are kept in <paramref name="store"/>; a <c>check</c> draws none.
/// </summary>
/// <param name="site">The configuration: the publication's name and description, and the picture settings.</param>
/// <param name="style">The theme's colours and fonts.</param>
/// <param name="store">Where cards are kept between builds.</param>
/// <param name="indexPipeline">The pipeline of the index, which says which articles have a card of their own.</param>
/// <param name="planPipeline">The pipeline of the plan.</param>
/// <param name="make">False to draw nothing (<c>check</c>).</param>
public sealed class RenderCards(SiteConfig site, CardStyle style, PictureStore store, string indexPipeline, string planPipeline, bool make = true) : IModule, IListing
{
    /// <inheritdoc />
    public IEnumerable<ListDeclaration> Declare(PipelineContext context)
    {
        var index = IndexDocument.In(context, indexPipeline);
        var siteCard = site.PathPrefix + ViewFactory.SiteCardPath;
        yield return new ListDeclaration(siteCard, [], new KeyBuilder().Add(style.Key).Add(site.Title).Add(site.Description).Add(site.Language).Add(site.Pictures.JpegQuality).Finish(), [new ListFile(siteCard)], new Card(string.Empty, site.Title, site.Description, null, site.Language));
        // Two articles at one address are reported by the checks of addresses: the first one's card is declared.
        var paths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var article in index.Index.Articles)
        {
            if (index.HeadlineCards.Contains(article.Source!) && paths.Add(article.Path))
            {
                var section = index.Index.Section(article.FrontMatter.Section)?.Name ?? article.FrontMatter.Section;
                var card = new Card(section, article.FrontMatter.Title, site.Title, article.Source, article.FrontMatter.Lang ?? site.Language);
                var path = article.Path + ViewFactory.ArticleCardName;
                yield return new ListDeclaration(path, [], new KeyBuilder().Add(style.Key).Add(card.Kicker).Add(card.Headline).Add(card.Footer).Add(card.Language).Add(site.Pictures.JpegQuality).Finish(), [new ListFile(path)], card);
            }
        }
    }

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var plan = OutputPlan.In(context, planPipeline);
        var wanted = plan.Of(this).Where(list => plan.Makes(list.Files[0].Path)).ToList();
        if (!make || wanted.Count == 0)
        {
            return inputs;
        }

        var made = new ConcurrentBag<Document>();
        Parallel.ForEach(wanted, new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, list =>
        {
            var card = (Card)list.Item!;
            var variant = new PictureVariant(list.Files[0].Path, PictureFormat.Jpeg, PictureSettings.CardWidth, PictureSettings.CardHeight, Card: true);
            var bytes = store.Get(list.Header, variant);
            if (bytes is null)
            {
                try
                {
                    bytes = CardImaging.Render(style, card.Kicker, card.Headline, card.Footer, site.Pictures.JpegQuality, card.Language);
                }
                catch (Exception ex) when (ex is NetVips.VipsException or InvalidOperationException)
                {
                    context.Diagnostics.Error(DiagnosticCodes.PictureUnreadable, $"cannot draw the social card {variant.Path}: {ex.Message.Split('\n')[0]}; check the theme's fonts/headline.ttf and fonts/text.ttf");
                    return;
                }

                store.Put(list.Header, variant, bytes);
            }

            made.Add(new OutputFile { Source = card.Source, Destination = variant.Path, Key = list.Header, Render = OutputFile.Writing(stream => stream.Write(bytes)) });
        });

        return [.. inputs, .. made.OrderBy(d => d.Destination, StringComparer.Ordinal)];
    }

    private sealed record Card(string Kicker, string Headline, string Footer, string? Source, string Language);
}
