using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;

namespace RelayActors.Host.Commands;

/// <summary>Runs the cells of one kind of comparison (training or quadratics) and says what identifies their results.</summary>
internal interface ICompareCellRunner
{
    /// <summary>Why <paramref name="cell"/> cannot run (invalid settings, a topology the algorithm does not take) with the exit code, or null.</summary>
    CompareFailure? Check(CompareCell cell);

    /// <summary>A canonical text of every setting that determines the cell's numbers: equal texts, equal results.</summary>
    string Identity(CompareCell cell);

    /// <summary>Whether <paramref name="folder"/> holds the cell's finished results (besides its <c>cell.json</c>).</summary>
    bool HasResults(CompareCell cell, string folder);

    /// <summary>Runs (or resumes) the cell into <paramref name="folder"/>, logging to <paramref name="log"/>; returns the exit code.</summary>
    int Run(CompareCell cell, string folder, TextWriter log);
}

/// <summary>Why a cell cannot run, with the exit code the command returns for it.</summary>
internal sealed record CompareFailure(int ExitCode, string Message)
{
    /// <summary>Why <paramref name="algorithm"/> cannot run on <paramref name="workers"/> workers of the topology (all-reduce: fully connected), or null.</summary>
    public static CompareFailure? OfTopology(string cellId, Algorithm algorithm, TopologyKind configured, int workers, SpanningTreeKind spanningTree, int root)
    {
        var kind = TopologyChoice.KindFor(algorithm, configured);
        // The root's default is 0 in the config, so only a different root counts as asked for.
        if (TopologyChoice.Validate(kind, workers, spanningTree, root == 0 ? null : root) is { } sizeError)
            return new CompareFailure(ExitCodes.InvalidArguments, $"{cellId}: {sizeError}");
        return AlgorithmNodes.Unsupported(algorithm, TopologyChoice.Build(kind, workers, spanningTree, root, out _)) is { } reason
            ? new CompareFailure(ExitCodes.UnsupportedTopology, $"{cellId}: {reason}.")
            : null;
    }
}
