using System.Text.Json.Serialization;

namespace RelayActors.Actors.Distributed;

/// <summary>Source-generated JSON metadata of the distributed-training protocol (no reflection on the wire path).</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(PrepareRun))]
[JsonSerializable(typeof(RunPrepared))]
[JsonSerializable(typeof(RunSegment))]
[JsonSerializable(typeof(SegmentReady))]
[JsonSerializable(typeof(StartSegment))]
[JsonSerializable(typeof(SegmentDone))]
[JsonSerializable(typeof(AbortRun))]
internal sealed partial class DistributedJsonContext : JsonSerializerContext;
