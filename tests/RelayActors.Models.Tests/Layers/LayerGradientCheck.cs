using RelayActors.Models.Layers;
using RelayActors.Models.Numerics;

namespace RelayActors.Models.Tests.Layers;

/// <summary>
/// Finite-difference oracle for one layer. The objective is L = Σ r·y with fixed random weights r, so ∂L/∂y = r is
/// fed to Backward. The layer runs in float32; L is summed in float64 and differentiated by central differences
/// (L(v + h) − L(v − h)) / (h₊ + h₋) with the steps actually representable in float32. Piecewise-linear layers use
/// ε = 1e-2 with inputs kept more than ε away from their kinks, where the difference quotient is exact up to
/// float32 rounding of y (≈1e-5 here); smooth layers use ε = 1e-3 (truncation O(ε²)). The tolerance is
/// |numeric − analytic| ≤ tol · (1 + |analytic|). Gradient buffers start as NaN, so a value the layer fails to
/// write (rather than overwrite) fails the check. Dropout replays its mask from a copy of one StepRandom.
/// </summary>
internal static class LayerGradientCheck
{
    private const int MaxCoordinates = 150;

    public static void AssertGradients(Layer layer, float[] parameters, float[] input, int batch, double epsilon, double tolerance)
    {
        var upstream = RandomValues(batch * layer.Output.Size, 11, 1.0);
        var scratch = new float[layer.ScratchLength(batch)];
        var output = new float[batch * layer.Output.Size];
        var inputGrad = Filled(input.Length, float.NaN);
        var parameterGrad = Filled(parameters.Length, float.NaN);
        var masks = new StepRandom(5, 17);

        var forwardRandom = masks;
        layer.Forward(new LayerCall(batch, true, 1, scratch, ref forwardRandom), parameters, input, output);
        var backwardRandom = masks;
        layer.Backward(new LayerCall(batch, true, 1, scratch, ref backwardRandom), parameters, input, output, upstream, inputGrad, parameterGrad);

        double Objective()
        {
            var random = masks;
            var y = new float[output.Length];
            layer.Forward(new LayerCall(batch, true, 1, new float[scratch.Length], ref random), parameters, input, y);
            var sum = 0.0;
            for (var i = 0; i < y.Length; i++)
                sum += (double)upstream[i] * y[i];
            return sum;
        }

        AssertCoordinates(layer.Name + " input", input, inputGrad, Objective, epsilon, tolerance);
        AssertCoordinates(layer.Name + " parameter", parameters, parameterGrad, Objective, epsilon, tolerance);
    }

    /// <summary>Compares analytic ∂f/∂values[i] with central differences, on every coordinate or a seeded sample of them.</summary>
    public static void AssertCoordinates(string what, float[] values, float[] analytic, Func<double> objective, double epsilon, double tolerance)
    {
        var random = new StepRandom(3, values.Length);
        var count = Math.Min(values.Length, MaxCoordinates);
        for (var c = 0; c < count; c++)
        {
            var i = values.Length <= MaxCoordinates ? c : random.NextInt(values.Length);
            var original = values[i];
            var (plus, minus) = ((float)(original + epsilon), (float)(original - epsilon));
            values[i] = plus;
            var up = objective();
            values[i] = minus;
            var down = objective();
            values[i] = original;
            var numeric = (up - down) / ((double)plus - minus);
            Assert.True(
                Math.Abs(numeric - analytic[i]) <= tolerance * (1 + Math.Abs(analytic[i])),
                $"{what}[{i}]: numeric {numeric}, analytic {analytic[i]}");
        }
    }

    /// <summary>Seeded values uniform in ±<paramref name="scale"/>.</summary>
    public static float[] RandomValues(int length, long seed, double scale)
    {
        var random = new StepRandom(seed, length);
        var values = new float[length];
        for (var i = 0; i < length; i++)
            values[i] = (float)(scale * ((2 * random.NextDouble()) - 1));
        return values;
    }

    /// <summary>Seeded values with |v| in [0.1, 1], so ReLU kinks stay farther than ε = 1e-2 from every input.</summary>
    public static float[] AwayFromZero(int length, long seed)
    {
        var values = RandomValues(length, seed, 0.9);
        for (var i = 0; i < length; i++)
            values[i] += values[i] < 0 ? -0.1f : 0.1f;
        return values;
    }

    /// <summary>A seeded permutation of 0, 0.05, 0.1, …: every two inputs differ by more than 2ε, so no max-pool winner changes under ±ε.</summary>
    public static float[] DistinctValues(int length, long seed)
    {
        var values = new float[length];
        for (var i = 0; i < length; i++)
            values[i] = (0.05f * i) - (0.025f * length);
        var random = new StepRandom(seed);
        random.Shuffle(values.AsSpan());
        return values;
    }

    private static float[] Filled(int length, float value)
    {
        var values = new float[length];
        Array.Fill(values, value);
        return values;
    }
}
