using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RelayActors.Models.State;

/// <summary>
/// The building blocks of checkpoint formats: length-prefixed vectors of raw little-endian bytes, and tags and
/// expected values that make a state written for another type or configuration fail with a message saying what
/// differs (<see cref="InvalidDataException"/>) instead of loading garbage.
/// </summary>
public static class StateIO
{
    /// <summary>Longest configuration vector that <see cref="ExpectSpan{T}"/> lists when its length differs (longer ones are garbage more likely than configuration).</summary>
    private const int MaxListedLength = 1 << 16;

    /// <summary>
    /// Writes <paramref name="values"/> as its length, its element size in bytes and its raw bytes. The bytes are the
    /// in-memory representation, which is little-endian on every platform .NET 10 runs on (checked).
    /// </summary>
    public static void WriteSpan<T>(BinaryWriter writer, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(writer);
        RequireLittleEndian();
        writer.Write(values.Length);
        writer.Write(Unsafe.SizeOf<T>());
        writer.Write(MemoryMarshal.AsBytes(values));
    }

    /// <summary>
    /// Reads a vector written by <see cref="WriteSpan{T}"/> into <paramref name="destination"/>, which must have its
    /// length; errors name the vector by <paramref name="name"/> (the caller's argument expression by default).
    /// </summary>
    /// <exception cref="InvalidDataException">The stored length or element size differs from <paramref name="destination"/>'s, or the data ends early.</exception>
    public static void ReadSpan<T>(BinaryReader reader, Span<T> destination, [CallerArgumentExpression(nameof(destination))] string name = "")
        where T : unmanaged
    {
        var length = ReadHeader<T>(reader, name);
        if (length != destination.Length)
            throw new InvalidDataException(
                $"State of '{name}' holds {length} values, but {destination.Length} were expected");
        ReadValues(reader, destination, name);
    }

    /// <summary>Reads a vector written by <see cref="WriteSpan{T}"/> and checks that it equals <paramref name="expected"/> (a configuration such as a neighbour list).</summary>
    /// <exception cref="InvalidDataException">The stored vector differs.</exception>
    public static void ExpectSpan<T>(BinaryReader reader, ReadOnlySpan<T> expected, [CallerArgumentExpression(nameof(expected))] string name = "")
        where T : unmanaged, IEquatable<T>
    {
        var length = ReadHeader<T>(reader, name);
        if (length > MaxListedLength && length != expected.Length)
            throw new InvalidDataException($"State was written for {length} values of {name}, but this one has {expected.Length}");
        var found = new T[length];
        ReadValues<T>(reader, found, name);
        if (!expected.SequenceEqual(found))
            throw new InvalidDataException($"State was written for {name} = [{string.Join(", ", found)}], but this one has [{string.Join(", ", expected.ToArray())}]");
    }

    /// <summary>Writes a section tag, e.g. the name of the type whose state follows.</summary>
    public static void WriteTag(BinaryWriter writer, string tag)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentException.ThrowIfNullOrEmpty(tag);
        writer.Write(tag);
    }

    /// <summary>Reads a section tag and checks that it is <paramref name="tag"/>.</summary>
    /// <exception cref="InvalidDataException">Another tag, or no readable tag, is found.</exception>
    public static void ExpectTag(BinaryReader reader, string tag)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrEmpty(tag);
        string found;
        try
        {
            found = reader.ReadString();
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException)
        {
            throw new InvalidDataException($"Expected state section '{tag}', but no section tag could be read", e);
        }
        if (found != tag)
            throw new InvalidDataException($"Expected state section '{tag}', found '{found}': the state was written by another type or algorithm");
    }

    /// <summary>Reads an <see cref="int"/> and checks that it is <paramref name="expected"/> (a configuration value such as a dimension).</summary>
    /// <exception cref="InvalidDataException">Another value is found.</exception>
    public static void ExpectInt32(BinaryReader reader, int expected, [CallerArgumentExpression(nameof(expected))] string name = "")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var found = reader.ReadInt32();
        if (found != expected)
            throw new InvalidDataException($"State was written for {name} = {found}, but this one has {expected}");
    }

    /// <summary>
    /// A tag naming <paramref name="type"/> with its generic arguments (<c>RelaySgdNode&lt;Double&gt;</c>), so state of
    /// another type or element type does not match.
    /// </summary>
    public static string TypeTag(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!type.IsGenericType)
            return type.Name;
        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(TypeTag))}>";
    }

    /// <summary>Reads the length and element size of a vector; returns the length.</summary>
    private static int ReadHeader<T>(BinaryReader reader, string name)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(reader);
        RequireLittleEndian();
        var length = reader.ReadInt32();
        var size = reader.ReadInt32();
        if (size != Unsafe.SizeOf<T>())
            throw new InvalidDataException(
                $"State of '{name}' holds values of {size} bytes, but values of {Unsafe.SizeOf<T>()} bytes ({typeof(T).Name}) were expected");
        if (length < 0)
            throw new InvalidDataException($"State of '{name}' has length {length}");
        return length;
    }

    private static void ReadValues<T>(BinaryReader reader, Span<T> destination, string name)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(destination);
        var read = 0;
        while (read < bytes.Length)
        {
            var more = reader.Read(bytes[read..]);
            if (more == 0)
                throw new InvalidDataException($"State of '{name}' ends after {read} of {bytes.Length} bytes");
            read += more;
        }
    }

    private static void RequireLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("Checkpoints store raw little-endian bytes; this platform is big-endian");
    }
}
