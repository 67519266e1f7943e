using System.Numerics;
using RelayActors.Models.Numerics;
using RelayActors.Models.State;

namespace RelayActors.Models.Optim;

/// <summary>
/// SGD with PyTorch's semantics (<c>torch.optim.SGD</c>, dampening 0) and local state: d = g + λx (weight decay as
/// L2 added to the gradient); with momentum μ &gt; 0, b ← μb + d and then d ← d + μb (Nesterov) or d ← b; finally
/// x ← x − ηd. The momentum buffer starts at zero, which equals PyTorch's b₁ = d₁ when dampening is 0.
/// </summary>
public sealed class SgdOptimizer<T> : ILocalOptimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _momentum;
    private readonly bool _nesterov;
    private readonly T _weightDecay;

    /// <summary>b; empty when momentum is 0.</summary>
    private readonly T[] _momentumBuffer;

    /// <summary>The search direction d, then the update −ηd; sized once so steps allocate nothing.</summary>
    private readonly T[] _scratch;

    /// <summary>An optimizer for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">Length of every parameter, gradient and update span.</param>
    /// <param name="momentum">μ in [0, 1); 0 turns momentum off.</param>
    /// <param name="nesterov">Nesterov momentum; needs μ &gt; 0 (as PyTorch).</param>
    /// <param name="weightDecay">λ ≥ 0, the L2 coefficient added to the gradient.</param>
    public SgdOptimizer(int parameterCount, T momentum, bool nesterov, T weightDecay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(parameterCount);
        OptimizerGuard.RequireFraction(double.CreateChecked(momentum), nameof(momentum));
        OptimizerGuard.RequireNonNegative(double.CreateChecked(weightDecay), nameof(weightDecay));
        if (nesterov && momentum == T.Zero)
            throw new ArgumentException("Nesterov momentum needs a momentum above 0", nameof(nesterov));
        _momentum = momentum;
        _nesterov = nesterov;
        _weightDecay = weightDecay;
        _momentumBuffer = momentum == T.Zero ? [] : new T[parameterCount];
        _scratch = new T[parameterCount];
    }

    public int ParameterCount => _scratch.Length;

    /// <summary>μ; 0 when momentum is off.</summary>
    public T Momentum => _momentum;

    /// <summary>The momentum buffer b, to save or restore for a checkpoint; empty when momentum is 0.</summary>
    public Span<T> MomentumBuffer => _momentumBuffer;

    public void Step(Span<T> parameters, ReadOnlySpan<T> gradient, T learningRate)
    {
        // The update is computed into the scratch buffer (ComputeUpdate allows update to be the direction buffer),
        // so Step changes x by exactly the u that ComputeUpdate reports.
        ComputeUpdate(parameters, gradient, learningRate, _scratch);
        VectorMath.Add(parameters, _scratch, parameters);
    }

    public void ComputeUpdate(ReadOnlySpan<T> parameters, ReadOnlySpan<T> gradient, T learningRate, Span<T> update)
    {
        OptimizerGuard.CheckStep(ParameterCount, parameters.Length, gradient.Length, update.Length, learningRate);
        // Inputs are fully read into the direction before update is written, so update may alias either of them.
        var direction = _scratch.AsSpan();
        if (_weightDecay != T.Zero)
            VectorMath.MultiplyAdd(parameters, _weightDecay, gradient, direction);
        else
            VectorMath.Copy(gradient, direction);
        if (_momentum != T.Zero)
        {
            VectorMath.MultiplyAdd<T>(_momentumBuffer, _momentum, direction, _momentumBuffer);
            if (_nesterov)
                VectorMath.MultiplyAdd<T>(_momentumBuffer, _momentum, direction, direction);
            else
                VectorMath.Copy<T>(_momentumBuffer, direction);
        }
        VectorMath.Scale(direction, -learningRate, update);
    }

    public void Reset() => Array.Clear(_momentumBuffer);

    /// <summary>The momentum buffer (empty without momentum); it starts at zero, so no "initialised" flag is needed. The scratch is rewritten every step.</summary>
    public void WriteState(BinaryWriter writer)
    {
        StateIO.WriteTag(writer, StateTag);
        StateIO.WriteSpan<T>(writer, _momentumBuffer);
    }

    public void ReadState(BinaryReader reader)
    {
        StateIO.ExpectTag(reader, StateTag);
        StateIO.ReadSpan<T>(reader, _momentumBuffer);
    }

    private static string StateTag => StateIO.TypeTag(typeof(SgdOptimizer<T>));
}
