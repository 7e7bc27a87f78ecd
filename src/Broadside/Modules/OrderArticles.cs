using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Engine;

namespace Broadside.Modules;

/// <summary>Puts the articles newest first (then by file, so equal dates keep a stable order), the other documents after them.</summary>
public sealed class OrderArticles : IModule
{
    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        // A build from an earlier one reads the articles mostly in order: those in order are kept as
        // they are, and the few others (new or changed ones) sorted and merged in.
        var ordered = new List<Article>(inputs.Length);
        var others = new List<Article>();
        foreach (var document in inputs)
        {
            if (document is Article article)
            {
                (ordered.Count == 0 || Compare(ordered[^1], article) <= 0 ? ordered : others).Add(article);
            }
        }

        others.Sort(Compare);
        var builder = ImmutableArray.CreateBuilder<Document>(inputs.Length);
        var (i, j) = (0, 0);
        while (i < ordered.Count || j < others.Count)
        {
            builder.Add(j == others.Count || (i < ordered.Count && Compare(ordered[i], others[j]) <= 0) ? ordered[i++] : others[j++]);
        }

        foreach (var document in inputs)
        {
            if (document is not Article)
            {
                builder.Add(document);
            }
        }

        return builder.MoveToImmutable();
    }

    private static int Compare(Article a, Article b)
    {
        var byDate = b.FrontMatter.Date.CompareTo(a.FrontMatter.Date);
        return byDate != 0 ? byDate : string.CompareOrdinal(a.Source, b.Source);
    }
}
