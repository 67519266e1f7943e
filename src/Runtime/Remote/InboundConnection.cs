using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Remote;

/// <summary>
/// A connection another node opened to us: after the handshake a dedicated thread reads frames and delivers their
/// messages. Recoverable problems (unknown manifest, undecodable message, no recipient) skip one frame; a frame above
/// the maximum size, a bad header or a truncated frame end the connection, since the stream can no longer be trusted.
/// </summary>
internal sealed class InboundConnection : IDisposable
{
    private const int ReadBufferBytes = 256 * 1024;

    private readonly RemoteTransport _transport;
    private readonly Socket _socket;
    private readonly Thread _thread;
    private Address _remote;
    private RemoteLane _lane;
    private byte[] _lastRecipientBytes = [];
    private IActorRef? _lastRecipient;
    private byte[] _lastSenderBytes = [];
    private IActorRef? _lastSender;

    public InboundConnection(RemoteTransport transport, Socket socket)
    {
        _transport = transport;
        _socket = socket;
        var endPoint = socket.RemoteEndPoint as IPEndPoint;
        _remote = new Address("unknown", endPoint?.Address.ToString() ?? "unknown", endPoint?.Port ?? 0);
        _thread = new Thread(Run) { IsBackground = true, Name = "relay-remote-in" };
    }

    public void Start() => _thread.Start();

    public void Dispose()
    {
        _socket.Dispose();
        if (Thread.CurrentThread != _thread && _thread.IsAlive)
            _thread.Join(TimeSpan.FromSeconds(10));
    }

    private void Run()
    {
        try
        {
            if (!Authenticate())
                return;
            ReadFrames();
        }
        finally
        {
            _socket.Dispose();
            _transport.Forget(this);
        }
    }

    private bool Authenticate()
    {
        var settings = _transport.Settings;
        try
        {
            _socket.ReceiveTimeout = (int)settings.HandshakeTimeout.TotalMilliseconds;
            _socket.SendTimeout = (int)settings.HandshakeTimeout.TotalMilliseconds;
            (_remote, _lane) = Handshake.Accept(_socket, _transport.Address, settings.Secret, a => _remote = a);
            _socket.ReceiveTimeout = 0;
            _socket.SendTimeout = 0;
            _socket.NoDelay = true;
            if (_lane == RemoteLane.Data)
                _socket.ReceiveBufferSize = 4 * 1024 * 1024;
            return true;
        }
        catch (Exception e) when (e is HandshakeException or SocketException or IOException)
        {
            if (_transport.IsDisposed)
                return false;
            var reason = e is HandshakeException ? e.Message : $"handshake I/O failed: {e.Message}";
            RemoteLog.Refused(_transport.Log, "from", _remote.ToString(), reason);
            _transport.System.EventStream.Publish(new AssociationRefused(_remote, reason));
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    private void ReadFrames()
    {
        using var reader = new SocketReader(_socket, ReadBufferBytes);
        try
        {
            while (ReadFrame(reader))
            {
            }
            RemoteLog.InboundClosed(_transport.Log, _lane, _remote);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or SocketException or ObjectDisposedException)
        {
            if (_transport.IsDisposed)
                return;
            var reason = e is EndOfStreamException ? $"truncated frame: {e.Message}" : e.Message;
            RemoteLog.InboundFailed(_transport.Log, _lane, _remote, reason);
            _transport.System.EventStream.Publish(new AssociationLost(_remote, reason));
        }
    }

    /// <summary>Reads and delivers one frame; false at a clean end of stream between frames.</summary>
    private bool ReadFrame(SocketReader reader)
    {
        if (!reader.Fill(FrameHeader.Size))
            return false;
        if (!FrameHeader.TryRead(reader.Peek(FrameHeader.Size), out var header, out var error))
        {
            _transport.Stats.FrameRejected();
            throw new InvalidDataException($"bad frame header: {error}");
        }
        reader.Consume(FrameHeader.Size);
        var maximum = _transport.Settings.MaximumMessageSize;
        if (header.Kind != FrameKind.Message || header.BodyLength > maximum)
        {
            _transport.Stats.FrameRejected();
            if (header.Kind == FrameKind.Message)
                RemoteLog.FrameTooLarge(_transport.Log, _lane, _remote, header.BodyLength, maximum);
            throw new InvalidDataException(header.Kind == FrameKind.Message
                ? $"frame of {header.BodyLength} bytes exceeds relay-actors.remote.maximum-message-size {maximum}"
                : $"unexpected {header.Kind} frame after the handshake");
        }

        // Strings and header part are contiguous in the read buffer when they fit, else in a rented array.
        byte[]? rented = null;
        ReadOnlySpan<byte> prefix;
        if (header.PrefixLength <= reader.Capacity)
        {
            if (!reader.Fill(header.PrefixLength) && header.PrefixLength > 0)
                throw new EndOfStreamException($"connection closed before a {header.PrefixLength}-byte frame prefix");
            prefix = reader.Peek(header.PrefixLength);
            reader.Consume(header.PrefixLength);
        }
        else
        {
            rented = ArrayPool<byte>.Shared.Rent(header.PrefixLength);
            reader.ReadExactly(rented.AsSpan(0, header.PrefixLength), _transport.Settings.ChunkSize);
            prefix = rented.AsSpan(0, header.PrefixLength);
        }
        try
        {
            return Deliver(reader, header, prefix);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private bool Deliver(SocketReader reader, FrameHeader header, ReadOnlySpan<byte> prefix)
    {
        var manifestBytes = prefix[..header.ManifestLength];
        var recipientBytes = prefix.Slice(header.ManifestLength, header.RecipientLength);
        var senderBytes = prefix.Slice(header.ManifestLength + header.RecipientLength, header.SenderLength);
        var headerPart = prefix.Slice(header.ManifestLength + header.RecipientLength + header.SenderLength, header.HeaderLength);
        var serializer = _transport.Serializers.ForManifest(Encoding.UTF8.GetString(manifestBytes));
        if (serializer is null)
        {
            _transport.Stats.FrameRejected();
            RemoteLog.UnknownManifest(_transport.Log, _remote, Encoding.UTF8.GetString(manifestBytes), header.BodyLength);
            reader.Skip(header.BulkLength);
            return true;
        }
        object message;
        Memory<byte> bulk;
        try
        {
            message = serializer.Read(headerPart, checked((int)header.BulkLength), out bulk);
            if (bulk.Length != header.BulkLength)
                throw new InvalidDataException($"serializer '{serializer.Manifest}' allocated {bulk.Length} bulk bytes for a frame declaring {header.BulkLength}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _transport.Stats.FrameRejected();
            RemoteLog.Undecodable(_transport.Log, e, _remote, serializer.Manifest);
            reader.Skip(header.BulkLength);
            return true;
        }
        var recipient = ResolveRecipient(recipientBytes);
        var sender = ResolveSender(senderBytes);
        reader.ReadExactly(bulk.Span, _transport.Settings.ChunkSize);
        _transport.Stats.Received(_lane, FrameHeader.Size + header.BodyLength);
        if (recipient is null)
        {
            var path = Encoding.UTF8.GetString(recipientBytes);
            RemoteLog.NoRecipient(_transport.Log, path, serializer.MessageType.Name, sender?.Path.ToString() ?? "nobody");
            _transport.System.DeadLetters.Tell(new DeadLetter(message, sender, _transport.System.DeadLetters, $"no actor at {path} (remote message from {_remote})"));
        }
        else
            recipient.Tell(message, sender);
        return true;
    }

    private IActorRef? ResolveRecipient(ReadOnlySpan<byte> bytes)
    {
        // Consecutive frames mostly go to the same actor: compare bytes instead of parsing the path again.
        if (_lastRecipient is IInternalActorRef { IsTerminated: false } && bytes.SequenceEqual(_lastRecipientBytes))
            return _lastRecipient;
        var text = Encoding.UTF8.GetString(bytes);
        if (!ActorPath.TryParse(text, out var path, out _) || !path.Address.Equals(_transport.Address))
            return null;
        var resolved = _transport.System.ResolveLocal(path);
        if (resolved is not null)
        {
            _lastRecipient = resolved;
            _lastRecipientBytes = bytes.ToArray();
        }
        return resolved;
    }

    private IActorRef? ResolveSender(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
            return null;
        if (_lastSender is not null && bytes.SequenceEqual(_lastSenderBytes))
            return _lastSender;
        if (!ActorPath.TryParse(Encoding.UTF8.GetString(bytes), out var path, out _))
            return null;
        _lastSender = _transport.Resolve(path);
        _lastSenderBytes = bytes.ToArray();
        return _lastSender;
    }
}
