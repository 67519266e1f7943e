using RelayActors.Models.Data;
using RelayActors.Models.Layers;
using RelayActors.Models.Numerics;
using static RelayActors.Models.Tests.Layers.LayerGradientCheck;

namespace RelayActors.Models.Tests.Layers;

public sealed class PoolingTests
{
    [Theory]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    public void MaxPoolBackward_DistinctInputs_MatchesFiniteDifferences(int kernel, int stride)
    {
        // 5×7 planes: odd sizes leave a border that no window covers, whose gradient must be zero.
        var layer = new MaxPool2d("pool", new ImageShape(2, 5, 7), kernel, stride);
        AssertGradients(layer, [], DistinctValues(2 * 70, 8), 2, 1e-2, 1e-3);
    }

    [Fact]
    public void MaxPoolBackward_Ties_SendWholeGradientToFirstMaximumInRowMajorOrder()
    {
        // One 2×2 window [[1, 3], [3, 3]]: the three 3s tie and the first in row-major order (index 1) wins.
        var layer = new MaxPool2d("pool", new ImageShape(1, 2, 2), 2);
        float[] input = [1, 3, 3, 3];
        var output = new float[1];
        var inputGrad = new float[4];
        var random = default(StepRandom);
        var call = new LayerCall(1, true, 1, [], ref random);
        layer.Forward(call, [], input, output);
        layer.Backward(call, [], input, output, [2f], inputGrad, []);
        Assert.Equal([3f], output);
        Assert.Equal([0f, 2f, 0f, 0f], inputGrad);
    }

    [Fact]
    public void AvgPoolBackward_MatchesFiniteDifferences()
    {
        var layer = new AvgPool2d("pool", new ImageShape(3, 6, 5), 2);
        AssertGradients(layer, [], RandomValues(2 * 90, 9, 1.0), 2, 1e-2, 1e-3);
    }

    [Fact]
    public void GlobalAvgPool_AveragesEachPlane_AndMatchesFiniteDifferences()
    {
        var layer = AvgPool2d.Global("gap", new ImageShape(2, 2, 3));
        Assert.Equal(new ImageShape(2, 1, 1), layer.Output);
        var output = new float[2];
        var random = default(StepRandom);
        layer.Forward(new LayerCall(1, false, 1, [], ref random), [], [1, 2, 3, 4, 5, 6, -1, -1, -1, -1, -1, 5], output);
        Assert.Equal([3.5f, 0f], output);
        AssertGradients(layer, [], RandomValues(3 * 12, 10, 1.0), 3, 1e-2, 1e-3);
    }
}
