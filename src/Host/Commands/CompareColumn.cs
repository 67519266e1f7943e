namespace RelayActors.Host.Commands;

/// <summary>A column of the comparison table: one α (training) or n (quadratics), with a drop probability.</summary>
internal sealed record CompareColumn(double? Alpha, int? Workers, double DropProbability, string Label, string Key);
