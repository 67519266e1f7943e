using RelayActors.Models.Tasks;

namespace RelayActors.Actors.Tests.Support;

/// <summary>f_i(x) = ||x − b||²/2 in any dimension (spec Example 4 per coordinate): gradient x − b, minimiser b.</summary>
internal sealed class SeparableQuadratic(params double[] target) : ILocalObjective<double>
{
    public int Dimension => target.Length;

    public void Gradient(long step, ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        for (var c = 0; c < target.Length; c++)
            gradient[c] = parameters[c] - target[c];
    }
}
