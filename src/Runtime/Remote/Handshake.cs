using System.Buffers.Binary;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Remote;

/// <summary>
/// The per-connection handshake, four frames: Hello (connector: lane, both addresses, its nonce) → Challenge
/// (acceptor: its address, its nonce, its proof) → Response (connector's proof) → Accepted | Rejected. With a secret a
/// proof is HMAC-SHA256(secret, role ‖ other side's nonce ‖ prover's address ‖ verifier's address ‖ lane), so both sides
/// authenticate; without one nonces and proofs are empty and a side with a secret refuses a side without.
/// </summary>
internal static class Handshake
{
    private const int NonceSize = 32;
    private const int MaxBodySize = 4096;

    /// <summary>Runs the connector's side; returns the acceptor's address or throws <see cref="HandshakeException"/>.</summary>
    public static Address Connect(Socket socket, Address local, Address expected, RemoteLane lane, byte[]? secret)
    {
        var nonce = secret is null ? [] : RandomNumberGenerator.GetBytes(NonceSize);
        var hello = new BodyWriter();
        hello.Byte((byte)lane);
        hello.Text(local.ToString());
        hello.Text(expected.ToString());
        hello.Bytes(nonce);
        Send(socket, FrameKind.Hello, hello.ToArray());

        var challenge = new BodyReader(Receive(socket, FrameKind.Challenge, out var rejection) ?? throw new HandshakeException($"{expected} rejected the connection: {rejection}"));
        var remote = ParseAddress(challenge.Text());
        var theirNonce = challenge.Bytes();
        var theirProof = challenge.Bytes();
        if (!string.Equals(remote.System, expected.System, StringComparison.Ordinal))
            throw new HandshakeException($"{expected} answered as system '{remote.System}'");
        if (secret is not null)
        {
            if (theirProof.Length == 0 || theirNonce.Length != NonceSize)
                throw Reject(socket, $"authentication failed: {remote} did not authenticate (no secret configured there?)");
            if (!CryptographicOperations.FixedTimeEquals(theirProof, Proof(secret, 'A', nonce, remote, local, lane)))
                throw Reject(socket, $"authentication failed: {remote} proved a different secret");
        }
        var response = new BodyWriter();
        response.Bytes(secret is null || theirNonce.Length == 0 ? [] : Proof(secret, 'C', theirNonce, local, remote, lane));
        Send(socket, FrameKind.Response, response.ToArray());
        if (Receive(socket, FrameKind.Accepted, out rejection) is null)
            throw new HandshakeException($"{remote} rejected the connection: {rejection}");
        return remote;
    }

    /// <summary>Runs the acceptor's side; returns the connector's address and lane, or throws (after telling the connector why when it can).</summary>
    public static (Address Remote, RemoteLane Lane) Accept(Socket socket, Address local, byte[]? secret, Action<Address> identified)
    {
        var hello = new BodyReader(Receive(socket, FrameKind.Hello, out _) ?? throw new HandshakeException("connector sent Rejected instead of Hello"));
        var laneByte = hello.Byte();
        var remote = ParseAddress(hello.Text());
        identified(remote);
        var target = ParseAddress(hello.Text());
        var theirNonce = hello.Bytes();
        if (laneByte > (byte)RemoteLane.Data)
            throw Reject(socket, $"unknown lane {laneByte}");
        var lane = (RemoteLane)laneByte;
        if (!string.Equals(target.System, local.System, StringComparison.Ordinal))
            throw Reject(socket, $"this is system '{local.System}', not '{target.System}'");
        var nonce = secret is null ? [] : RandomNumberGenerator.GetBytes(NonceSize);
        var challenge = new BodyWriter();
        challenge.Text(local.ToString());
        challenge.Bytes(nonce);
        challenge.Bytes(secret is null || theirNonce.Length == 0 ? [] : Proof(secret, 'A', theirNonce, local, remote, lane));
        Send(socket, FrameKind.Challenge, challenge.ToArray());

        var response = new BodyReader(Receive(socket, FrameKind.Response, out var rejection) ?? throw new HandshakeException($"{remote} gave up the handshake: {rejection}"));
        var proof = response.Bytes();
        if (secret is not null)
        {
            if (proof.Length == 0)
                throw Reject(socket, "authentication required");
            if (!CryptographicOperations.FixedTimeEquals(proof, Proof(secret, 'C', nonce, remote, local, lane)))
                throw Reject(socket, $"authentication failed: {remote} proved a different secret");
        }
        Send(socket, FrameKind.Accepted, []);
        return (remote, lane);
    }

    private static HandshakeException Reject(Socket socket, string reason)
    {
        var body = new BodyWriter();
        body.Text(reason);
        try
        {
            Send(socket, FrameKind.Rejected, body.ToArray());
        }
        catch (SocketException)
        {
            // The reason is also logged here; the peer learns it only if it is still listening.
        }
        return new HandshakeException(reason);
    }

    private static byte[] Proof(byte[] secret, char role, byte[] nonce, Address prover, Address verifier, RemoteLane lane)
    {
        var data = new BodyWriter();
        data.Byte((byte)role);
        data.Bytes(nonce);
        data.Text(prover.ToString());
        data.Text(verifier.ToString());
        data.Byte((byte)lane);
        return HMACSHA256.HashData(secret, data.ToArray());
    }

    private static Address ParseAddress(string text) =>
        ActorPath.TryParse(text, out var path, out var error) && path.Elements.Count == 0 && !path.Address.IsLocal
            ? path.Address
            : throw new HandshakeException($"'{text}' is not a remote address: {error}");

    internal static void Send(Socket socket, FrameKind kind, byte[] body)
    {
        var frame = new byte[FrameHeader.Size + body.Length];
        new FrameHeader(kind, 0, 0, 0, body.Length, 0).Write(frame);
        body.CopyTo(frame, FrameHeader.Size);
        socket.Send(frame);
    }

    /// <summary>The body of the next frame if it is <paramref name="expected"/>; null with the reason if it is Rejected.</summary>
    private static byte[]? Receive(Socket socket, FrameKind expected, out string rejection)
    {
        rejection = "";
        var fixedHeader = new byte[FrameHeader.Size];
        ReceiveExactly(socket, fixedHeader);
        if (!FrameHeader.TryRead(fixedHeader, out var header, out var error))
            throw new HandshakeException(error);
        if (header.HeaderLength > MaxBodySize || header.BodyLength != header.HeaderLength)
            throw new HandshakeException($"handshake frame of {header.BodyLength} bytes (at most {MaxBodySize}, without strings or bulk)");
        var body = new byte[header.HeaderLength];
        ReceiveExactly(socket, body);
        if (header.Kind == FrameKind.Rejected)
        {
            rejection = new BodyReader(body).Text();
            return null;
        }
        if (header.Kind != expected)
            throw new HandshakeException($"expected a {expected} frame, got {header.Kind}");
        return body;
    }

    private static void ReceiveExactly(Socket socket, Span<byte> destination)
    {
        var done = 0;
        while (done < destination.Length)
        {
            var n = socket.Receive(destination[done..], SocketFlags.None);
            if (n == 0)
                throw new HandshakeException($"connection closed during the handshake ({done} of {destination.Length} bytes)");
            done += n;
        }
    }

    private sealed class BodyWriter
    {
        private readonly List<byte> _bytes = [];

        public void Byte(byte value) => _bytes.Add(value);

        public void Bytes(ReadOnlySpan<byte> value)
        {
            Span<byte> length = stackalloc byte[2];
            BinaryPrimitives.WriteUInt16LittleEndian(length, checked((ushort)value.Length));
            _bytes.AddRange(length);
            _bytes.AddRange(value);
        }

        public void Text(string value) => Bytes(Encoding.UTF8.GetBytes(value));

        public byte[] ToArray() => [.. _bytes];
    }

    private sealed class BodyReader(byte[] body)
    {
        private int _position;

        public byte Byte() => _position < body.Length ? body[_position++] : throw Truncated();

        public byte[] Bytes()
        {
            if (_position + 2 > body.Length)
                throw Truncated();
            var length = BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(_position));
            _position += 2;
            if (_position + length > body.Length)
                throw Truncated();
            var value = body.AsSpan(_position, length).ToArray();
            _position += length;
            return value;
        }

        public string Text() => Encoding.UTF8.GetString(Bytes());

        private HandshakeException Truncated() => new($"malformed handshake frame ({body.Length} bytes, field at offset {_position} runs past the end)");
    }
}
