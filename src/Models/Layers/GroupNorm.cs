using System.Numerics.Tensors;
using RelayActors.Models.Data;
using RelayActors.Models.Numerics;

namespace RelayActors.Models.Layers;

/// <summary>
/// Group normalisation (Wu &amp; He 2018): per sample, the channels are split into groups and each group is
/// normalised to zero mean and unit variance (biased variance, ε = 1e-5 as PyTorch), then scaled and shifted per
/// channel. Parameters: weight (C), then bias (C), initialised to 1 and 0. Unlike BatchNorm it keeps no running
/// statistics, so it behaves the same on every worker and in evaluation.
/// </summary>
internal sealed class GroupNorm : Layer
{
    private const float Epsilon = 1e-5f;
    private readonly int _groups;
    private readonly int _groupLength;

    public GroupNorm(string name, ImageShape input, int groups)
        : base(name, input, input)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(groups);
        if (input.Channels % groups != 0)
            throw new ArgumentException($"GroupNorm {name}: {groups} groups do not divide {input.Channels} channels", nameof(groups));
        _groups = groups;
        _groupLength = input.Size / groups;
    }

    public override IReadOnlyList<(string Suffix, int[] Shape)> Tensors => [("weight", [Input.Channels]), ("bias", [Input.Channels])];

    public override string Describe() => $"GroupNorm {_groups} groups of {Input.Channels / _groups} channels";

    /// <summary>Mean and 1/σ per (sample, group), then one sample of normalised values for the backward pass.</summary>
    public override int ScratchLength(int maxBatch) => (2 * maxBatch * _groups) + Input.Size;

    public override void Initialize(Span<float> parameters, ref StepRandom random)
    {
        parameters[..Input.Channels].Fill(1f);
        parameters.Slice(Input.Channels, Input.Channels).Clear();
    }

    public override void Forward(LayerCall call, ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output)
    {
        var plane = Input.Height * Input.Width;
        var weight = parameters[..Input.Channels];
        var bias = parameters.Slice(Input.Channels, Input.Channels);
        var statistics = call.Scratch[..(2 * call.Batch * _groups)];
        for (var sg = 0; sg < call.Batch * _groups; sg++)
        {
            var x = input.Slice(sg * _groupLength, _groupLength);
            var y = output.Slice(sg * _groupLength, _groupLength);
            var mean = TensorPrimitives.Sum(x) / _groupLength;
            TensorPrimitives.Subtract(x, mean, y);
            var inverseStd = 1f / MathF.Sqrt((TensorPrimitives.SumOfSquares<float>(y) / _groupLength) + Epsilon);
            statistics[2 * sg] = mean;
            statistics[(2 * sg) + 1] = inverseStd;
            var firstChannel = sg % _groups * (Input.Channels / _groups);
            for (var c = 0; c < Input.Channels / _groups; c++)
            {
                var channel = y.Slice(c * plane, plane);
                TensorPrimitives.Multiply(channel, inverseStd * weight[firstChannel + c], channel);
                TensorPrimitives.Add(channel, bias[firstChannel + c], channel);
            }
        }
    }

    public override void Backward(
        LayerCall call, ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, ReadOnlySpan<float> output,
        ReadOnlySpan<float> outputGrad, Span<float> inputGrad, Span<float> parameterGrad)
    {
        var plane = Input.Height * Input.Width;
        var channelsPerGroup = Input.Channels / _groups;
        var weight = parameters[..Input.Channels];
        var weightGrad = parameterGrad[..Input.Channels];
        var biasGrad = parameterGrad.Slice(Input.Channels, Input.Channels);
        var normalized = call.Scratch.Slice(2 * call.Batch * _groups, _groupLength);
        weightGrad.Clear();
        biasGrad.Clear();
        for (var sg = 0; sg < call.Batch * _groups; sg++)
        {
            var (mean, inverseStd) = (call.Scratch[2 * sg], call.Scratch[(2 * sg) + 1]);
            var dy = outputGrad.Slice(sg * _groupLength, _groupLength);
            TensorPrimitives.Subtract(input.Slice(sg * _groupLength, _groupLength), mean, normalized);
            TensorPrimitives.Multiply(normalized, inverseStd, normalized);
            // x̂ = (x − μ)/σ, ∂x̂ = γ·∂y: ∂x = (1/σ)·(∂x̂ − mean(∂x̂) − x̂·mean(∂x̂·x̂)) over the group.
            var firstChannel = sg % _groups * channelsPerGroup;
            var (sumGrad, sumGradNormalized) = (0f, 0f);
            for (var c = 0; c < channelsPerGroup; c++)
            {
                var dyc = dy.Slice(c * plane, plane);
                var (sum, dot) = (TensorPrimitives.Sum(dyc), TensorPrimitives.Dot(dyc, normalized.Slice(c * plane, plane)));
                biasGrad[firstChannel + c] += sum;
                weightGrad[firstChannel + c] += dot;
                sumGrad += weight[firstChannel + c] * sum;
                sumGradNormalized += weight[firstChannel + c] * dot;
            }
            if (inputGrad.IsEmpty)
                continue;
            var dx = inputGrad.Slice(sg * _groupLength, _groupLength);
            var (shift, slope) = (-inverseStd * sumGrad / _groupLength, -inverseStd * sumGradNormalized / _groupLength);
            for (var c = 0; c < channelsPerGroup; c++)
            {
                var dxc = dx.Slice(c * plane, plane);
                TensorPrimitives.Multiply(normalized.Slice(c * plane, plane), slope, dxc);
                TensorPrimitives.MultiplyAdd(dy.Slice(c * plane, plane), inverseStd * weight[firstChannel + c], dxc, dxc);
                TensorPrimitives.Add(dxc, shift, dxc);
            }
        }
    }
}
