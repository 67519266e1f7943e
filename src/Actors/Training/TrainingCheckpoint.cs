using System.Text;

namespace RelayActors.Actors.Training;

/// <summary>
/// A training run's state on disk: every worker's node (model, relay inboxes and counts, optimizer state), the
/// completed steps and the message totals. Data order and dropout are functions of (seed, worker, step), so the step
/// is all the random state there is. Written atomically (a temporary file renamed over the old one), so a crash
/// leaves the previous checkpoint intact; tagged with a description of the settings, so a run with different
/// settings cannot resume from it.
/// </summary>
public static class TrainingCheckpoint
{
    private const string Magic = "RELAY-ACTORS-CHECKPOINT";
    private const string Trailer = "END-OF-CHECKPOINT";
    private const int Version = 1;

    /// <summary>The file name inside a run folder.</summary>
    public const string FileName = "checkpoint.bin";

    /// <summary>Writes <paramref name="run"/>'s state to <paramref name="path"/>, replacing any previous checkpoint only once the new one is complete.</summary>
    public static void Write(string path, TrainingRun run, string settingsDescription)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var temporary = $"{path}.tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(Magic);
                writer.Write(Version);
                writer.Write(settingsDescription);
                run.WriteState(writer);
                writer.Write(Trailer);
            }
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Restores <paramref name="run"/> (freshly built with the same settings) from <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a checkpoint, is truncated, or was written with other settings.</exception>
    public static void Read(string path, TrainingRun run, string settingsDescription)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var reader = Open(path, settingsDescription);
        try
        {
            run.ReadState(reader);
            if (reader.ReadString() != Trailer)
                throw new InvalidDataException($"Checkpoint {path} has data after the last worker's state; it was written by another version or is corrupt");
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"Checkpoint {path} is truncated (the write was interrupted, or the file was cut); delete it to start the run afresh");
        }
    }

    private static BinaryReader Open(string path, string settingsDescription)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        try
        {
            if (ReadHeaderString(reader, path) != Magic)
                throw new InvalidDataException($"{path} is not a RelayActors checkpoint");
            var version = reader.ReadInt32();
            if (version != Version)
                throw new InvalidDataException($"Checkpoint {path} has format version {version}; this build reads version {Version}");
            if (!EndsWithTrailer(reader.BaseStream))
                throw new InvalidDataException($"Checkpoint {path} is truncated (the write was interrupted, or the file was cut); delete it to start the run afresh");
            var written = reader.ReadString();
            if (written != settingsDescription)
                throw new InvalidDataException($"Checkpoint {path} was written by a run with other settings; resume with the same configuration or choose another run name.{Environment.NewLine}Checkpoint: {written}{Environment.NewLine}This run:   {settingsDescription}");
            return reader;
        }
        catch (EndOfStreamException)
        {
            reader.Dispose();
            throw new InvalidDataException($"Checkpoint {path} is truncated in its header");
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Whether the file ends with the trailer <see cref="Write"/> puts last (a length-prefixed string); the position is kept.</summary>
    private static bool EndsWithTrailer(Stream stream)
    {
        var expected = new byte[1 + Encoding.UTF8.GetByteCount(Trailer)];
        expected[0] = (byte)(expected.Length - 1);
        Encoding.UTF8.GetBytes(Trailer, expected.AsSpan(1));
        if (stream.Length < stream.Position + expected.Length)
            return false;
        var position = stream.Position;
        stream.Seek(-expected.Length, SeekOrigin.End);
        var found = new byte[expected.Length];
        stream.ReadExactly(found);
        stream.Position = position;
        return found.AsSpan().SequenceEqual(expected);
    }

    private static string ReadHeaderString(BinaryReader reader, string path)
    {
        try
        {
            return reader.ReadString();
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException or IOException)
        {
            throw new InvalidDataException($"{path} is not a RelayActors checkpoint", e);
        }
    }
}
