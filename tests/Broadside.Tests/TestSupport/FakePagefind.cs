namespace Broadside.Tests.TestSupport;

/// <summary>
/// A stand-in for Pagefind in <c>node_modules/.bin/pagefind</c> of a temporary folder: a shell script
/// that answers <c>--version</c> with <c>pagefind 9.9.9</c>, records its other arguments, and then runs
/// the script it is given (to print a report, fail, or write a bundle).
/// </summary>
public sealed class FakePagefind : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    /// <summary>Writes the stand-in; <paramref name="script"/> is what it runs when asked to index.</summary>
    public FakePagefind(string script, string version = "pagefind 9.9.9")
    {
        var bin = _folder.Combine("node_modules", ".bin");
        Directory.CreateDirectory(bin);
        Program = Path.Combine(bin, "pagefind");
        File.WriteAllText(Program, $"""
            #!/bin/sh
            if [ "$1" = "--version" ]; then echo "{version}"; exit 0; fi
            printf '%s\n' "$@" > "{ArgumentsFile}"
            {script}
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>The folder whose <c>node_modules/.bin</c> holds the stand-in.</summary>
    public string Folder => _folder.Path;

    /// <summary>The stand-in's path.</summary>
    public string Program { get; }

    /// <summary>The arguments of the last indexing run, one a line.</summary>
    public IReadOnlyList<string> Arguments =>
        File.Exists(ArgumentsFile) ? File.ReadAllLines(ArgumentsFile) : [];

    private string ArgumentsFile => _folder.Combine("arguments");

    /// <inheritdoc />
    public void Dispose() => _folder.Dispose();
}
