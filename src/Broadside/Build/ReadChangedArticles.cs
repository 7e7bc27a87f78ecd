using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Engine;
using Broadside.Modules;

namespace Broadside.Build;

/// <summary>
/// The article files of a build that starts from an earlier one of the same process, as a listing of the
/// folder would find them, without listing it: the earlier build's articles, taken from the article cache
/// by the hash they had; the files written or deleted since (<paramref name="changed"/>), read; and the
/// files the earlier build read and did not publish (drafts, articles not yet due), read again, since
/// their time may have come.
/// </summary>
/// <param name="reader">Reads a file of the articles folder as a listing would.</param>
/// <param name="earlier">The earlier build's state.</param>
/// <param name="unpublished">The files the earlier build read and did not publish, as full paths.</param>
/// <param name="changed">The files of the articles folder written or deleted since, as full paths.</param>
internal sealed class ReadChangedArticles(ReadFiles reader, BuildState earlier, ImmutableArray<string> unpublished, IReadOnlyCollection<string> changed) : IModule
{
    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var documents = new List<Document>(inputs.Length + earlier.Articles.Count + 8);
        documents.AddRange(inputs);
        var read = new HashSet<string>(changed, StringComparer.Ordinal);
        var (keptPaths, keptSources) = (new List<string>(earlier.Articles.Count), new List<string>(earlier.Articles.Count));
        foreach (var (source, record) in earlier.Articles)
        {
            var relative = reader.RelativeOf(source);
            var path = Path.Combine(reader.Folder, relative);
            if (!read.Contains(path))
            {
                keptPaths.Add(path);
                keptSources.Add(source);
                documents.Add(new SourceFile { Source = source, FullPath = path, RelativePath = relative, Bytes = [], Hash = record.Hash, Unread = true });
            }
        }

        read.UnionWith(unpublished);
        var paths = read.Where(path => File.Exists(path) && ContentFiles.IsContent(ContentFiles.RelativePath(reader.Folder, path), reader.Pattern))
            .Order(StringComparer.Ordinal)
            .ToImmutableArray();
        foreach (var path in paths)
        {
            if (reader.Read(path, context.Diagnostics) is { } file)
            {
                documents.Add(file);
            }
        }

        documents.Add(new SourcesDocument([.. keptPaths, .. paths], [.. keptSources, .. paths.Select(reader.SourceOf)]));
        return [.. documents];
    }
}
