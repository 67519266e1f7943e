using System.Numerics;
using RelayActors.Models.State;

namespace RelayActors.Actors.Relay;

/// <summary>
/// The start of every worker node's checkpoint: a tag naming the node type (with its element type), the worker, the
/// dimension, then the model and the count; reading rejects state of another algorithm, worker or size.
/// </summary>
internal static class NodeStateHeader
{
    public static void Write<T>(BinaryWriter writer, Type node, int worker, int dimension, ReadOnlySpan<T> model, int count)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(writer);
        StateIO.WriteTag(writer, StateIO.TypeTag(node));
        writer.Write(worker);
        writer.Write(dimension);
        StateIO.WriteSpan(writer, model);
        writer.Write(count);
    }

    /// <summary>Checks the header, reads the model into <paramref name="model"/> and returns the count.</summary>
    public static int Read<T>(BinaryReader reader, Type node, int worker, int dimension, Span<T> model)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(reader);
        StateIO.ExpectTag(reader, StateIO.TypeTag(node));
        StateIO.ExpectInt32(reader, worker, "worker");
        StateIO.ExpectInt32(reader, dimension, $"worker {worker}'s dimension");
        StateIO.ReadSpan(reader, model, $"worker {worker}'s model");
        var count = reader.ReadInt32();
        if (count < 0)
            throw new InvalidDataException($"State of worker {worker} has count {count}; counts are non-negative");
        return count;
    }
}
