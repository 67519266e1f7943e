namespace RelayActors.Models.State;

/// <summary>
/// State that a checkpoint saves and restores: <see cref="ReadState"/> on an object freshly constructed with the same
/// arguments makes it behave exactly as the one that wrote the state (same numbers, bit for bit).
/// </summary>
/// <remarks>
/// Writers start with a tag (<see cref="StateIO.WriteTag"/>) so that state written by another type, element type or
/// configuration fails with <see cref="InvalidDataException"/> rather than loading garbage. A failed read leaves the
/// object partly restored: construct a fresh one before trying again.
/// </remarks>
public interface ICheckpointable
{
    /// <summary>Writes everything that determines future behaviour; may allocate.</summary>
    void WriteState(BinaryWriter writer);

    /// <summary>Restores what <see cref="WriteState"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The state was written by another type or for another configuration.</exception>
    void ReadState(BinaryReader reader);
}
