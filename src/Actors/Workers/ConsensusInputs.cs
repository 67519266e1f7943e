namespace RelayActors.Actors.Workers;

/// <summary>Generates the workers' starting values (one scalar each, as vectors of length 1).</summary>
public static class ConsensusInputs
{
    /// <summary>Values of <paramref name="kind"/> for <paramref name="workers"/> workers; <paramref name="seed"/> matters only for <see cref="InitialValues.Random"/>.</summary>
    public static float[][] Create(InitialValues kind, int workers, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        var values = kind switch
        {
            InitialValues.Index => Index(workers),
            InitialValues.OneHot => OneHot(workers),
            InitialValues.Random => StandardNormal(workers, seed),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind of initial values"),
        };
        var vectors = new float[workers][];
        for (var i = 0; i < workers; i++)
            vectors[i] = [values[i]];
        return vectors;
    }

    private static float[] Index(int workers)
    {
        var values = new float[workers];
        for (var i = 0; i < workers; i++)
            values[i] = i;
        return values;
    }

    private static float[] OneHot(int workers)
    {
        var values = new float[workers];
        values[0] = workers;
        return values;
    }

    /// <summary>Box–Muller on <c>new Random(seed)</c>: each pair of uniforms gives two normals (cos, then sin).</summary>
    private static float[] StandardNormal(int workers, int seed)
    {
        var random = new Random(seed);
        var values = new float[workers];
        for (var i = 0; i < workers; i += 2)
        {
            var u1 = 1.0 - random.NextDouble(); // in (0, 1], so the logarithm is finite
            var u2 = random.NextDouble();
            var radius = Math.Sqrt(-2.0 * Math.Log(u1));
            var angle = 2.0 * Math.PI * u2;
            values[i] = (float)(radius * Math.Cos(angle));
            if (i + 1 < workers)
                values[i + 1] = (float)(radius * Math.Sin(angle));
        }
        return values;
    }
}
