using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace RelayActors.Runtime.Remote;

/// <summary>
/// One lane of an association: a TCP connection this node opened (it only ever writes on it), a send queue bounded
/// by <c>send-buffer-limit</c> bytes, and a dedicated writer thread that drains the queue into one buffer per socket
/// write; bulk parts go to the socket in chunks straight from the message's memory. A lane that cannot connect drops
/// what is queued and everything sent during its backoff (at-most-once).
/// </summary>
internal sealed class OutboundLane : IDisposable
{
    private const int BatchBytes = 256 * 1024;
    private static readonly TimeSpan IdleCheck = TimeSpan.FromMilliseconds(500);

    private readonly Association _association;
    private readonly RemoteTransport _transport;
    private readonly RemoteLane _lane;
    private readonly object _gate = new();
    private readonly Queue<OutboundFrame> _queue = new();
    private readonly List<OutboundFrame> _batch = [];
    private readonly Thread _thread;
    private long _queuedBytes;
    private long _backoffUntil;
    private long _droppedUnlogged;
    private long _lastDropLog = long.MinValue / 2;
    private TimeSpan _backoff;
    private bool _wantConnect = true;
    private bool _disposed;
    private Socket? _socket;

    public OutboundLane(Association association, RemoteTransport transport, RemoteLane lane)
    {
        _association = association;
        _transport = transport;
        _lane = lane;
        _backoff = transport.Settings.ReconnectBackoffMin;
        _thread = new Thread(Run) { IsBackground = true, Name = $"relay-remote-out-{lane}-{association.Remote.Port}" };
    }

    /// <summary>Starts the writer thread, which connects at once.</summary>
    public void Start() => _thread.Start();

    public bool IsConnected => Volatile.Read(ref _socket) is not null;

    /// <summary>Queues <paramref name="frame"/>, blocking while the queue holds send-buffer-limit bytes; drops it during a backoff.</summary>
    public void Enqueue(OutboundFrame frame)
    {
        string? dropReason = null;
        lock (_gate)
        {
            if (_disposed)
                dropReason = "the transport is shutting down";
            else if (_socket is null && Environment.TickCount64 < _backoffUntil)
                dropReason = "the node is unreachable (reconnect backoff)";
            else
            {
                // Back-pressure: one message is always admitted, so a single frame larger than the limit still goes.
                while (_queuedBytes >= _transport.Settings.SendBufferLimit && _queue.Count > 0 && !_disposed)
                    Monitor.Wait(_gate);
                _queue.Enqueue(frame);
                _queuedBytes += frame.Size;
                if (_queue.Count == 1)
                    Monitor.PulseAll(_gate);
            }
        }
        if (dropReason is not null)
        {
            frame.Release();
            var total = _transport.Stats.Dropped();
            // At most one line per lane per second while unreachable: a busy sender would otherwise flood the log.
            var unlogged = Interlocked.Increment(ref _droppedUnlogged);
            var now = Environment.TickCount64;
            var last = Interlocked.Read(ref _lastDropLog);
            if (now - last >= 1000 && Interlocked.CompareExchange(ref _lastDropLog, now, last) == last)
            {
                Interlocked.Add(ref _droppedUnlogged, -unlogged);
                RemoteLog.Dropped(_transport.Log, (int)unlogged, _association.Remote, _lane, dropReason, total);
            }
        }
    }

    /// <summary>Connects now if not connected and not in backoff (the other lane connected, or the association is new).</summary>
    public void RequestConnect()
    {
        lock (_gate)
        {
            _wantConnect = true;
            Monitor.PulseAll(_gate);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            Monitor.PulseAll(_gate);
        }
        Volatile.Read(ref _socket)?.Dispose();
        if (_thread.IsAlive)
            _thread.Join(TimeSpan.FromSeconds(10));
    }

    private void Run()
    {
        while (true)
        {
            bool connectRequested;
            lock (_gate)
            {
                // Wakes for work, a connect request, or every IdleCheck while connected to notice a peer that went away.
                while (_queue.Count == 0 && !_disposed && !(_wantConnect && _socket is null))
                {
                    if (!Monitor.Wait(_gate, IdleCheck) && _socket is not null)
                        break;
                }
                if (_disposed)
                    break;
                connectRequested = _wantConnect;
                _wantConnect = false;
                var bytes = 0L;
                // A batch is small frames up to BatchBytes, ending early at the first frame with a bulk part.
                foreach (var frame in _queue)
                {
                    if (_batch.Count > 0 && bytes + frame.Size > BatchBytes)
                        break;
                    _batch.Add(frame);
                    bytes += frame.Size;
                    if (!frame.Bulk.IsEmpty)
                        break;
                }
            }

            if (_socket is not null && PeerClosed())
                Lost("the peer closed the connection");
            if (_socket is null && (_batch.Count > 0 || connectRequested) && !TryConnect())
            {
                DropQueued("cannot connect");
                continue;
            }
            if (_batch.Count > 0)
                WriteBatch();
        }
        DropQueued("the transport is shutting down");
        _socket?.Dispose();
    }

    private void WriteBatch()
    {
        var socket = _socket!;
        var buffer = ArrayPool<byte>.Shared.Rent(BatchBytes);
        var used = 0;
        try
        {
            foreach (var frame in _batch)
            {
                if (used + frame.PrefixLength > buffer.Length)
                {
                    socket.Send(buffer.AsSpan(0, used));
                    used = 0;
                }
                if (frame.PrefixLength > buffer.Length)
                    socket.Send(frame.Prefix.AsSpan(0, frame.PrefixLength));
                else
                {
                    frame.Prefix.AsSpan(0, frame.PrefixLength).CopyTo(buffer.AsSpan(used));
                    used += frame.PrefixLength;
                }
                if (!frame.Bulk.IsEmpty)
                {
                    socket.Send(buffer.AsSpan(0, used));
                    used = 0;
                    SendBulk(socket, frame.Bulk.Span);
                }
            }
            if (used > 0)
                socket.Send(buffer.AsSpan(0, used));
            foreach (var frame in _batch)
                _transport.Stats.Sent(_lane, frame.Size);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            Lost(e.Message);
            // Some of the batch may have reached the peer; at-most-once counts the whole batch as dropped.
            RemoteLog.Dropped(_transport.Log, _batch.Count, _association.Remote, _lane, "the connection failed while writing them", _transport.Stats.Dropped(_batch.Count));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            Complete(_batch.Count);
        }
    }

    private void SendBulk(Socket socket, ReadOnlySpan<byte> bulk)
    {
        var chunk = _transport.Settings.ChunkSize;
        for (var offset = 0; offset < bulk.Length; offset += chunk)
            socket.Send(bulk.Slice(offset, Math.Min(chunk, bulk.Length - offset)));
    }

    /// <summary>Removes the written (or failed) batch from the queue, returns its buffers and wakes blocked senders.</summary>
    private void Complete(int count)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                var frame = _queue.Dequeue();
                _queuedBytes -= frame.Size;
                frame.Release();
            }
            Monitor.PulseAll(_gate);
        }
        _batch.Clear();
    }

    private void DropQueued(string reason)
    {
        int count;
        lock (_gate)
        {
            count = _queue.Count;
            while (_queue.TryDequeue(out var frame))
                frame.Release();
            _queuedBytes = 0;
            Monitor.PulseAll(_gate);
        }
        _batch.Clear();
        if (count > 0)
        {
            var total = _transport.Stats.Dropped(count);
            RemoteLog.Dropped(_transport.Log, count, _association.Remote, _lane, reason, total);
        }
    }

    /// <summary>After the handshake the acceptor never writes, so a readable socket means it was closed or reset.</summary>
    private bool PeerClosed()
    {
        try
        {
            return _socket!.Poll(0, SelectMode.SelectRead);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return true;
        }
    }

    private void Lost(string reason)
    {
        var socket = Interlocked.Exchange(ref _socket, null);
        if (socket is null)
            return;
        socket.Dispose();
        _association.LaneDown(_lane, reason);
    }

    private bool TryConnect()
    {
        var settings = _transport.Settings;
        var remote = _association.Remote;
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (_lane == RemoteLane.Data)
                socket.SendBufferSize = 4 * 1024 * 1024;
            using (var timeout = new CancellationTokenSource(settings.ConnectTimeout))
            {
                try
                {
                    socket.ConnectAsync(new DnsEndPoint(remote.Host!, remote.Port!.Value), timeout.Token).AsTask().GetAwaiter().GetResult();
                }
                catch (OperationCanceledException)
                {
                    throw new SocketException((int)SocketError.TimedOut);
                }
            }
            socket.ReceiveTimeout = (int)settings.HandshakeTimeout.TotalMilliseconds;
            socket.SendTimeout = (int)settings.HandshakeTimeout.TotalMilliseconds;
            Handshake.Connect(socket, _transport.Address, remote, _lane, settings.Secret);
            socket.ReceiveTimeout = 0;
            socket.SendTimeout = 0;
        }
        catch (HandshakeException e)
        {
            socket.Dispose();
            Backoff();
            RemoteLog.Refused(_transport.Log, "to", remote.ToString(), e.Message);
            _transport.System.EventStream.Publish(new AssociationRefused(remote, e.Message));
            return false;
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException)
        {
            socket.Dispose();
            var backoff = Backoff();
            RemoteLog.ConnectFailed(_transport.Log, _lane, remote, e.Message, backoff);
            return false;
        }
        _backoff = settings.ReconnectBackoffMin;
        lock (_gate)
        {
            if (_disposed)
            {
                socket.Dispose();
                return false;
            }
            _socket = socket;
        }
        _association.LaneUp(_lane);
        return true;
    }

    private TimeSpan Backoff()
    {
        var backoff = _backoff;
        lock (_gate)
            _backoffUntil = Environment.TickCount64 + (long)backoff.TotalMilliseconds;
        var doubled = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _transport.Settings.ReconnectBackoffMax.Ticks));
        _backoff = doubled;
        return backoff;
    }
}
