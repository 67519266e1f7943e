using Microsoft.Extensions.Logging;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Remote;

/// <summary>Source-generated log messages of the remote transport (never containing the secret).</summary>
internal static partial class RemoteLog
{
    [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "Remote transport of {System} listening on {Address}")]
    public static partial void Listening(ILogger logger, string system, Address address);

    [LoggerMessage(EventId = 601, Level = LogLevel.Information, Message = "Association to {Remote} established (control and data lanes)")]
    public static partial void Established(ILogger logger, Address remote);

    [LoggerMessage(EventId = 602, Level = LogLevel.Warning, Message = "Association to {Remote} lost on the {Lane} lane: {Reason}")]
    public static partial void Lost(ILogger logger, Address remote, RemoteLane lane, string reason);

    [LoggerMessage(EventId = 603, Level = LogLevel.Warning, Message = "Connection {Direction} {Remote} refused during the handshake: {Reason}")]
    public static partial void Refused(ILogger logger, string direction, string remote, string reason);

    [LoggerMessage(EventId = 604, Level = LogLevel.Warning, Message = "Cannot connect the {Lane} lane to {Remote}: {Reason}; retrying on the next send after {Backoff}")]
    public static partial void ConnectFailed(ILogger logger, RemoteLane lane, Address remote, string reason, TimeSpan backoff);

    [LoggerMessage(EventId = 605, Level = LogLevel.Warning, Message = "Dropped {Count} message(s) to {Remote} on the {Lane} lane: {Reason} ({Total} dropped in total)")]
    public static partial void Dropped(ILogger logger, int count, Address remote, RemoteLane lane, string reason, long total);

    [LoggerMessage(EventId = 606, Level = LogLevel.Error, Message = "Not sending {MessageType} to {Recipient}: the message is {Size} bytes, relay-actors.remote.maximum-message-size is {Maximum} ({Total} dropped in total)")]
    public static partial void MessageTooLarge(ILogger logger, string messageType, ActorPath recipient, long size, long maximum, long total);

    [LoggerMessage(EventId = 607, Level = LogLevel.Error, Message = "Not sending {MessageType} to {Recipient}: no serializer is registered for that exact type ({Total} dropped in total)")]
    public static partial void NoSerializer(ILogger logger, string messageType, ActorPath recipient, long total);

    [LoggerMessage(EventId = 608, Level = LogLevel.Error, Message = "Closing the {Lane} connection from {Remote}: a frame declares {Size} bytes, relay-actors.remote.maximum-message-size is {Maximum}")]
    public static partial void FrameTooLarge(ILogger logger, RemoteLane lane, Address remote, long size, long maximum);

    [LoggerMessage(EventId = 609, Level = LogLevel.Error, Message = "Skipped a {Size}-byte frame from {Remote}: unknown manifest '{Manifest}'")]
    public static partial void UnknownManifest(ILogger logger, Address remote, string manifest, long size);

    [LoggerMessage(EventId = 610, Level = LogLevel.Error, Message = "Skipped a frame from {Remote} with manifest '{Manifest}': it could not be deserialized")]
    public static partial void Undecodable(ILogger logger, Exception exception, Address remote, string manifest);

    [LoggerMessage(EventId = 611, Level = LogLevel.Warning, Message = "The {Lane} connection from {Remote} failed: {Reason}")]
    public static partial void InboundFailed(ILogger logger, RemoteLane lane, Address remote, string reason);

    [LoggerMessage(EventId = 612, Level = LogLevel.Warning, Message = "No actor at {Recipient} for {MessageType} from {Sender}; sent to dead letters")]
    public static partial void NoRecipient(ILogger logger, string recipient, string messageType, string sender);

    [LoggerMessage(EventId = 613, Level = LogLevel.Error, Message = "Serializing {MessageType} to {Recipient} failed; message dropped ({Total} dropped in total)")]
    public static partial void SerializeFailed(ILogger logger, Exception exception, string messageType, ActorPath recipient, long total);

    [LoggerMessage(EventId = 614, Level = LogLevel.Debug, Message = "The {Lane} connection from {Remote} closed")]
    public static partial void InboundClosed(ILogger logger, RemoteLane lane, Address remote);
}
