using System.Text.RegularExpressions;
using Broadside.Tests.TestSupport;
using Tomlyn;
using Tomlyn.Model;

namespace Broadside.Tests.Deploy;

/// <summary>
/// The repository's <c>netlify.toml</c>, parsed, with its header rules matched as Netlify matches them;
/// with <see cref="WithHeadersFile"/>, also the rules of the <c>_headers</c> file a build wrote.
/// </summary>
public sealed class NetlifyConfig
{
    private NetlifyConfig(TomlTable model, IReadOnlyList<NetlifyHeaderRule>? fileRules = null)
    {
        Model = model;
        var build = Table(model, "build");
        BuildCommand = String(build, "command");
        Publish = String(build, "publish");
        ConfigHeaderRules = [.. TableArray(model, "headers").Select(NetlifyHeaderRule.From)];
        FileHeaderRules = fileRules ?? [];
        HeaderRules = [.. FileHeaderRules, .. ConfigHeaderRules];
        Redirects = [.. TableArray(model, "redirects")];
    }

    /// <summary>The path of <c>netlify.toml</c>.</summary>
    public static string FilePath => Path.Combine(RepositoryPaths.Root, "netlify.toml");

    /// <summary>The whole file as Tomlyn reads it.</summary>
    public TomlTable Model { get; }

    /// <summary><c>build.command</c>.</summary>
    public string BuildCommand { get; }

    /// <summary><c>build.publish</c>, as written.</summary>
    public string Publish { get; }

    /// <summary>Every header rule: those of <c>_headers</c> (<see cref="WithHeadersFile"/>), then the <c>[[headers]]</c> tables, in order.</summary>
    public IReadOnlyList<NetlifyHeaderRule> HeaderRules { get; }

    /// <summary>Every <c>[[headers]]</c> table of <c>netlify.toml</c>, in order.</summary>
    public IReadOnlyList<NetlifyHeaderRule> ConfigHeaderRules { get; }

    /// <summary>The rules of the built site's <c>_headers</c>, in order; empty without <see cref="WithHeadersFile"/>.</summary>
    public IReadOnlyList<NetlifyHeaderRule> FileHeaderRules { get; }

    /// <summary>Every <c>[[redirects]]</c> table, in order.</summary>
    public IReadOnlyList<TomlTable> Redirects { get; }

    /// <summary>Reads and parses the repository's <c>netlify.toml</c>.</summary>
    public static NetlifyConfig Load() => Parse(File.ReadAllText(FilePath));

    /// <summary>Parses TOML text in the form of <c>netlify.toml</c>.</summary>
    public static NetlifyConfig Parse(string toml) =>
        new(TomlSerializer.Deserialize<TomlTable>(toml) ?? throw new InvalidDataException("netlify.toml is empty."));

    /// <summary>
    /// This configuration with the rules of the <c>_headers</c> file in the built site's
    /// <paramref name="publishFolder"/>, read as Netlify reads that file: a line that starts with
    /// <c>/</c> starts a rule for that path, each indented <c>Name: value</c> line below it is a header,
    /// and <c>#</c> starts a comment.
    /// </summary>
    public NetlifyConfig WithHeadersFile(string publishFolder)
    {
        var rules = new List<NetlifyHeaderRule>();
        string? path = null;
        Dictionary<string, string>? values = null;
        foreach (var line in File.ReadAllLines(Path.Combine(publishFolder, "_headers")))
        {
            if (line.TrimStart().StartsWith('#') || line.Trim().Length == 0)
            {
                continue;
            }

            if (!char.IsWhiteSpace(line[0]))
            {
                Assert.StartsWith("/", line, StringComparison.Ordinal);
                if (path is not null)
                {
                    rules.Add(new NetlifyHeaderRule(path, values!));
                }

                (path, values) = (line.Trim(), new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            Assert.True(path is not null && colon > 0, $"_headers: '{line}' is not a header of a rule.");
            Assert.True(values!.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim()), $"_headers sets {line[..colon].Trim()} twice for {path}.");
        }

        if (path is not null)
        {
            rules.Add(new NetlifyHeaderRule(path, values!));
        }

        return new NetlifyConfig(Model, rules);
    }

    /// <summary>The rules whose <c>for</c> path matches a request path.</summary>
    public IReadOnlyList<NetlifyHeaderRule> RulesFor(string requestPath) =>
        [.. HeaderRules.Where(rule => rule.Matches(requestPath))];

    /// <summary>
    /// The custom headers a response for <paramref name="requestPath"/> gets: the values of every matching
    /// rule. Fails the test when two matching rules set the same header, since Netlify would then
    /// send both values.
    /// </summary>
    public IReadOnlyDictionary<string, string> HeadersFor(string requestPath)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var setBy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in RulesFor(requestPath))
        {
            foreach (var (name, value) in rule.Values)
            {
                Assert.False(
                    setBy.TryGetValue(name, out var earlier),
                    $"{requestPath}: both \"{earlier}\" and \"{rule.For}\" set {name}; Netlify would send both values.");
                headers[name] = value;
                setBy[name] = rule.For;
            }
        }

        return headers;
    }

    /// <summary>A string at a dotted key path (<c>context.deploy-preview.environment</c>, key), or null.</summary>
    public string? Find(string tablePath, string key)
    {
        TomlTable table = Model;
        foreach (var part in tablePath.Split('.'))
        {
            if (!table.TryGetValue(part, out var next) || next is not TomlTable nextTable)
            {
                return null;
            }

            table = nextTable;
        }

        return table.TryGetValue(key, out var value) ? value as string : null;
    }

    private static TomlTable Table(TomlTable table, string key) =>
        table.TryGetValue(key, out var value) && value is TomlTable found
            ? found
            : throw new InvalidDataException($"netlify.toml has no [{key}] table.");

    private static string String(TomlTable table, string key) =>
        table.TryGetValue(key, out var value) && value is string found
            ? found
            : throw new InvalidDataException($"netlify.toml has no string '{key}'.");

    private static IEnumerable<TomlTable> TableArray(TomlTable table, string key) =>
        table.TryGetValue(key, out var value)
            ? value as TomlTableArray ?? throw new InvalidDataException($"netlify.toml's '{key}' is not an array of tables ([[{key}]]).")
            : [];
}

/// <summary>One <c>[[headers]]</c> rule: a <c>for</c> path and the headers it sets.</summary>
/// <param name="For">The path pattern, as written.</param>
/// <param name="Values">The headers, by name.</param>
public sealed record NetlifyHeaderRule(string For, IReadOnlyDictionary<string, string> Values)
{
    private Regex? _pattern;

    /// <summary>
    /// The regular expression Netlify matches request paths with. Netlify's own parser
    /// (netlify/build, packages/headers-parser/src/for_regexp.ts) splits the path at <c>/</c>; a
    /// segment that is exactly <c>*</c> matches anything, slashes included, and may be empty; a
    /// <c>:placeholder</c> matches one segment; a <c>*</c> inside a segment matches anything; other
    /// segments match themselves, case-insensitively; a trailing <c>/</c> is optional.
    /// </summary>
    public Regex Pattern => _pattern ??= ToRegex(For);

    /// <summary>True when a request for <paramref name="requestPath"/> gets this rule's headers.</summary>
    public bool Matches(string requestPath) => Pattern.IsMatch(requestPath);

    /// <summary>Reads a <c>[[headers]]</c> table.</summary>
    public static NetlifyHeaderRule From(TomlTable table)
    {
        var path = table.TryGetValue("for", out var value) && value is string text
            ? text
            : throw new InvalidDataException("A [[headers]] table has no string 'for'.");
        var values = table.TryGetValue("values", out var found) && found is TomlTable headers
            ? headers.ToDictionary(
                pair => pair.Key,
                pair => pair.Value as string ?? throw new InvalidDataException($"Header {pair.Key} for {path} is not a string."),
                StringComparer.OrdinalIgnoreCase)
            : throw new InvalidDataException($"The [[headers]] table for {path} has no [headers.values].");
        return new NetlifyHeaderRule(path, values);
    }

    private static Regex ToRegex(string forPath)
    {
        var parts = forPath.Split('/')
            .Select(part => part.TrimEnd())
            .Where(part => part.Length > 0)
            .Select(part => part switch
            {
                _ when part.StartsWith(':') => "([^/]+)",
                "*" => "?(.*)",
                _ when part.Contains('*') => string.Join("(.*)", part.Split('*').Select(Regex.Escape)),
                _ => Regex.Escape(part),
            });
        return new Regex($"^/{string.Join('/', parts)}/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
