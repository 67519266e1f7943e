using System.Text.Json;
using System.Text.Json.Serialization;

namespace RelayActors.Host.Reports;

/// <summary>
/// <c>cell.json</c>, written last when a comparison cell finished: the canonical settings text the cell ran under
/// (its identity: a later run with the same identity reuses the cell, another one is refused) and, for quadratics,
/// the result.
/// </summary>
internal sealed record CompareCellRecord(string Identity, QuadraticsCellResult? Quadratics)
{
    public const string FileName = "cell.json";

    /// <summary>The record in <paramref name="folder"/>, or null when there is none or it cannot be read (the cell then runs again).</summary>
    public static CompareCellRecord? Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
            return null;
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), CompareJson.Default.CompareCellRecord);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the record atomically (a temporary file renamed over the old one).</summary>
    public void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(this, CompareJson.Default.CompareCellRecord));
        File.Move(path + ".tmp", path, overwrite: true);
    }
}

/// <summary>Source-generated JSON for the comparison's cell records.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(CompareCellRecord))]
internal sealed partial class CompareJson : JsonSerializerContext;
