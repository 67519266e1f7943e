using System.Numerics;

namespace RelayActors.Models.Optim;

/// <summary>Argument checks shared by the optimizers, their settings and the learning-rate schedule.</summary>
internal static class OptimizerGuard
{
    /// <summary>Throws unless 0 ≤ <paramref name="value"/> &lt; 1 (momentum, Adam's β).</summary>
    public static void RequireFraction(double value, string paramName)
    {
        if (!(value >= 0 && value < 1))
            throw new ArgumentOutOfRangeException(paramName, value, "Must lie in [0, 1)");
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and ≥ 0.</summary>
    public static void RequireNonNegative(double value, string paramName)
    {
        if (!(double.IsFinite(value) && value >= 0))
            throw new ArgumentOutOfRangeException(paramName, value, "Must be finite and non-negative");
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and &gt; 0.</summary>
    public static void RequirePositive(double value, string paramName)
    {
        if (!(double.IsFinite(value) && value > 0))
            throw new ArgumentOutOfRangeException(paramName, value, "Must be finite and positive");
    }

    /// <summary>The checks every step makes: spans of the optimizer's length and a finite, non-negative learning rate.</summary>
    public static void CheckStep<T>(int parameterCount, int parameters, int gradient, int update, T learningRate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (parameters != parameterCount)
            throw new ArgumentException($"Got {parameters} parameters; the optimizer holds state for {parameterCount}", nameof(parameters));
        if (gradient != parameterCount)
            throw new ArgumentException($"Got {gradient} gradient entries; the optimizer holds state for {parameterCount}", nameof(gradient));
        if (update != parameterCount)
            throw new ArgumentException($"Got {update} update entries; the optimizer holds state for {parameterCount}", nameof(update));
        if (!T.IsFinite(learningRate) || T.IsNegative(learningRate))
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be finite and non-negative");
    }
}
