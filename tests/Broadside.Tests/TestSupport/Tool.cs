namespace Broadside.Tests.TestSupport;

/// <summary>The programs outside .NET that the quality tests drive (see <see cref="QualityTools"/>).</summary>
[Flags]
public enum Tool
{
    /// <summary>Debian's Chromium, which Playwright drives.</summary>
    Chromium = 1,

    /// <summary>A Java runtime, for the Nu HTML checker.</summary>
    Java = 2,

    /// <summary>The Nu HTML checker (npm package <c>vnu-jar</c>).</summary>
    Vnu = 4,

    /// <summary>axe-core (npm package <c>axe-core</c>), the accessibility checker.</summary>
    Axe = 8,

    /// <summary>Pagefind (npm package <c>pagefind</c>), the search indexer.</summary>
    Pagefind = 16,

    /// <summary>Decap CMS and decap-server (npm packages <c>decap-cms</c> and <c>decap-server</c>), with Node.js: the web editor and its local backend.</summary>
    Decap = 32,
}
