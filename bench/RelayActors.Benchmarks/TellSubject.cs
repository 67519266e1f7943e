namespace RelayActors.Benchmarks;

/// <summary>
/// One row of the Tell investigation. <see cref="EndToEnd"/> runs producer and consumer together and returns
/// msg/s; <see cref="Split"/> runs the producer alone (consumer held at a gate) and then the consumer alone
/// (draining the full queue), recording ns/message for each side in the log.
/// </summary>
internal sealed record TellSubject(string Name, Func<int, TellRunLog, double> EndToEnd, Action<int, TellRunLog> Split);
