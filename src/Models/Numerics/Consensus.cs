using System.Numerics;

namespace RelayActors.Models.Numerics;

/// <summary>How far a set of workers' models are from agreeing: their mean and the consensus distance.</summary>
public static class Consensus
{
    /// <summary>
    /// Writes the element-wise mean of <paramref name="models"/> to <paramref name="mean"/> and returns the consensus
    /// distance (1/n) Σ_i ‖x_i − x̄‖². Both are computed in double whatever <typeparamref name="T"/> is, summing the
    /// models in the order given, so identical models give exactly themselves as the mean and a distance of 0.
    /// </summary>
    /// <exception cref="ArgumentException">There are no models, or a model's length differs from <paramref name="mean"/>'s.</exception>
    public static double MeanAndDistance<T>(ReadOnlySpan<ReadOnlyMemory<T>> models, Span<double> mean)
        where T : unmanaged, INumberBase<T>
    {
        if (models.IsEmpty)
            throw new ArgumentException("The mean of no models is undefined", nameof(models));
        foreach (var model in models)
        {
            if (model.Length != mean.Length)
                throw new ArgumentException($"A model has length {model.Length}, the mean {mean.Length}", nameof(models));
        }
        mean.Clear();
        foreach (var model in models)
        {
            var x = model.Span;
            for (var c = 0; c < mean.Length; c++)
                mean[c] += double.CreateTruncating(x[c]);
        }
        for (var c = 0; c < mean.Length; c++)
            mean[c] /= models.Length;
        var distance = 0.0;
        foreach (var model in models)
        {
            var x = model.Span;
            for (var c = 0; c < mean.Length; c++)
            {
                var d = double.CreateTruncating(x[c]) - mean[c];
                distance += d * d;
            }
        }
        return distance / models.Length;
    }
}
