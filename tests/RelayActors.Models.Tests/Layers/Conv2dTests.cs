using RelayActors.Models.Data;
using RelayActors.Models.Layers;
using RelayActors.Models.Numerics;
using static RelayActors.Models.Tests.Layers.LayerGradientCheck;

namespace RelayActors.Models.Tests.Layers;

public sealed class Conv2dTests
{
    [Theory]
    [InlineData(2, 1)]
    [InlineData(1, 0)]
    [InlineData(3, 2)]
    public void Forward_OddShapes_MatchesDirectConvolution(int stride, int padding)
    {
        // 3 → 5 channels, 3×3 kernel on a non-square 7×6 image, batch 2.
        var input = new ImageShape(3, 7, 6);
        var layer = new Conv2d("conv", input, 5, 3, stride, padding);
        var parameters = RandomValues(layer.ParameterCount, 1, 0.5);
        var x = RandomValues(2 * input.Size, 2, 1.0);
        var output = new float[2 * layer.Output.Size];
        var random = default(StepRandom);
        layer.Forward(new LayerCall(2, false, 1, new float[layer.ScratchLength(2)], ref random), parameters, x, output);

        var expected = DirectConvolution(x, 2, input, parameters, 5, 3, stride, padding, layer.Output);
        for (var i = 0; i < output.Length; i++)
            Assert.True(Math.Abs(output[i] - expected[i]) <= 1e-5, $"output[{i}]: {output[i]} vs direct {expected[i]}");
    }

    [Theory]
    [InlineData(2, 1, 3)]
    [InlineData(1, 2, 5)]
    public void Backward_MatchesFiniteDifferences(int stride, int padding, int kernel)
    {
        var layer = new Conv2d("conv", new ImageShape(3, 7, 6), 5, kernel, stride, padding);
        AssertGradients(layer, RandomValues(layer.ParameterCount, 3, 0.5), RandomValues(2 * 3 * 7 * 6, 4, 1.0), 2, 1e-2, 1e-3);
    }

    [Fact]
    public void Output_LeNetFirstLayer_KeepsSizeWithPaddingTwo()
    {
        Assert.Equal(new ImageShape(6, 28, 28), new Conv2d("conv1", new ImageShape(1, 28, 28), 6, 5, 1, 2).Output);
    }

    [Fact]
    public void Constructor_KernelLargerThanPaddedInput_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Conv2d("conv2", new ImageShape(6, 4, 4), 16, 5));
        Assert.Contains("conv2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Initialize_BigConv_IsKaimingNormalWithZeroBias()
    {
        // 64 → 128 channels, 3×3: 73,728 weights; σ = √(2 / (9·128)) ≈ 0.0417. The sample σ of that many normal draws
        // is within 1 % (its relative standard error is 1/√(2n) ≈ 0.26 %), the mean within 4 standard errors.
        var layer = new Conv2d("conv", new ImageShape(64, 8, 8), 128, 3, 1, 1);
        var parameters = new float[layer.ParameterCount];
        var random = new StepRandom(42);
        layer.Initialize(parameters, ref random);
        var weights = parameters.AsSpan(0, 64 * 128 * 9).ToArray().Select(w => (double)w).ToArray();
        var std = Math.Sqrt(2.0 / (9 * 128));
        var mean = weights.Average();
        Assert.InRange(mean, -4 * std / Math.Sqrt(weights.Length), 4 * std / Math.Sqrt(weights.Length));
        Assert.Equal(std, Math.Sqrt(weights.Select(w => (w - mean) * (w - mean)).Average()), std * 0.01);
        Assert.All(parameters.AsSpan(weights.Length).ToArray(), b => Assert.Equal(0f, b));
    }

    /// <summary>The textbook seven-loop convolution in double, the oracle for im2col + GEMM.</summary>
    private static double[] DirectConvolution(float[] x, int batch, ImageShape input, float[] parameters, int outChannels, int k, int stride, int padding, ImageShape output)
    {
        var result = new double[batch * output.Size];
        var biasOffset = outChannels * input.Channels * k * k;
        for (var n = 0; n < batch; n++)
            for (var o = 0; o < outChannels; o++)
                for (var oy = 0; oy < output.Height; oy++)
                    for (var ox = 0; ox < output.Width; ox++)
                    {
                        double sum = parameters[biasOffset + o];
                        for (var c = 0; c < input.Channels; c++)
                            for (var ky = 0; ky < k; ky++)
                                for (var kx = 0; kx < k; kx++)
                                {
                                    var (iy, ix) = ((oy * stride) - padding + ky, (ox * stride) - padding + kx);
                                    if (iy < 0 || iy >= input.Height || ix < 0 || ix >= input.Width)
                                        continue;
                                    sum += (double)parameters[(((o * input.Channels) + c) * k + ky) * k + kx]
                                        * x[(((n * input.Channels) + c) * input.Height + iy) * input.Width + ix];
                                }
                        result[(((n * outChannels) + o) * output.Height + oy) * output.Width + ox] = sum;
                    }
        return result;
    }
}
