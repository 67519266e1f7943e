using System.Text.Json;
using RelayActors.Runtime.Cluster;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Tests.Cluster;

public sealed class ClusterMessagesTests
{
    private static readonly Address A = new("sys", "node-a", 1);

    private static readonly Member Up = new(A, MemberStatus.Up, 2, new Dictionary<string, string> { ["capacity"] = "4", ["host"] = "gpu-1" }) { Incarnation = 42 };

    public static TheoryData<string> Manifests() => [.. ClusterMessages.Manifests.Select(m => m.Manifest)];

    private static object Sample(Type type) => type.Name switch
    {
        nameof(Join) => new Join(A, 42, new Dictionary<string, string> { ["capacity"] = "4" }),
        nameof(Welcome) => new Welcome(A, [Up]),
        nameof(JoinNack) => new JoinNack(A),
        nameof(GossipEnvelope) => new GossipEnvelope(A, [Up, Up with { Address = new Address("sys", "node-b", 2), Status = MemberStatus.Down }]),
        nameof(Heartbeat) => new Heartbeat(A, 7),
        nameof(HeartbeatResponse) => new HeartbeatResponse(A, 7),
        nameof(Leave) => new Leave(A),
        nameof(Down) => new Down(A),
        _ => throw new InvalidOperationException($"no sample for {type.Name}: add one when adding a wire message"),
    };

    [Theory]
    [MemberData(nameof(Manifests))]
    public void EveryWireMessage_RoundTripsThroughTheJsonContext(string manifest)
    {
        var entry = ClusterMessages.Manifests.Single(m => m.Manifest == manifest);
        var message = Sample(entry.Type);

        var json = JsonSerializer.Serialize(message, entry.TypeInfo);
        var back = JsonSerializer.Deserialize(json, entry.TypeInfo);

        Assert.IsType(entry.Type, back);
        Assert.Equal(json, JsonSerializer.Serialize(back, entry.TypeInfo));
    }

    [Fact]
    public void Gossip_RoundTrip_KeepsIncarnationStatusAndAttributes()
    {
        var json = JsonSerializer.Serialize(new GossipEnvelope(A, [Up]), ClusterJsonContext.Default.GossipEnvelope);

        var member = Assert.Single(JsonSerializer.Deserialize(json, ClusterJsonContext.Default.GossipEnvelope)!.Members);

        Assert.Equal((A, MemberStatus.Up, 2, 42L), (member.Address, member.Status, member.UpNumber, member.Incarnation));
        Assert.Equal("gpu-1", member.Attributes["host"]);
    }

    [Fact]
    public void Manifests_AreUniqueAndCoverEveryWireMessage()
    {
        var wireTypes = typeof(IClusterMessage).Assembly.GetTypes()
            .Where(t => t.IsPublic && typeof(IClusterMessage).IsAssignableFrom(t) && !t.IsInterface);

        Assert.Equal(ClusterMessages.Manifests.Count, ClusterMessages.Manifests.Select(m => m.Manifest).Distinct().Count());
        Assert.Equal(wireTypes.OrderBy(t => t.Name), ClusterMessages.Manifests.Select(m => m.Type).OrderBy(t => t.Name));
    }
}
