using Broadside.Configuration;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Yaml;

namespace Broadside.Modules;

/// <summary>Makes a <see cref="Page"/> of each standalone page's source file; its URL follows its folder.</summary>
public sealed class ParsePages(SiteConfig site) : ParallelModule<SourceFile>
{
    /// <inheritdoc />
    protected override Document? Transform(SourceFile input, PipelineContext context)
    {
        var file = input.Source!;
        var text = input.Text;
        var split = FrontMatterSplitter.Split(text, file, context.Diagnostics);
        var map = split is null ? null : YamlMap.Parse(split.Yaml, file, split.YamlLineOffset, context.Diagnostics, "front matter");
        var front = map is null ? null : FrontMatterParser.ParsePage(map, site);
        if (split is null || front is null)
        {
            return null;
        }

        var folders = Path.GetDirectoryName(input.RelativePath)?.Replace('\\', '/')
            .Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(Slug.From)
            .ToList() ?? [];
        var name = Path.GetFileNameWithoutExtension(input.RelativePath);
        if (front.Slug is not null)
        {
            folders.Add(front.Slug);
        }
        else if (!name.Equals("index", StringComparison.OrdinalIgnoreCase))
        {
            folders.Add(Slug.FromFileName(input.RelativePath));
        }

        if (folders.Count == 0 || folders.Any(f => f.Length == 0))
        {
            context.Diagnostics.Error(
                DiagnosticCodes.InvalidSlug,
                "this page would have no URL of its own: give its file or folder a name with letters (about.md), or add 'slug:'",
                file);
            return null;
        }

        // A page in another language is published under its language's folder, unless its file is in that folder already.
        var path = string.Join('/', folders) + "/";
        var prefix = site.LanguageOf(front.Lang)?.Prefix ?? string.Empty;
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            path = prefix + path;
        }

        // A name the build keeps for itself (/admin/ for the web editor, /search/, /media/): never a page's.
        if (ReservedPaths.Problem(path + "index.html") is { } reserved)
        {
            context.Diagnostics.Error(DiagnosticCodes.PathReserved, $"this page's address /{path} {reserved}: rename its file or give it another 'slug:'", file);
            return null;
        }

        return new Page
        {
            Source = file,
            FrontMatter = front,
            Markdown = input.BodyBytes(text, split.Body),
            BodyLineOffset = split.BodyLineOffset,
            SourceHash = input.Hash,
            Path = path,
            Destination = path + "index.html",
        };
    }
}
