using Broadside.Build;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Build;

/// <summary>The sample publication (<c>input/</c>) built once with the default theme, for every test of a class.</summary>
public sealed class SampleSiteFixture : IDisposable
{
    /// <summary>The build's fixed notion of now, so that what is published does not depend on the clock.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private readonly TemporaryFolder _output = new();

    /// <summary>Builds the sample.</summary>
    public SampleSiteFixture()
    {
        Options = OptionsFor(_output.Path);
        Result = Builder.Build(Options);
        Site = new SiteOutput(_output.Path);
        Content = PublicationContent.Read(RepositoryPaths.Input, Now);
    }

    /// <summary>The options of the build.</summary>
    public BuildOptions Options { get; }

    /// <summary>What the build reported.</summary>
    public BuildResult Result { get; }

    /// <summary>What the build wrote.</summary>
    public SiteOutput Site { get; }

    /// <summary>The sample's articles and pages as their files say.</summary>
    public PublicationContent Content { get; }

    /// <summary>Options that build the sample with the default theme into <paramref name="outputFolder"/>.</summary>
    public static BuildOptions OptionsFor(string outputFolder) => new()
    {
        InputFolder = RepositoryPaths.Input,
        ThemeFolder = RepositoryPaths.Theme,
        OutputFolder = outputFolder,
        Now = Now,
        DisplayRoot = RepositoryPaths.Root,
    };

    /// <inheritdoc />
    public void Dispose() => _output.Dispose();
}
