using Microsoft.Extensions.Logging;
using RelayActors.Runtime.Supervision;

namespace RelayActors.Runtime.Kernel;

/// <summary>Source-generated log messages of the kernel (no formatting cost when a level is off).</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Actor {Path} failed while processing {MessageType}; supervisor directive: {Directive}")]
    public static partial void ActorFailed(ILogger logger, Exception exception, ActorPath path, string messageType, Directive directive);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Actor {Path} exhausted its restart budget and is stopped")]
    public static partial void RestartBudgetExhausted(ILogger logger, ActorPath path);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "The supervisor strategy of {Path} threw; escalating")]
    public static partial void DeciderFailed(ILogger logger, Exception exception, ActorPath path);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "{Hook} of {Path} threw")]
    public static partial void HookFailed(ILogger logger, Exception exception, ActorPath path, string hook);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Actor {Path} failed while stopping (processing {MessageType}); ignored")]
    public static partial void FailureWhileStopping(ILogger logger, Exception exception, ActorPath path, string messageType);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Dead letter: {Message} from {Sender} to {Recipient} ({Reason}); {Count} dead letters so far")]
    public static partial void DeadLetter(ILogger logger, object message, ActorPath? sender, ActorPath recipient, string reason, long count);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "{Suppressed} dead letters were not logged in the last {Window} (log limit reached)")]
    public static partial void DeadLettersSuppressed(ILogger logger, long suppressed, TimeSpan window);

    [LoggerMessage(EventId = 8, Level = LogLevel.Debug, Message = "Unhandled {MessageType} in {Path}")]
    public static partial void UnhandledMessage(ILogger logger, ActorPath path, string messageType);

    [LoggerMessage(EventId = 9, Level = LogLevel.Error, Message = "Scheduled action due at {Due} threw")]
    public static partial void ScheduledActionFailed(ILogger logger, Exception exception, TimeSpan due);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Actor system {System} did not terminate within {Timeout}; {Live} actors still alive")]
    public static partial void ShutdownTimedOut(ILogger logger, string system, TimeSpan timeout, long live);
}
