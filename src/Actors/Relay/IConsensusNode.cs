namespace RelayActors.Actors.Relay;

/// <summary>
/// One worker's side of a synchronous averaging round, independent of how messages travel: the lock-step
/// simulator and the worker actor drive it the same way. Per round: <see cref="ComposeOutgoing"/> for every
/// neighbour, then <see cref="Accept"/> each neighbour's message of the same round, then <see cref="CompleteRound"/>.
/// </summary>
public interface IConsensusNode
{
    int Worker { get; }

    /// <summary>Length of every payload and estimate.</summary>
    int Dimension { get; }

    /// <summary>Neighbours, ascending.</summary>
    ReadOnlySpan<int> Neighbours { get; }

    /// <summary>Index of <paramref name="neighbour"/> in <see cref="Neighbours"/>, or −1.</summary>
    int SlotOf(int neighbour);

    /// <summary>Writes this round's payload for <paramref name="to"/>; returns the count it carries.</summary>
    int ComposeOutgoing(int to, Span<float> destination);

    /// <summary>Takes a neighbour's message of the current round (the payload is copied).</summary>
    void Accept(int from, ReadOnlySpan<float> payload, int count);

    /// <summary>
    /// Ends the round after every neighbour's message was accepted: writes the worker's estimate and returns the
    /// number of workers it is an exact average of (RelaySum's C_i), or 0 where the algorithm keeps no counts.
    /// </summary>
    int CompleteRound(Span<float> estimate);
}
