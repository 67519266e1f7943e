namespace RelayActors.Actors.Workers;

/// <summary>The best trial of a <see cref="LearningRateSearch"/> and every trial, by learning rate.</summary>
public sealed record LearningRateSearchResult(QuadraticsResult Best, IReadOnlyList<QuadraticsResult> Trials);
