using System.CommandLine;
using Broadside.Cli.Commands;

namespace Broadside.Cli;

/// <summary>The <c>broadside</c> command and its subcommands.</summary>
public static class CommandLine
{
    /// <summary>Exit code for a bad command line.</summary>
    public const int UsageError = 2;

    /// <summary>Builds the root command.</summary>
    public static RootCommand Create(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Broadside builds a movement publication's website from Markdown articles.")
        {
            BuildCommand.Create(output, error),
            ServeCommand.Create(output, error),
            CheckCommand.Create(output, error),
            NewCommand.Create(output, error),
            DueCommand.Create(output, error),
        };
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = Create(output, error);
        var parsed = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync($"broadside: {problem.Message}");
            }

            await error.WriteLineAsync("Run 'broadside --help' to see the commands and their options.");
            return UsageError;
        }

        return await parsed.InvokeAsync(configuration);
    }
}
