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

    private static object RoundTrip(IMessageSerializer serializer, object message)
    {
        var header = new ArrayBufferWriter<byte>();
        var bulk = serializer.Write(message, header);
        var read = serializer.Read(header.WrittenSpan, bulk.Length, out var destination);
        bulk.Span.CopyTo(destination.Span); // what the transport does from the socket
        return read;
    }
}
