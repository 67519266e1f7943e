using RelayActors.Host.Commands;

// Composition root only (C14): parse, run, return the exit code. Everything else is testable in-process.
return RelayCli.Run(args, Console.Out, Console.Error);
