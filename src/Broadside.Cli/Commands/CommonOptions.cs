using System.CommandLine;

namespace Broadside.Cli.Commands;

/// <summary>The options several commands share, made the same way for each.</summary>
public static class CommonOptions
{
    /// <summary><c>--input</c>: the publication folder, <c>./input</c> by default.</summary>
    public static Option<DirectoryInfo> Input() => new("--input", "-i")
    {
        Description = "The publication folder, with site.yml and articles/.",
        DefaultValueFactory = _ => new DirectoryInfo("input"),
    };

    /// <summary><c>--theme</c>: the theme folder, <c>./theme</c> by default.</summary>
    public static Option<DirectoryInfo> Theme() => new("--theme", "-t")
    {
        Description = "The theme folder, with layouts/, templates/, partials/ and assets/.",
        DefaultValueFactory = _ => new DirectoryInfo("theme"),
    };

    /// <summary><c>--drafts</c>.</summary>
    public static Option<bool> Drafts() => new("--drafts") { Description = "Include drafts (draft: true)." };

    /// <summary><c>--future</c>.</summary>
    public static Option<bool> Future() => new("--future") { Description = "Include articles dated in the future (scheduled)." };

    /// <summary>The path relative to the working folder when it is inside it, else as it is.</summary>
    public static string Relative(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
