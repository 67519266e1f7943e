using RelayActors.Models.State;

namespace RelayActors.Models.Tests.State;

public sealed class StateIOTests
{
    [Fact]
    public void ReadSpan_AfterWriteSpan_RestoresTheBitsAndConsumesTheStream()
    {
        double[] values = [1.5, -0.0, double.NaN, double.Epsilon, 3e300];
        var stream = Written(w => StateIO.WriteSpan<double>(w, values));
        var restored = new double[values.Length];

        using var reader = new BinaryReader(stream);
        StateIO.ReadSpan<double>(reader, restored);

        Assert.True(values.AsSpan().SequenceEqual(restored));
        Assert.Equal(stream.Length, stream.Position);
    }

    [Fact]
    public void ReadSpan_OtherLength_ThrowsNamingTheVectorAndBothLengths()
    {
        var stream = Written(w => StateIO.WriteSpan<float>(w, new float[4]));
        var model = new float[5];

        using var reader = new BinaryReader(stream);
        var error = Assert.Throws<InvalidDataException>(() => StateIO.ReadSpan<float>(reader, model));

        Assert.Equal("State of 'model' holds 4 values, but 5 were expected", error.Message);
    }

    [Fact]
    public void ReadSpan_OtherElementType_Throws()
    {
        var stream = Written(w => StateIO.WriteSpan<float>(w, new float[4]));

        using var reader = new BinaryReader(stream);
        var error = Assert.Throws<InvalidDataException>(() => StateIO.ReadSpan<double>(reader, new double[4], "model"));

        Assert.Equal("State of 'model' holds values of 4 bytes, but values of 8 bytes (Double) were expected", error.Message);
    }

    [Fact]
    public void ReadSpan_Truncated_ThrowsSayingHowMuchCame()
    {
        var bytes = Written(w => StateIO.WriteSpan<int>(w, [1, 2, 3])).ToArray();

        using var reader = new BinaryReader(new MemoryStream(bytes[..^2]));
        var error = Assert.Throws<InvalidDataException>(() => StateIO.ReadSpan<int>(reader, new int[3], "counts"));

        Assert.Equal("State of 'counts' ends after 10 of 12 bytes", error.Message);
    }

    [Fact]
    public void ExpectTag_OtherTag_ThrowsNamingBoth()
    {
        var stream = Written(w => StateIO.WriteTag(w, "GossipNode<Single>"));

        using var reader = new BinaryReader(stream);
        var error = Assert.Throws<InvalidDataException>(() => StateIO.ExpectTag(reader, "RelaySumNode<Single>"));

        Assert.StartsWith("Expected state section 'RelaySumNode<Single>', found 'GossipNode<Single>'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectTag_EmptyStream_ThrowsInvalidData()
    {
        using var reader = new BinaryReader(new MemoryStream());

        Assert.Throws<InvalidDataException>(() => StateIO.ExpectTag(reader, "RelaySumNode<Single>"));
    }

    [Fact]
    public void ExpectSpan_OtherValues_ThrowsListingBoth()
    {
        var stream = Written(w => StateIO.WriteSpan<int>(w, [1, 3]));
        int[] neighbours = [1, 2];

        using var reader = new BinaryReader(stream);
        var error = Assert.Throws<InvalidDataException>(() => StateIO.ExpectSpan<int>(reader, neighbours));

        Assert.Equal("State was written for neighbours = [1, 3], but this one has [1, 2]", error.Message);
    }

    [Fact]
    public void ExpectSpan_OtherLength_ThrowsListingBoth()
    {
        var stream = Written(w => StateIO.WriteSpan<int>(w, [1]));
        int[] neighbours = [1, 2, 3];

        using var reader = new BinaryReader(stream);
        var error = Assert.Throws<InvalidDataException>(() => StateIO.ExpectSpan<int>(reader, neighbours));

        Assert.Equal("State was written for neighbours = [1], but this one has [1, 2, 3]", error.Message);
    }

    [Fact]
    public void ExpectInt32_OtherValue_ThrowsNamingIt()
    {
        var stream = Written(w => w.Write(7));
        var dimension = 8;

        using var reader = new BinaryReader(stream);
        var error = Assert.Throws<InvalidDataException>(() => StateIO.ExpectInt32(reader, dimension));

        Assert.Equal("State was written for dimension = 7, but this one has 8", error.Message);
    }

    [Theory]
    [InlineData(typeof(int), "Int32")]
    [InlineData(typeof(List<double>), "List<Double>")]
    [InlineData(typeof(Dictionary<string, List<float>>), "Dictionary<String, List<Single>>")]
    public void TypeTag_NamesGenericArguments(Type type, string expected) => Assert.Equal(expected, StateIO.TypeTag(type));

    private static MemoryStream Written(Action<BinaryWriter> write)
    {
        var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            write(writer);
        stream.Position = 0;
        return stream;
    }
}
