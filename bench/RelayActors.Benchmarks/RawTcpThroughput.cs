using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RelayActors.Benchmarks;

/// <summary>The baseline of the remote scenario: length-prefixed frames over one loopback TCP connection on plain blocking sockets.</summary>
internal static class RawTcpThroughput
{
    /// <summary>Sends <paramref name="frames"/> frames of <paramref name="frameBytes"/>; returns bytes per second until the last is read.</summary>
    public static double Run(int frameBytes, int frames)
    {
        using var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        using var client = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, SendBufferSize = 4 * 1024 * 1024 };
        client.Connect(listener.LocalEndPoint!);
        using var server = listener.Accept();
        server.ReceiveBufferSize = 4 * 1024 * 1024;
        var payload = new byte[frameBytes];
        Random.Shared.NextBytes(payload);
        var clock = Stopwatch.StartNew();
        var receiver = new Thread(() =>
        {
            var destination = new byte[frameBytes];
            Span<byte> length = stackalloc byte[8];
            for (var i = 0; i < frames; i++)
            {
                ReadExactly(server, length);
                ReadExactly(server, destination.AsSpan(0, (int)BinaryPrimitives.ReadInt64LittleEndian(length)));
            }
        });
        receiver.Start();
        var prefix = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(prefix, frameBytes);
        for (var i = 0; i < frames; i++)
        {
            client.Send(prefix);
            for (var offset = 0; offset < frameBytes; offset += 1024 * 1024)
                client.Send(payload.AsSpan(offset, Math.Min(1024 * 1024, frameBytes - offset)));
        }
        receiver.Join();
        return (double)frameBytes * frames / clock.Elapsed.TotalSeconds;
    }

    private static void ReadExactly(Socket socket, Span<byte> destination)
    {
        var done = 0;
        while (done < destination.Length)
        {
            var n = socket.Receive(destination[done..]);
            if (n == 0)
                throw new EndOfStreamException($"baseline connection closed after {done} of {destination.Length} bytes");
            done += n;
        }
    }
}
