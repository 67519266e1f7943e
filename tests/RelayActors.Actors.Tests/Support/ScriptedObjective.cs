using RelayActors.Models.Tasks;

namespace RelayActors.Actors.Tests.Support;

/// <summary>
/// A one-dimensional objective for the spec's worked examples: the gradient is <c>slope·x − offset</c> plus, on the
/// step 0 only, <c>impulse</c>.
/// </summary>
internal sealed class ScriptedObjective(double slope, double offset, double impulse = 0, bool everyStep = false) : ILocalObjective<double>
{
    public int Dimension => 1;

    /// <summary>f_i(x) = (x − b)²/2: gradient x − b.</summary>
    public static ScriptedObjective Quadratic(double b) => new(1, b);

    /// <summary>Gradient <paramref name="g"/> at step 0 only, zero afterwards.</summary>
    public static ScriptedObjective Impulse(double g) => new(0, 0, g);

    /// <summary>Gradient <paramref name="g"/> at every step.</summary>
    public static ScriptedObjective Constant(double g) => new(0, 0, g, everyStep: true);

    public void Gradient(long step, ReadOnlySpan<double> parameters, Span<double> gradient) =>
        gradient[0] = (slope * parameters[0]) - offset + (everyStep || step == 0 ? impulse : 0);
}
