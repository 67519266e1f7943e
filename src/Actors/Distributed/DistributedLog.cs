using Microsoft.Extensions.Logging;

namespace RelayActors.Actors.Distributed;

/// <summary>Log messages of distributed runs (source-generated: nothing is formatted when the level is off).</summary>
internal static partial class DistributedLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId}: cannot build it on {Node}: {Error}")]
    public static partial void BuildFailed(ILogger logger, string runId, string node, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: hosting workers {Workers} of {Count}")]
    public static partial void Hosting(ILogger logger, string runId, IReadOnlyList<int> workers, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId}: cannot start the segment to node step {End} on {Node}: {Error}")]
    public static partial void SegmentFailed(ILogger logger, string runId, long end, string node, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: start of a segment ending at node step {End} that {Node} has not prepared; ignored")]
    public static partial void UnpreparedStart(ILogger logger, string runId, long end, string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: aborted on {Node}: {Reason}")]
    public static partial void Aborted(ILogger logger, string runId, string node, string reason);
}
