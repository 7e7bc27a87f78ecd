using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Output;
using Broadside.Templates.Views;
using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace Broadside.Templates;

/// <summary>
/// The theme's templates, parsed once per build and shared read-only by every thread. A page is
/// rendered by its template (<c>templates/NAME.liquid</c>) and then by <c>layouts/base.liquid</c>
/// around it.
/// </summary>
public sealed partial class Theme
{
    /// <summary>The variable that gives a partial rendered without a <c>site</c> (an article's card) its language, for <c>t</c>.</summary>
    public const string LanguageVariable = "language";

    /// <summary>The layout every page is rendered into.</summary>
    public const string BaseLayout = "layouts/base";

    // Escapes what HTML needs escaped, leaves every script's letters as they are and drops what may not be published.
    private static readonly TextEncoder Encoder = HtmlTextEncoder.Instance;

    // The folders templates are read from; the rest of the theme (assets/) is not Liquid.
    private static readonly string[] TemplateFolders = ["layouts", "partials", "templates"];

    // What partial_cached keys fragments by when a template has no 'site'.
    private static readonly object NoSite = new();

    private readonly FrozenDictionary<string, IFluidTemplate> _templates;
    private readonly TemplateOptions _options;

    private Theme(FrozenDictionary<string, IFluidTemplate> templates, TemplateOptions options, string folder, ThemeStrings strings)
    {
        _templates = templates;
        _options = options;
        Folder = folder;
        Strings = strings;
    }

    /// <summary>The theme folder.</summary>
    public string Folder { get; }

    /// <summary>The folder of static assets copied to <c>/assets/</c>.</summary>
    public string AssetsFolder => Path.Combine(Folder, "assets");

    /// <summary>The theme's assets under their published, fingerprinted names.</summary>
    public AssetManifest Assets { get; private init; } = AssetManifest.Empty;

    /// <summary>The theme's words in each language, which templates print with the <c>t</c> filter.</summary>
    public ThemeStrings Strings { get; }

    /// <summary>Names of the templates, as <c>templates/article</c>, <c>layouts/base</c>, <c>partials/byline</c>.</summary>
    public IEnumerable<string> TemplateNames => _templates.Keys.Order(StringComparer.Ordinal);

    /// <summary>
    /// Parses every <c>.liquid</c> file of <paramref name="folder"/>'s <c>layouts/</c>, <c>partials/</c> and
    /// <c>templates/</c>. Files that cannot be read are reported as such; syntax errors are reported with
    /// the template's path and line; templates the build needs and cannot find are reported too, and so is a
    /// <c>t</c> filter that asks for a string no language of the theme has (at the filter's line).
    /// </summary>
    /// <param name="folder">The theme folder.</param>
    /// <param name="displayFolder">The folder as shown in messages.</param>
    /// <param name="baseUrl">The site's absolute base URL, ending in <c>/</c>, for <c>absolute_url</c>.</param>
    /// <param name="root">The site's root-relative path, ending in <c>/</c>, for <c>asset_url</c>.</param>
    /// <param name="timeZone">The site's time zone, for Liquid's <c>date</c> filter.</param>
    /// <param name="culture">The site's culture, for Liquid's <c>date</c> filter.</param>
    /// <param name="required">Template names the build renders.</param>
    /// <param name="diagnostics">Where to report.</param>
    /// <param name="assets">The theme's assets under their published names, for <c>asset_url</c>.</param>
    /// <param name="strings">
    /// The theme's words, for the <c>t</c> filter; when null, read from the theme's <c>i18n/</c> with
    /// <paramref name="culture"/>'s language (English for the invariant culture) as the default.
    /// </param>
    public static Theme Load(
        string folder,
        string displayFolder,
        string baseUrl,
        string root,
        TimeZoneInfo timeZone,
        System.Globalization.CultureInfo culture,
        IEnumerable<string> required,
        DiagnosticBag diagnostics,
        AssetManifest? assets = null,
        ThemeStrings? strings = null)
    {
        assets ??= AssetManifest.Empty;
        strings ??= ThemeStrings.Load(folder, displayFolder, culture.Name.Length > 0 ? culture.Name : ThemeStrings.English, diagnostics);
        var parser = new FluidParser(new FluidParserOptions { AllowFunctions = false });
        var templates = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        var partials = new Dictionary<string, string>(StringComparer.Ordinal);
        var parsed = new List<(string Display, string Source, IFluidTemplate Template)>();

        // Partials on disk, parsed or not: one with a syntax error is reported as that, not as missing.
        var partialFiles = new HashSet<string>(StringComparer.Ordinal);

        if (!Directory.Exists(folder))
        {
            diagnostics.Error(DiagnosticCodes.ThemeFolderMissing, "the theme folder does not exist: pass --theme with the folder that holds layouts/ and templates/", displayFolder);
        }
        else
        {
            var files = TemplateFolders.SelectMany(f => ContentFiles.Enumerate(Path.Combine(folder, f), "*.liquid", root: null, displayFolder + "/" + f, diagnostics, hidden: true));
            foreach (var path in files)
            {
                var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
                var name = relative[..^".liquid".Length];
                var display = Path.Combine(displayFolder, relative).Replace('\\', '/');
                if (name.StartsWith("partials/", StringComparison.Ordinal))
                {
                    partialFiles.Add(name["partials/".Length..] + ".liquid");
                }

                // One that cannot be read is reported as that, not as missing.
                if (Content.TextFile.Read(path, display, diagnostics) is not { } bytes)
                {
                    continue;
                }

                var source = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
                if (parser.TryParse(source, out var template, out var error))
                {
                    templates[name] = template;
                    parsed.Add((display, source, template));
                    if (name.StartsWith("partials/", StringComparison.Ordinal))
                    {
                        partials[name["partials/".Length..] + ".liquid"] = source;
                    }
                }
                else
                {
                    var (line, column) = ErrorLocation(error);
                    diagnostics.Error(DiagnosticCodes.TemplateSyntax, $"the template has a Liquid syntax error: {FirstLine(error)}", display, line, column);
                }
            }
        }

        foreach (var (display, source, template) in parsed)
        {
            var references = References.In(template);
            foreach (var partial in references.Partials.Where(p => !partialFiles.Contains(p)).Distinct(StringComparer.Ordinal))
            {
                var (line, column) = PartialLocation(source, partial);
                diagnostics.Error(
                    DiagnosticCodes.TemplateMissing,
                    $"the template renders the partial '{partial[..^".liquid".Length]}', which the theme does not have: add partials/{partial}, or correct the name",
                    display,
                    line,
                    column);
            }

            foreach (var key in references.Strings.Where(k => !strings.Has(k)).Distinct(StringComparer.Ordinal))
            {
                var (line, column) = StringLocation(source, key);
                diagnostics.Error(
                    DiagnosticCodes.StringUnknown,
                    $"the template prints the string '{key}', which no language of the theme has: add {key}: \"…\" to {strings.DisplayFolder}/{ThemeStrings.English}.yml, or correct the key",
                    display,
                    line,
                    column);
            }
        }

        foreach (var name in required.Prepend(BaseLayout))
        {
            if (!templates.ContainsKey(name) && Directory.Exists(folder)
                && !File.Exists(Path.Combine(folder, name + ".liquid")))
            {
                diagnostics.Error(DiagnosticCodes.TemplateMissing, $"the theme has no template '{name}.liquid': add it, or copy it from the default theme", displayFolder);
            }
        }

        var options = new TemplateOptions
        {
            FileProvider = new PartialFileProvider(partials),
            TimeZone = timeZone,
            CultureInfo = culture,
            MaxRecursion = 32,
        };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        options.MemberAccessStrategy.Register<SiteView>();
        options.MemberAccessStrategy.Register<CallToActionView>();
        options.MemberAccessStrategy.Register<ActionLinkView>();
        options.MemberAccessStrategy.Register<SignupView>();
        options.MemberAccessStrategy.Register<HiddenFieldView>();
        options.MemberAccessStrategy.Register<MetaView>();
        options.MemberAccessStrategy.Register<ArticleView>();
        options.MemberAccessStrategy.Register<PageView>();
        options.MemberAccessStrategy.Register<LinkView>();
        options.MemberAccessStrategy.Register<DemandView>();
        options.MemberAccessStrategy.Register<PageLinkView>();
        options.MemberAccessStrategy.Register<ArticleLinkView>();
        options.MemberAccessStrategy.Register<PaginationView>();
        options.MemberAccessStrategy.Register<PageNumberView>();
        options.MemberAccessStrategy.Register<ArchiveView>();
        options.MemberAccessStrategy.Register<TermsView>();
        options.MemberAccessStrategy.Register<TermSummaryView>();
        options.MemberAccessStrategy.Register<DemandSummaryView>();
        options.MemberAccessStrategy.Register<WordingView>();
        options.MemberAccessStrategy.Register<VictoryView>();
        options.MemberAccessStrategy.Register<TimelineView>();
        options.MemberAccessStrategy.Register<TimelineBar>();
        options.MemberAccessStrategy.Register<MomentumView>();
        options.MemberAccessStrategy.Register<DemandEntryView>();
        options.MemberAccessStrategy.Register<TopicView>();
        options.MemberAccessStrategy.Register<DemandOrderView>();
        options.MemberAccessStrategy.Register<DemandsIndexView>();
        options.MemberAccessStrategy.Register<FeedLinkView>();
        options.MemberAccessStrategy.Register<LanguageLinkView>();
        options.MemberAccessStrategy.Register<CorrectionView>();
        options.MemberAccessStrategy.Register<SeriesView>();
        options.MemberAccessStrategy.Register<SeriesPartView>();
        options.MemberAccessStrategy.Register<HeadingView>();
        options.MemberAccessStrategy.Register<Pictures.PictureView>();
        options.MemberAccessStrategy.Register<Pictures.PictureSourceView>();
        options.ValueConverters.Add(value => value is RawHtml html ? html.ToFluidValue() : null);

        options.Filters.AddFilter("asset_url", (input, _, _) => new StringValue(root + ReservedPaths.Assets + "/" + assets.PathOf(input.ToStringValue())));
        options.Filters.AddFilter("absolute_url", (input, _, _) => new StringValue(AbsoluteUrl(baseUrl, root, input.ToStringValue())));

        var fragments = new ConditionalWeakTable<object, ConcurrentDictionary<(string Partial, string Variant), Utf8HtmlValue>>();
        options.Filters.AddFilter("t", (input, arguments, context) => Translate(strings, input, arguments, context));
        options.Filters.AddFilter("partial_cached", (input, arguments, context) => PartialCached(templates, options, fragments, input, arguments, context));
        Utf8HtmlValue.PassAsStrings(options.Filters);

        return new Theme(templates.ToFrozenDictionary(StringComparer.Ordinal), options, folder, strings) { Assets = assets };
    }

    /// <summary>True when the theme has the template <paramref name="name"/>.</summary>
    public bool Has(string name) => _templates.ContainsKey(name);

    /// <summary>
    /// Renders <c>templates/<paramref name="template"/></c> with <paramref name="variables"/>, then the
    /// base layout around it. A failure is reported against <paramref name="source"/> and gives null.
    /// </summary>
    /// <param name="template">The template's name under <c>templates/</c>.</param>
    /// <param name="site">The site, as <c>site</c>.</param>
    /// <param name="meta">The page's head metadata, as <c>meta</c>.</param>
    /// <param name="variables">The page's own variables.</param>
    /// <param name="source">The file the page is made from, for messages; null for listings.</param>
    /// <param name="diagnostics">Where to report.</param>
    public string? RenderPage(
        string template,
        SiteView site,
        MetaView meta,
        IEnumerable<KeyValuePair<string, object?>> variables,
        string? source,
        DiagnosticBag diagnostics)
    {
        using var page = new PooledBuffer();
        return RenderPage(page, template, site, meta, variables, source, diagnostics) ? Encoding.UTF8.GetString(page.Written) : null;
    }

    /// <summary>
    /// Renders the page as <see cref="RenderPage(string, SiteView, MetaView, IEnumerable{KeyValuePair{string, object}}, string, DiagnosticBag)"/>
    /// does, as UTF-8 into <paramref name="into"/>; false, with what was written to be thrown away,
    /// after reporting a failure.
    /// </summary>
    /// <param name="into">Where the page's UTF-8 bytes are written.</param>
    /// <param name="template">The template's name under <c>templates/</c>.</param>
    /// <param name="site">The site, as <c>site</c>.</param>
    /// <param name="meta">The page's head metadata, as <c>meta</c>.</param>
    /// <param name="variables">The page's own variables.</param>
    /// <param name="source">The file the page is made from, for messages; null for listings.</param>
    /// <param name="diagnostics">Where to report.</param>
    public bool RenderPage(
        PooledBuffer into,
        string template,
        SiteView site,
        MetaView meta,
        IEnumerable<KeyValuePair<string, object?>> variables,
        string? source,
        DiagnosticBag diagnostics)
    {
        var name = "templates/" + template;
        if (!_templates.TryGetValue(name, out var body) || !_templates.TryGetValue(BaseLayout, out var layout))
        {
            return false;
        }

        var context = new TemplateContext(_options);
        context.SetValue("site", site);
        context.SetValue("meta", meta);
        foreach (var (key, value) in variables)
        {
            context.SetValue(key, value);
        }

        try
        {
            // Each is rendered in a scope of its own, as before; the template's bytes are copied into
            // the layout's where it prints 'content'.
            using var content = new PooledBuffer();
            Render(body, new Utf8Writer(content), context);
            context.SetValue("content", new Utf8HtmlValue(content.WrittenMemory));
            Render(layout, new Utf8Writer(into), context);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            diagnostics.Error(
                DiagnosticCodes.TemplateRender,
                $"the theme failed to render it with '{name}.liquid': {FirstLine(ex.Message)}",
                source);
            return false;
        }
    }

    /// <summary>
    /// Renders <c>partials/<paramref name="partial"/></c> with only <paramref name="variables"/>, as
    /// Liquid's <c>render</c> tag would; empty when the theme has no such partial.
    /// </summary>
    public string RenderPartial(string partial, IEnumerable<KeyValuePair<string, object?>> variables, DiagnosticBag diagnostics)
    {
        if (!_templates.TryGetValue("partials/" + partial, out var template))
        {
            return string.Empty;
        }

        var context = new TemplateContext(_options);
        foreach (var (key, value) in variables)
        {
            context.SetValue(key, value);
        }

        try
        {
            return template.Render(context, Encoder);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            diagnostics.Error(DiagnosticCodes.TemplateRender, $"the theme failed to render 'partials/{partial}.liquid': {FirstLine(ex.Message)}");
            return string.Empty;
        }
    }

    // A fragment most pages share (a header, a footer), rendered once per build (per 'site') and
    // variant, with only 'site' and 'variant', as Hugo's partialCached does.
    private static Utf8HtmlValue PartialCached(
        Dictionary<string, IFluidTemplate> templates,
        TemplateOptions options,
        ConditionalWeakTable<object, ConcurrentDictionary<(string Partial, string Variant), Utf8HtmlValue>> fragments,
        FluidValue input,
        FilterArguments arguments,
        TemplateContext context)
    {
        var name = input.ToStringValue();
        var variant = arguments.Count > 0 ? arguments.At(0).ToStringValue() : string.Empty;
        var site = context.GetValue("site").ToObjectValue() ?? NoSite;
        return fragments.GetValue(site, _ => new()).GetOrAdd((name, variant), key =>
        {
            if (!templates.TryGetValue("partials/" + key.Partial, out var partial))
            {
                throw new InvalidOperationException($"partial_cached names the partial '{key.Partial}', which the theme does not have: add partials/{key.Partial}.liquid, or correct the name");
            }

            var fragment = new TemplateContext(options);
            fragment.SetValue("site", site == NoSite ? null : site);
            fragment.SetValue("variant", key.Variant);
            using var buffer = new PooledBuffer(16 * 1024);
            Render(partial, new Utf8Writer(buffer), fragment);
            return new Utf8HtmlValue(buffer.Written.ToArray());
        });
    }

    // {{ 'key' | t: name: value, count: n }}: the key's wording in the language of the page ('site.language';
    // where a template has no 'site', its 'language', as an article's card has; else the default
    // language), escaped as any text is. HTML the template made
    // and passes as a value (a captured link or <time>) goes in as it is.
    private static FluidValue Translate(ThemeStrings strings, FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var key = input.ToStringValue();
        var names = arguments.Names.ToList();
        if (arguments.Count > names.Count)
        {
            throw new InvalidOperationException($"the t filter takes named values, as in {{{{ '{key}' | t: count: n }}}}");
        }

        var language = context.GetValue("site").ToObjectValue() is SiteView site ? site.Language
            : context.GetValue(LanguageVariable).ToStringValue() is { Length: > 0 } given ? given
            : strings.DefaultLanguage;
        long? count = null;
        var html = false;
        var values = new (string Name, object? Value)[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            var value = arguments[names[i]];
            if (names[i] == "count")
            {
                count = (long)decimal.Truncate(Math.Clamp(value.ToNumberValue(), long.MinValue, long.MaxValue));
            }

            object? plain = value switch
            {
                StringValue { Encode: false } or Utf8HtmlValue => new TrustedHtml(value.ToStringValue()),
                NumberValue => value.ToNumberValue(),
                NilValue or EmptyValue or BlankValue => null,
                _ => value.ToStringValue(),
            };
            html |= plain is TrustedHtml;
            values[i] = (names[i], plain);
        }

        // Plain text is escaped when printed, as every string is; text with HTML in it is escaped here, but for the HTML.
        var text = strings.For(language).Compose(key, count, values, html ? Encoder : null);
        return new StringValue(text, encode: !html);
    }

    private static void Render(IFluidTemplate template, Utf8Writer writer, TemplateContext context)
    {
        var rendering = template.RenderAsync(writer, context, Encoder, isolateContext: true);
        if (!rendering.IsCompletedSuccessfully)
        {
            rendering.AsTask().GetAwaiter().GetResult();
        }

        writer.Flush();
    }

    /// <summary>Joins the base URL and a root-relative or relative URL; absolute URLs pass through.</summary>
    public static string AbsoluteUrl(string baseUrl, string root, string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return url;
        }

        var path = url.StartsWith(root, StringComparison.Ordinal) ? url[root.Length..] : url.TrimStart('/');
        return baseUrl + path;
    }

    private static (int Line, int Column) ErrorLocation(string error)
    {
        var match = LocationPattern().Match(error);
        return match.Success ? (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)) : (0, 0);
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return LocationPattern().Replace(line, string.Empty).Trim();
    }

    // Where a render or include tag names the partial, for the message; the tag itself has no position.
    private static (int Line, int Column) PartialLocation(string source, string partial)
    {
        foreach (Match match in PartialTagPattern().Matches(source))
        {
            var named = match.Groups["name"].Value;
            if ((named.EndsWith(".liquid", StringComparison.Ordinal) ? named : named + ".liquid") == partial)
            {
                return LineAndColumn(source, match.Index);
            }
        }

        return (0, 0);
    }

    // Where a template prints the string 'key' with the t filter, for the message.
    private static (int Line, int Column) StringLocation(string source, string key)
    {
        var match = Regex.Match(source, $@"(['""]){Regex.Escape(key)}\1\s*\|\s*t\b");
        return match.Success ? LineAndColumn(source, match.Index) : (0, 0);
    }

    // The 1-based line and column of a place in a template.
    private static (int Line, int Column) LineAndColumn(string source, int index)
    {
        var before = source.AsSpan(0, index);
        return (before.Count('\n') + 1, index - (before.LastIndexOf('\n') + 1) + 1);
    }

    [GeneratedRegex(@"at \((\d+):(\d+)\)")]
    private static partial Regex LocationPattern();

    [GeneratedRegex(@"\{%-?\s*(?:render|include)\s+(['""])(?<name>[^'""]+)\1")]
    private static partial Regex PartialTagPattern();

    /// <summary>
    /// What a template names that the theme must have: the partials of its <c>render</c> and <c>include</c>
    /// tags, as file names (<c>byline.liquid</c>), and the keys it prints with <c>'key' | t</c>. A name
    /// computed when the page renders cannot be checked before, and is left out.
    /// </summary>
    private sealed class References : AstVisitor
    {
        private References()
        {
        }

        /// <summary>The partials, as file names.</summary>
        public List<string> Partials { get; } = [];

        /// <summary>The keys of the strings.</summary>
        public List<string> Strings { get; } = [];

        public static References In(IFluidTemplate template)
        {
            var visitor = new References();
            visitor.VisitTemplate(template);
            return visitor;
        }

        protected override Statement VisitRenderStatement(RenderStatement renderStatement)
        {
            AddPartial(renderStatement.Path);
            return base.VisitRenderStatement(renderStatement);
        }

        protected override Statement VisitIncludeStatement(IncludeStatement includeStatement)
        {
            if (includeStatement.Path is LiteralExpression literal)
            {
                AddPartial(literal.Value.ToStringValue());
            }

            return base.VisitIncludeStatement(includeStatement);
        }

        protected override Expression VisitFilterExpression(FilterExpression filterExpression)
        {
            if (filterExpression.Name == "t" && filterExpression.Input is LiteralExpression literal)
            {
                Strings.Add(literal.Value.ToStringValue());
            }

            return base.VisitFilterExpression(filterExpression);
        }

        private void AddPartial(string path) => Partials.Add(path.EndsWith(".liquid", StringComparison.Ordinal) ? path : path + ".liquid");
    }
}
