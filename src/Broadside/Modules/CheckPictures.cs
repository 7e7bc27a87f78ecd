using System.Collections.Immutable;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Pictures;

namespace Broadside.Modules;

/// <summary>
/// Reports, at the line that shows it, every picture of an article or page that will not show as the
/// editor means: one on another site (the site's content security policy lets readers' browsers load
/// pictures from the site alone, and loading one elsewhere would tell that site who reads the page), one
/// that cannot be read, and one narrower than its place on the page needs. Errors for <c>check</c> where
/// a reader would see nothing; warnings for a build.
/// </summary>
/// <param name="asErrors">True to report a picture on another site as an error, not a warning.</param>
/// <param name="picturesPipeline">The pipeline of the pictures.</param>
public sealed class CheckPictures(bool asErrors, string picturesPipeline) : IModule
{
    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var catalog = PicturesDocument.In(context, picturesPipeline);
        foreach (var document in context.AllOutputs.OfType<ContentDocument>())
        {
            foreach (var link in document.Links)
            {
                if (link.Image)
                {
                    Check(document, link.Url, link.Line, link.Column, lead: false, catalog, context.Diagnostics);
                }
            }

            if (document is Article { FrontMatter: { Image: { } image } front })
            {
                Check(document, image, front.ImageLine, front.ImageLine > 0 ? 1 : 0, lead: true, catalog, context.Diagnostics);
            }
        }

        return inputs;
    }

    private void Check(ContentDocument document, string address, int line, int column, bool lead, PictureCatalog catalog, DiagnosticBag diagnostics)
    {
        if (Uri.TryCreate(address.StartsWith("//", StringComparison.Ordinal) ? "https:" + address : address, UriKind.Absolute, out var remote) && remote.Scheme is "http" or "https")
        {
            diagnostics.Add(new Diagnostic(
                asErrors ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                DiagnosticCodes.PictureRemote,
                $"the picture '{address}' is on another site ({remote.Host}): readers' browsers will not load it, because the site loads pictures from itself alone so that no other site learns who reads it; save the picture into input/media/ and write its path, such as /media/2026/photo.jpg",
                document.Source,
                line,
                column));
            return;
        }

        // An editor writes a picture's path from the site's root (/media/2026/photo.jpg), whatever folder the site is published in.
        if ((!lead && !address.StartsWith('/')) || PictureCatalog.SitePath(address, "/") is not { } path)
        {
            return;
        }

        if (catalog.Problem(path) is { } problem)
        {
            diagnostics.Error(DiagnosticCodes.PictureUnreadable, $"the picture '{address}' cannot be published: {problem}", document.Source, line, column);
            return;
        }

        var needed = lead ? catalog.Settings.LeadMinWidth : catalog.Settings.BodyMinWidth;
        if (catalog.Find(path) is { } picture && picture.Width < needed)
        {
            var place = lead ? "a lead picture fills social cards and the page's width" : "a picture in the text fills the column on phones with sharp screens";
            diagnostics.Warning(
                DiagnosticCodes.PictureTooSmall,
                $"the picture '{address}' is {picture.Width} pixels wide, narrower than the {needed} {place} need: it will look blurred; use a larger copy of it",
                document.Source,
                line,
                column);
        }
    }
}
