using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace RelayActors.Host.Commands;

/// <summary>The <c>relay</c> command line: the root command and its subcommands.</summary>
internal static class RelayCli
{
    /// <summary>Parses <paramref name="args"/>, runs the chosen command writing to the given writers, and returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        var parseResult = CreateRootCommand().Parse(args);
        // A parse error prints the error alone: the full help would bury it.
        if (parseResult.Action is ParseErrorAction parseError)
            parseError.ShowHelp = false;
        return parseResult.Invoke(configuration);
    }

    /// <summary>The root command; with no subcommand it prints help.</summary>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("relay: decentralized learning with RelaySum on an actor runtime.");
        root.Subcommands.Add(CompareCommand.Create());
        root.Subcommands.Add(ConsensusCommand.Create());
        root.Subcommands.Add(NodeCommand.Create());
        root.Subcommands.Add(QuadraticsCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.SetAction(parseResult =>
        {
            new HelpAction().Invoke(parseResult);
            return ExitCodes.Success;
        });
        return root;
    }
}
