namespace RelayActors.Actors.Tests.Network;

/// <summary>A test message that carries only its send sequence number.</summary>
internal sealed record Packet(int Seq);
