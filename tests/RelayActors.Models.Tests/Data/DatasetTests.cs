using RelayActors.Models.Data;

namespace RelayActors.Models.Tests.Data;

public sealed class DatasetTests
{
    private static readonly ImageShape Pair = new(1, 1, 2);

    [Fact]
    public void Image_SecondSample_IsItsSliceOfTheFlatArray()
    {
        var data = new Dataset("tiny", Pair, 3, [1, 2, 3, 4, 5, 6], [0, 2, 1]);

        Assert.Equal(new float[] { 3, 4 }, data.Image(1).ToArray());
        Assert.Equal(3, data.Count);
    }

    [Fact]
    public void Take_Two_CopiesTheFirstTwoSamples()
    {
        var data = new Dataset("tiny", Pair, 3, [1, 2, 3, 4, 5, 6], [0, 2, 1]);

        var head = data.Take(2);

        Assert.Equal(new float[] { 1, 2, 3, 4 }, head.Images.ToArray());
        Assert.Equal(new[] { 0, 2 }, head.Labels.ToArray());
        Assert.Equal((Pair, 3), (head.Shape, head.Classes));
    }

    [Fact]
    public void Constructor_ImageLengthMismatch_ThrowsNamingCounts()
    {
        var error = Assert.Throws<ArgumentException>(() => new Dataset("tiny", Pair, 3, [1, 2, 3], [0, 1]));

        Assert.Contains("2 labels", error.Message, StringComparison.Ordinal);
        Assert.Contains("got 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_LabelOutOfRange_ThrowsNamingSample()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Dataset("tiny", Pair, 2, [1, 2, 3, 4], [0, 2]));

        Assert.Contains("sample 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_IndexPastEnd_ThrowsNamingCount()
    {
        var data = new Dataset("tiny", Pair, 3, [1, 2], [0]);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => data.Image(1).ToArray());

        Assert.Contains("'tiny' has 1 samples", error.Message, StringComparison.Ordinal);
    }
}
