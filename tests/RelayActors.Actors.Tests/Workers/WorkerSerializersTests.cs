using System.Buffers;
using System.Runtime.InteropServices;
using RelayActors.Actors.Workers;
using RelayActors.Runtime.Remote;

namespace RelayActors.Actors.Tests.Workers;

public sealed class WorkerSerializersTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1000)]
    public void PeerMessage_RoundTrip_IsBitExact(int length)
    {
        var payload = new float[length];
        var random = new Random(11);
        for (var i = 0; i < length; i++)
            payload[i] = (float)(random.NextDouble() * 2 - 1);
        if (length > 0)
            payload[0] = float.NaN;
        if (length > 3)
        {
            payload[1] = -0.0f;
            payload[2] = BitConverter.Int32BitsToSingle(unchecked((int)0xFFC0_0001)); // a negative NaN with payload bits
            payload[3] = float.Epsilon;
        }
        var message = new PeerMessage<float>(3, 12_345_678_901, 2, 1, 5, payload);

        var read = (PeerMessage<float>)RoundTrip(new PeerMessageSerializer(), message);

        Assert.Equal((message.From, message.Step, message.Round, message.Lane, message.Count), (read.From, read.Step, read.Round, read.Lane, read.Count));
        Assert.True(MemoryMarshal.AsBytes(payload.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(read.Payload.Span)));
    }

    [Fact]
    public void PeerMessage_Write_BulkIsThePayloadItself()
    {
        var payload = new float[] { 1, 2, 3 };
        var header = new ArrayBufferWriter<byte>();

        var bulk = new PeerMessageSerializer().Write(new PeerMessage<float>(0, 0, 0, 0, 1, payload), header);
        payload[1] = 42;

        Assert.Equal(42f, MemoryMarshal.Cast<byte, float>(bulk.Span)[1]);
    }

    [Fact]
    public void PeerMessage_Read_BulkLengthDisagreeingWithHeader_Throws()
    {
        var header = new ArrayBufferWriter<byte>();
        new PeerMessageSerializer().Write(new PeerMessage<float>(0, 0, 0, 0, 1, new float[4]), header);

        var error = Assert.Throws<InvalidDataException>(() => new PeerMessageSerializer().Read(header.WrittenSpan, 12, out _));

        Assert.Contains("4 floats", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MessageLost_RoundTrip_GivesEqualMessage()
    {
        var message = new MessageLost(7, long.MaxValue, 3, 2);

        Assert.Equal(message, RoundTrip(new MessageLostSerializer(), message));
    }

    [Fact]
    public void Register_AddsBothOnTheirLanes()
    {
        var registry = WorkerSerializers.Register(new SerializerRegistry());

        Assert.Equal(RemoteLane.Data, registry.ForType(typeof(PeerMessage<float>))!.Lane);
        Assert.Equal(RemoteLane.Control, registry.ForType(typeof(MessageLost))!.Lane);
        Assert.IsType<PeerMessageSerializer>(registry.ForManifest("relay.peer-message.f32"));
    }

    [Fact]
    public void PeerMessage_WithPool_ReadRentsFromItAndReleaseHandsTheSentPayloadBack()
    {
        var pool = new PayloadPool<float>();
        var spare = new float[4];
        pool.Return(spare);
        var sent = new PeerMessage<float>(0, 1, 0, 0, 1, new float[] { 1, 2, 3, 4 });
        var serializer = new PeerMessageSerializer(pool);

        var read = (PeerMessage<float>)RoundTrip(serializer, sent);
        serializer.Released(sent);

        Assert.True(MemoryMarshal.TryGetArray(read.Payload, out var segment) && ReferenceEquals(segment.Array, spare), "the received payload should be the pooled array");
        Assert.Equal([1f, 2f, 3f, 4f], read.Payload.ToArray());
        Assert.True(MemoryMarshal.TryGetArray(sent.Payload, out var sentSegment) && ReferenceEquals(pool.Rent(4), sentSegment.Array), "the written payload should be back in the pool");
    }

    [Fact]
    public void PeerMessage_WithoutPool_ReleaseLeavesThePayloadAlone()
    {
        var payload = new float[] { 1, 2 };
        new PeerMessageSerializer().Released(new PeerMessage<float>(0, 1, 0, 0, 1, payload));

        Assert.Equal([1f, 2f], payload);
    }

    private static object RoundTrip(IMessageSerializer serializer, object message)
    {
        var header = new ArrayBufferWriter<byte>();
        var bulk = serializer.Write(message, header);
        var read = serializer.Read(header.WrittenSpan, bulk.Length, out var destination);
        bulk.Span.CopyTo(destination.Span); // what the transport does from the socket
        return read;
    }
}
