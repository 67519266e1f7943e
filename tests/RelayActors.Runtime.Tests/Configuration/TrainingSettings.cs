using Microsoft.Extensions.Configuration;

namespace RelayActors.Runtime.Tests.Configuration;

/// <summary>Kebab-case HOCON keys bound by Microsoft.Extensions.Configuration.Binder.</summary>
public sealed class TrainingSettings
{
    [ConfigurationKeyName("learning-rate")]
    public float LearningRate { get; set; }

    [ConfigurationKeyName("batch-size")]
    public int BatchSize { get; set; }

    public int Steps { get; set; }

    [ConfigurationKeyName("eval-every")]
    public TimeSpan EvalEvery { get; set; }

    public int[] Milestones { get; set; } = [];
}
