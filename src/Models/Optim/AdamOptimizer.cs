using System.Numerics;
using RelayActors.Models.Numerics;
using RelayActors.Models.State;

namespace RelayActors.Models.Optim;

/// <summary>
/// Adam (Kingma &amp; Ba 2015) with PyTorch's semantics (<c>torch.optim.Adam</c>, not AdamW) and local moments, as the
/// reference's BERT runs (spec §5.2): d = g + λx; m ← β₁m + (1−β₁)d; v ← β₂v + (1−β₂)d²; at step t,
/// x ← x − (η / (1−β₁ᵗ)) · m / (√v / √(1−β₂ᵗ) + ε).
/// </summary>
public sealed class AdamOptimizer<T> : ILocalOptimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _beta1;
    private readonly T _beta2;
    private readonly T _epsilon;
    private readonly T _weightDecay;
    private readonly T[] _firstMoment;
    private readonly T[] _secondMoment;

    /// <summary>d, then d², then the denominator, then the update; sized once so steps allocate nothing.</summary>
    private readonly T[] _scratch;

    private long _stepCount;

    /// <summary>An optimizer for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">Length of every parameter, gradient and update span.</param>
    /// <param name="beta1">β₁ in [0, 1), decay of the first moment (PyTorch default 0.9).</param>
    /// <param name="beta2">β₂ in [0, 1), decay of the second moment (PyTorch default 0.999).</param>
    /// <param name="epsilon">ε &gt; 0 added to the denominator (PyTorch default 1e-8).</param>
    /// <param name="weightDecay">λ ≥ 0, the L2 coefficient added to the gradient.</param>
    public AdamOptimizer(int parameterCount, T beta1, T beta2, T epsilon, T weightDecay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(parameterCount);
        OptimizerGuard.RequireFraction(double.CreateChecked(beta1), nameof(beta1));
        OptimizerGuard.RequireFraction(double.CreateChecked(beta2), nameof(beta2));
        OptimizerGuard.RequirePositive(double.CreateChecked(epsilon), nameof(epsilon));
        OptimizerGuard.RequireNonNegative(double.CreateChecked(weightDecay), nameof(weightDecay));
        _beta1 = beta1;
        _beta2 = beta2;
        _epsilon = epsilon;
        _weightDecay = weightDecay;
        _firstMoment = new T[parameterCount];
        _secondMoment = new T[parameterCount];
        _scratch = new T[parameterCount];
    }

    public int ParameterCount => _scratch.Length;

    /// <summary>m, to save or restore for a checkpoint.</summary>
    public Span<T> FirstMoment => _firstMoment;

    /// <summary>v, to save or restore for a checkpoint.</summary>
    public Span<T> SecondMoment => _secondMoment;

    /// <summary>Steps taken so far (t of the bias correction); settable to restore a checkpoint.</summary>
    public long StepCount
    {
        get => _stepCount;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _stepCount = value;
        }
    }

    public void Step(Span<T> parameters, ReadOnlySpan<T> gradient, T learningRate)
    {
        // Same shape as SgdOptimizer.Step: x moves by exactly the u ComputeUpdate reports.
        ComputeUpdate(parameters, gradient, learningRate, _scratch);
        VectorMath.Add(parameters, _scratch, parameters);
    }

    public void ComputeUpdate(ReadOnlySpan<T> parameters, ReadOnlySpan<T> gradient, T learningRate, Span<T> update)
    {
        OptimizerGuard.CheckStep(ParameterCount, parameters.Length, gradient.Length, update.Length, learningRate);
        _stepCount++;
        // Inputs are fully read into scratch before update is written, so update may alias either of them.
        var scratch = _scratch.AsSpan();
        if (_weightDecay != T.Zero)
            VectorMath.MultiplyAdd(parameters, _weightDecay, gradient, scratch);
        else
            VectorMath.Copy(gradient, scratch);

        VectorMath.Scale<T>(_firstMoment, _beta1, _firstMoment);
        VectorMath.MultiplyAdd<T>(scratch, T.One - _beta1, _firstMoment, _firstMoment);
        VectorMath.Multiply<T>(scratch, scratch, scratch);
        VectorMath.Scale<T>(_secondMoment, _beta2, _secondMoment);
        VectorMath.MultiplyAdd<T>(scratch, T.One - _beta2, _secondMoment, _secondMoment);

        var t = T.CreateChecked(_stepCount);
        var correction1 = T.One - T.Pow(_beta1, t);
        var correction2 = T.One - T.Pow(_beta2, t);
        VectorMath.Sqrt<T>(_secondMoment, scratch);
        VectorMath.Divide(scratch, T.Sqrt(correction2), scratch);
        VectorMath.Add(scratch, _epsilon, scratch);
        VectorMath.Divide<T>(_firstMoment, scratch, update);
        VectorMath.Scale(update, -learningRate / correction1, update);
    }

    public void Reset()
    {
        Array.Clear(_firstMoment);
        Array.Clear(_secondMoment);
        _stepCount = 0;
    }

    /// <summary>The step count and both moments; the scratch is rewritten every step.</summary>
    public void WriteState(BinaryWriter writer)
    {
        StateIO.WriteTag(writer, StateTag);
        writer.Write(_stepCount);
        StateIO.WriteSpan<T>(writer, _firstMoment);
        StateIO.WriteSpan<T>(writer, _secondMoment);
    }

    public void ReadState(BinaryReader reader)
    {
        StateIO.ExpectTag(reader, StateTag);
        var stepCount = reader.ReadInt64();
        if (stepCount < 0)
            throw new InvalidDataException($"State of {StateTag} has step count {stepCount}; it must be non-negative");
        _stepCount = stepCount;
        StateIO.ReadSpan<T>(reader, _firstMoment);
        StateIO.ReadSpan<T>(reader, _secondMoment);
    }

    private static string StateTag => StateIO.TypeTag(typeof(AdamOptimizer<T>));
}
