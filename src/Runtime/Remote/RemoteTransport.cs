using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Remote;

/// <summary>
/// TCP remoting for one actor system (Akka.Remote's role): a listener, one association per other node with a control
/// and a data lane, length-prefixed frames with chunked bulk parts, and an optional HMAC handshake. Delivery is
/// at-most-once and ordered per sender–receiver pair within a lane. See docs/REMOTE.md.
/// </summary>
public sealed class RemoteTransport : IRemoting, IAsyncDisposable
{
    private const int MaxCachedSenderPaths = 10_000;

    [ThreadStatic]
    private static PooledBufferWriter? t_scratch;

    private readonly Socket _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Address, Association> _associations = new();
    private readonly ConcurrentDictionary<ActorPath, RemoteActorRef> _remoteRefs = new();
    private readonly ConcurrentDictionary<ActorPath, byte[]> _senderPaths = new();
    private readonly ConcurrentDictionary<string, byte[]> _manifests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<InboundConnection, byte> _inbound = new();
    private readonly Lock _associationGate = new();
    private Task _acceptLoop = Task.CompletedTask;
    private int _disposed;

    private RemoteTransport(ActorSystem system, RemoteSettings settings, SerializerRegistry serializers, Socket listener, Address address)
    {
        System = system;
        Settings = settings;
        Serializers = serializers;
        _listener = listener;
        Address = address;
        Log = system.LoggerFactory.CreateLogger("RelayActors.Runtime.Remote");
    }

    /// <summary>Binds the listener on <c>hostname:port</c> and starts accepting connections.</summary>
    public static Task<RemoteTransport> StartAsync(ActorSystem system, RemoteSettings settings, SerializerRegistry serializers, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(serializers);
        ct.ThrowIfCancellationRequested();
        settings.Validate();
        var ip = IPAddress.TryParse(settings.Hostname, out var parsed) ? parsed : Dns.GetHostAddresses(settings.Hostname)[0];
        var listener = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Bind(new IPEndPoint(ip, settings.Port));
            listener.Listen(512);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        var transport = new RemoteTransport(system, settings, serializers, listener, new Address(system.Name, settings.Hostname, port));
        transport._acceptLoop = Task.Run(transport.AcceptLoop, CancellationToken.None);
        RemoteLog.Listening(transport.Log, system.Name, transport.Address);
        return Task.FromResult(transport);
    }

    public Address Address { get; }

    /// <summary>Traffic, rejected frames and dropped messages since start.</summary>
    public RemoteCounters Counters => Stats.Snapshot();

    internal ActorSystem System { get; }

    internal RemoteSettings Settings { get; }

    internal SerializerRegistry Serializers { get; }

    internal ILogger Log { get; }

    internal TransportCounters Stats { get; } = new();

    internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    public IActorRef Resolve(ActorPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Address.Equals(Address) || path.Address.IsLocal)
            return System.ResolveLocal(path) ?? new MissingActorRef(path, System);
        return _remoteRefs.GetOrAdd(path, static (p, t) => new RemoteActorRef(t, p), this);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        await Task.Run(() =>
        {
            foreach (var association in _associations.Values)
                association.Dispose();
            foreach (var connection in _inbound.Keys)
                connection.Dispose();
        }).ConfigureAwait(false);
        _stopping.Dispose();
    }

    public override string ToString() => $"RemoteTransport[{Address}]";

    /// <summary>Serializes <paramref name="message"/> on the caller's thread and queues it on its lane to the recipient's node.</summary>
    internal void Send(RemoteActorRef recipient, object message, IActorRef? sender)
    {
        var type = message.GetType();
        if (IsDisposed)
        {
            RemoteLog.Dropped(Log, 1, recipient.Path.Address, RemoteLane.Control, "the transport is shut down", Stats.Dropped());
            return;
        }
        var serializer = Serializers.ForType(type);
        if (serializer is null)
        {
            RemoteLog.NoSerializer(Log, type.Name, recipient.Path, Stats.Dropped());
            return;
        }
        var manifest = _manifests.GetOrAdd(serializer.Manifest, static m => Encoding.UTF8.GetBytes(m));
        var senderBytes = SenderBytes(sender);
        var scratch = t_scratch ??= new PooledBufferWriter(4096);
        scratch.Clear();
        ReadOnlyMemory<byte> bulk;
        int headerLength;
        try
        {
            scratch.Advance(FrameHeader.Size);
            scratch.Write(manifest);
            scratch.Write(recipient.PathBytes);
            scratch.Write(senderBytes);
            var before = scratch.WrittenCount;
            bulk = serializer.Write(message, scratch);
            headerLength = scratch.WrittenCount - before;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            RemoteLog.SerializeFailed(Log, e, type.Name, recipient.Path, Stats.Dropped());
            return;
        }
        var header = new FrameHeader(FrameKind.Message, manifest.Length, recipient.PathBytes.Length, senderBytes.Length, headerLength, bulk.Length);
        if (header.BodyLength > Settings.MaximumMessageSize)
        {
            RemoteLog.MessageTooLarge(Log, type.Name, recipient.Path, header.BodyLength, Settings.MaximumMessageSize, Stats.Dropped());
            serializer.Released(message);
            return;
        }
        header.Write(scratch.WrittenSpan);
        var prefix = ArrayPool<byte>.Shared.Rent(scratch.WrittenCount);
        scratch.WrittenSpan.CopyTo(prefix);
        AssociationTo(recipient.Path.Address).Send(serializer.Lane, new OutboundFrame(prefix, scratch.WrittenCount, bulk, serializer, message));
    }

    internal void Forget(InboundConnection connection) => _inbound.TryRemove(connection, out _);

    private Association AssociationTo(Address remote)
    {
        if (_associations.TryGetValue(remote, out var association))
            return association;
        // Locked so that two first sends cannot start two sets of lane threads for one node.
        lock (_associationGate)
            return _associations.GetOrAdd(remote, r => new Association(this, r));
    }

    private byte[] SenderBytes(IActorRef? sender)
    {
        switch (sender)
        {
            case null:
                return [];
            case RemoteActorRef remote:
                return remote.PathBytes;
        }
        if (ReferenceEquals(sender, System.DeadLetters))
            return [];
        if (_senderPaths.TryGetValue(sender.Path, out var bytes))
            return bytes;
        if (_senderPaths.Count >= MaxCachedSenderPaths)
            _senderPaths.Clear();
        bytes = Encoding.UTF8.GetBytes(sender.Path.WithAddress(Address).ToString());
        _senderPaths[sender.Path] = bytes;
        return bytes;
    }

    private async Task AcceptLoop()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stopping.IsCancellationRequested)
                    return;
                continue;
            }
            var connection = new InboundConnection(this, socket);
            _inbound[connection] = 0;
            connection.Start();
        }
    }
}
