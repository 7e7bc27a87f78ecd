using System.CommandLine;
using System.Diagnostics;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Diagnostics;

namespace Broadside.Cli.Commands;

/// <summary><c>broadside new "Headline"</c>: starts an article with valid front matter, dated now, as a draft.</summary>
public static class NewCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(TextWriter output, TextWriter error, Func<DateTimeOffset>? clock = null)
    {
        var headline = new Argument<string>("headline") { Description = "The article's headline, in quotes." };
        var input = CommonOptions.Input();
        var section = new Option<string?>("--section", "-s") { Description = "The section (default: the first in site.yml)." };
        var author = new Option<string?>("--author", "-a") { Description = "The byline (default: your git user.name)." };
        var lang = new Option<string?>("--lang", "-l") { Description = "The language it is written in, one of site.yml's languages (default: the site's language)." };
        var command = new Command("new", "Start a new article in input/articles/<year>/, dated now, as a draft.")
        {
            headline, input, section, author, lang,
        };

        command.SetAction(parsed =>
        {
            var reporter = new Reporter(output, error);
            var folder = parsed.GetRequiredValue(input).FullName;
            var diagnostics = new DiagnosticBag();
            var siteFile = Path.Combine(folder, "site.yml");
            var site = SiteConfigLoader.Load(siteFile, CommonOptions.Relative(siteFile), diagnostics);
            if (diagnostics.HasErrors)
            {
                reporter.Diagnostics(diagnostics.ToImmutableSorted());
                reporter.ErrorLine("Fix site.yml first: the new article takes its time zone and sections from it.");
                return 1;
            }

            // The tag as the build reads it back from 'lang:' (es-mx is es-MX); one it would refuse is refused here.
            var written = parsed.GetValue(lang);
            var tag = string.IsNullOrWhiteSpace(written) ? null : LanguageTag.Name(written.Trim());
            if (written is not null && tag is null)
            {
                reporter.ErrorLine($"'{written}' is not a language tag: use one such as en, es, fr or pt-BR.");
                return 1;
            }

            var language = site.LanguageOf(tag);
            if (language is null)
            {
                var codes = string.Join(", ", site.AllLanguages.Select(l => l.Code));
                reporter.ErrorLine($"'{written}' is not a language of site.yml, which lists {codes}: write one of them, or add the language under languages: in site.yml first.");
                return 1;
            }

            // The section as the article's language names it; the English name would do as well.
            var sectionName = parsed.GetValue(section) ?? site.Sections.Select(s => s.NameIn(language.Code)).FirstOrDefault() ?? "News";
            var byline = parsed.GetValue(author) ?? GitUserName() ?? Environment.UserName;
            var scaffold = ArticleScaffold.Create(parsed.GetRequiredValue(headline), sectionName, byline, (clock ?? (() => DateTimeOffset.UtcNow))(), site, tag);
            if (scaffold is null)
            {
                reporter.ErrorLine("The headline has no letters or digits to name the file after: write a headline in words.");
                return 1;
            }

            var path = Path.Combine(folder, scaffold.RelativePath);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                using var writer = new StreamWriter(stream);
                writer.Write(scaffold.Text);
            }
            catch (IOException) when (File.Exists(path))
            {
                reporter.ErrorLine($"{CommonOptions.Relative(path)} already exists and was left as it is: choose another headline, or edit that file.");
                return 1;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                var why = ex is UnauthorizedAccessException ? "permission denied" : ex.Message;
                reporter.ErrorLine($"Cannot write {CommonOptions.Relative(path)}: {why}. Make its folder writable, or remove the file in the way.");
                return 1;
            }

            if (!site.Sections.Any(s => s.AllNames.Any(name => TermKey.Of(name) == TermKey.Of(sectionName))))
            {
                reporter.Line($"Note: '{sectionName}' is not a section of site.yml; it will get its own page, after the listed sections.", "yellow");
            }

            reporter.Line(CommonOptions.Relative(path));
            return 0;
        });
        return command;
    }

    private static string? GitUserName()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "config user.name") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            if (git is null)
            {
                return null;
            }

            var name = git.StandardOutput.ReadToEnd().Trim();
            return git.WaitForExit(5000) && git.ExitCode == 0 && name.Length > 0 ? name : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
