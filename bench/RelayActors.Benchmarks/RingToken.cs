namespace RelayActors.Benchmarks;

/// <summary>
/// A message circulating in the ring. Owned by exactly one actor at a time (the one processing it), so the
/// hop counter may be mutated without synchronisation: the mailbox hand-off publishes the write.
/// </summary>
internal sealed class RingToken
{
    public int HopsLeft { get; set; }
}
