namespace RelayActors.Host.Commands;

/// <summary>Process exit codes of the <c>relay</c> command.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Bad flags or values (System.CommandLine's parse errors use 1 as well).</summary>
    public const int InvalidArguments = 1;

    /// <summary>The algorithm is not defined on the chosen topology (RelaySum on a graph with cycles).</summary>
    public const int UnsupportedTopology = 2;

    /// <summary>The run started but did not finish (a worker failed, or the real-clock timeout passed).</summary>
    public const int RunFailed = 3;
}
